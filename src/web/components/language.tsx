import { useTranslation } from 'react-i18next';
import { LANGS, setLang, type Lang } from '../lib/i18n';

/** The interface language, remembered in this browser (lib/i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="sr-only">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('app.language')} data-testid="language">
        {LANGS.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
