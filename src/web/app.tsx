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

// The charts library is most of the bundle: load it with the one page that draws charts.
const ExposurePage = lazy(() => import('./pages/exposure').then((m) => ({ default: m.ExposurePage })));

const PAGES = [
  ['check', 'Check'],
  ['screen', 'Screen'],
  ['batch', 'Batch'],
  ['reviews', 'Reviews'],
  ['rules', 'Rules'],
  ['exposure', 'Exposure'],
  ['audit', 'Audit'],
] as const;

export function App() {
  const [signedIn, setSignedIn] = useState(() => storedKey() !== null);
  const [reason, setReason] = useState<string | undefined>();
  const route = useRoute();
  useEffect(
    () =>
      onSignedOut(() => {
        setReason('The server no longer accepts that key. Sign in again.');
        setSignedIn(false);
      }),
    [],
  );
  // Moving between pages puts focus on the new page's heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
    const title = PAGES.find(([p]) => p === route.page)?.[1];
    document.title = `${title ?? 'Redline'} — Redline`;
  }, [route.page, route.param]);

  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} {...(reason ? { reason } : {})} />;
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={href('check')}>
          <span className="brand-mark" aria-hidden="true" />
          Redline
        </a>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map(([page, label]) => (
              <li key={page}>
                <a href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="link sign-out"
          onClick={() => {
            forgetKey();
            setReason(undefined);
            setSignedIn(false);
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'check' && <CheckPage />}
        {route.page === 'screen' && <ScreenPage initialName={route.query.get('name') ?? ''} />}
        {route.page === 'batch' && <BatchPage />}
        {route.page === 'rules' && !route.param && <RulesPage />}
        {route.page === 'rules' && route.param && <MeasurePage id={route.param} />}
        {route.page === 'exposure' && (
          <Suspense fallback={<Loading label="Loading the charts…" />}>
            <ExposurePage />
          </Suspense>
        )}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'reviews' && <ReviewsPage caseId={route.param} />}
        {!PAGES.some(([p]) => p === route.page) && (
          <p>
            No such page. Go to <a href={href('check')}>Check</a>.
          </p>
        )}
      </main>
    </>
  );
}
