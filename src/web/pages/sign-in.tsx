import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { storeKey } from '../lib/session';
import { ErrorNotice } from '../components/ui';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language';

/** Checks the key against the server before keeping it, so a typo is caught here and not on the first page. */
export function SignIn({ onSignedIn, reason }: { onSignedIn: () => void; reason?: string }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const k = key.trim();
    if (!k) {
      setError(new Error(t('signIn.pasteKey')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Any viewer route proves the key; this one answers with almost nothing.
      await api('/v1/rules/timeline?from=9999-01-01', { key: k });
      storeKey(k);
      onSignedIn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} className="card sign-in-card" aria-labelledby="sign-in-title">
        <LanguageSwitch />
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="lede">{t('signIn.lede')}</p>
        <p>
          <code>redline keys create --role analyst</code>
        </p>
        {reason && <p className="notice notice-warn">{reason}</p>}
        <div className="field">
          <label htmlFor="api-key">{t('signIn.keyLabel')}</label>
          <input id="api-key" name="api-key" type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
        </div>
        {error !== null && <ErrorNotice error={error} title={t('signIn.failed')} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
