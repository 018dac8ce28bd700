import { useEffect, useState, type FormEvent } from 'react';
import type { ScreeningHit, ScreeningResult } from '../../domain/screening';
import { api } from '../lib/api';
import { useAsyncAction } from '../lib/use-async';
import { HitView } from '../components/determination';
import { CountrySelect, ErrorNotice, Field, Loading, Name, Notice, PageHeader } from '../components/ui';
import { useTranslation } from 'react-i18next';

interface ReviewAnswer {
  id?: string;
  decision?: string;
}

type Decision = 'cleared' | 'confirmed';

/** Clearing or confirming one hit, with the officer's reason (the server remembers it per counterparty and entry). */
function ReviewForm({ hit, name, country }: { hit: ScreeningHit & { entryHash?: string }; name: string; country: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ decision: Decision; answer: ReviewAnswer } | null>(null);
  const [state, run] = useAsyncAction(async (decision: Decision) => {
    const answer = await api<ReviewAnswer>('/v1/reviews', {
      body: {
        counterparty: { name, ...(country ? { country } : {}) },
        list: hit.list,
        entryId: hit.entryId,
        ...(hit.entryHash ? { entryHash: hit.entryHash } : {}),
        decision,
        reason: reason.trim(),
      },
    });
    setDone({ decision, answer });
  });
  if (done) {
    return (
      <Notice kind="ok">
        <strong>{done.decision === 'cleared' ? t('screen.recordedCleared') : t('screen.recordedConfirmed')}</strong>
      </Notice>
    );
  }
  const reasonId = `reason-${hit.list}-${hit.entryId}`;
  return (
    <details className="review">
      <summary>{t('screen.reviewHit')}</summary>
    <form
      onSubmit={(e) => {
        e.preventDefault();
      }}
      aria-label={t('screen.reviewForm', { name: hit.name })}
    >
      <label htmlFor={reasonId}>{t('screen.reason')}</label>
      <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('screen.reasonPlaceholder')} />
      <div className="row-actions">
        <button type="button" className="secondary" disabled={!reason.trim() || state.status === 'loading'} onClick={() => void run('cleared')}>
          {t('screen.clear')}
        </button>
        <button type="button" className="danger-button" disabled={!reason.trim() || state.status === 'loading'} onClick={() => void run('confirmed')}>
          {t('screen.confirm')}
        </button>
      </div>
      {!reason.trim() && <small className="hint">{t('screen.reasonNeeded')}</small>}
      {state.status === 'error' && <ErrorNotice error={state.error} title={t('screen.notRecorded')} />}
    </form>
    </details>
  );
}

export function ScreenPage({ initialName }: { initialName: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName || '华为技术有限公司');
  const [country, setCountry] = useState('');
  const [asked, setAsked] = useState<{ name: string; country: string } | null>(null);
  const [state, run] = useAsyncAction((q: { name: string; country: string }) => api<ScreeningResult>('/v1/screen', { body: { name: q.name, ...(q.country ? { country: q.country } : {}) } }));
  function go(e?: FormEvent) {
    e?.preventDefault();
    const q = { name: name.trim(), country };
    if (!q.name) return;
    setAsked(q);
    void run(q);
  }
  // A link from a determination ("review these hits") screens the name straight away.
  useEffect(() => {
    if (initialName) go();
  }, [initialName]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <PageHeader title={t('screen.title')}>{t('screen.lede')}</PageHeader>
      <form className="card form search" onSubmit={go} role="search">
        <div className="row">
          <Field label={t('screen.name')} wide>
            {(id) => <input id={id} type="search" lang="zh" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />}
          </Field>
          <Field label={t('screen.country')} hint={t('screen.countryHint')}>
            {(id) => <CountrySelect id={id} value={country} onChange={setCountry} optional />}
          </Field>
        </div>
        <button type="submit" className="primary" disabled={state.status === 'loading'}>
          {state.status === 'loading' ? t('screen.screening') : t('screen.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'loading' && <Loading label={t('screen.screening')} />}
        {state.status === 'error' && <ErrorNotice error={state.error} title={t('screen.failed')} />}
        {state.status === 'done' && asked && (
          <section aria-labelledby="hits-title">
            <h2 id="hits-title">
              {state.value.hits.length ? t('screen.hits', { count: state.value.hits.length }) : t('screen.noHits')} “<Name>{state.value.query}</Name>”
            </h2>
            {state.value.hits.length === 0 && <p className="muted">{t('screen.noHitsLede')}</p>}
            {(state.value as ScreeningResult & { cleared?: unknown[] }).cleared?.length ? (
              <Notice kind="info">
                {t('screen.hidden', { count: (state.value as ScreeningResult & { cleared: unknown[] }).cleared.length })}
              </Notice>
            ) : null}
            <ul className="hits">
              {state.value.hits.map((h) => (
                <HitView key={`${h.list}:${h.entryId}`} hit={h}>
                  <ReviewForm hit={h} name={asked.name} country={asked.country} />
                </HitView>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
