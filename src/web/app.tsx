import { lazy, Suspense, useEffect, useState } from 'react';
import { onSignedOut } from './lib/api';
import { forgetKey, storedKey } from './lib/session';
import { href, useRoute } from './lib/router';
import { SignIn } from './pages/sign-in';
import { CheckPage } from './pages/check';
import { ScreenPage } from './pages/screen';
import { BatchPage } from './pages/batch';
import { RulesPage } from './pages/rules';
import { MeasurePage } from './pages/measure';
import { AuditPage } from './pages/audit';
import { ReviewsPage } from './pages/reviews';
import { Loading } from './components/ui';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language';

// The charts library is most of the bundle: load it with the one page that draws charts.
const ExposurePage = lazy(() => import('./pages/exposure').then((m) => ({ default: m.ExposurePage })));

const PAGES = ['check', 'screen', 'batch', 'reviews', 'rules', 'exposure', 'audit'] as const;

export function App() {
  const [signedIn, setSignedIn] = useState(() => storedKey() !== null);
  const [reason, setReason] = useState<string | undefined>();
  const route = useRoute();
  const { t, i18n } = useTranslation();
  useEffect(
    () =>
      onSignedOut(() => {
        setReason('app.keyRejected');
        setSignedIn(false);
      }),
    [],
  );
  // Moving between pages puts focus on the new page's heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
    const title = PAGES.find((p) => p === route.page);
    document.title = `${title ? t(`app.pages.${title}`) : 'Redline'} — Redline`;
  }, [route.page, route.param, i18n.language, t]);

  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} {...(reason ? { reason: t(reason) } : {})} />;
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skip')}
      </a>
      <header className="top">
        <a className="brand" href={href('check')}>
          <span className="brand-mark" aria-hidden="true" />
          Redline
        </a>
        <nav aria-label={t('app.pagesNav')}>
          <ul>
            {PAGES.map((page) => (
              <li key={page}>
                <a href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
                  {t(`app.pages.${page}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
        <button
          type="button"
          className="link sign-out"
          onClick={() => {
            forgetKey();
            setReason(undefined);
            setSignedIn(false);
          }}
        >
          {t('app.signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'check' && <CheckPage />}
        {route.page === 'screen' && <ScreenPage initialName={route.query.get('name') ?? ''} />}
        {route.page === 'batch' && <BatchPage />}
        {route.page === 'rules' && !route.param && <RulesPage />}
        {route.page === 'rules' && route.param && <MeasurePage id={route.param} />}
        {route.page === 'exposure' && (
          <Suspense fallback={<Loading label={t('app.loadingCharts')} />}>
            <ExposurePage />
          </Suspense>
        )}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'reviews' && <ReviewsPage caseId={route.param} />}
        {!PAGES.some((p) => p === route.page) && (
          <p>
            {t('app.noSuchPage')} <a href={href('check')}>{t('app.goToCheck')}</a>
          </p>
        )}
      </main>
    </>
  );
}
