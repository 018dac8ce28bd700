import { useEffect, useState, type FormEvent } from 'react';
import type { ScreeningHit, ScreeningResult } from '../../domain/screening';
import { api } from '../lib/api';
import { useAsyncAction } from '../lib/use-async';
import { HitView } from '../components/determination';
import { CountrySelect, ErrorNotice, Field, Loading, Name, Notice, PageHeader } from '../components/ui';

interface ReviewAnswer {
  id?: string;
  decision?: string;
}

type Decision = 'cleared' | 'confirmed';

/** Clearing or confirming one hit, with the officer's reason (the server remembers it per counterparty and entry). */
function ReviewForm({ hit, name, country }: { hit: ScreeningHit & { entryHash?: string }; name: string; country: string }) {
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
        Recorded: this hit is <strong>{done.decision === 'cleared' ? 'cleared (not the listed party)' : 'confirmed (the listed party)'}</strong>
        {done.answer?.id ? ` — review ${done.answer.id}` : ''}. It is in the audit log.
      </Notice>
    );
  }
  const reasonId = `reason-${hit.list}-${hit.entryId}`;
  return (
    <details className="review">
      <summary>Clear or confirm this hit</summary>
    <form
      onSubmit={(e) => {
        e.preventDefault();
      }}
      aria-label={`Review the hit ${hit.name}`}
    >
      <label htmlFor={reasonId}>Reason for your decision</label>
      <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. different company: address and registration number do not match" />
      <div className="row-actions">
        <button type="button" className="secondary" disabled={!reason.trim() || state.status === 'loading'} onClick={() => void run('cleared')}>
          Clear — not this party
        </button>
        <button type="button" className="danger-button" disabled={!reason.trim() || state.status === 'loading'} onClick={() => void run('confirmed')}>
          Confirm — this is the listed party
        </button>
      </div>
      {!reason.trim() && <small className="hint">A reason is needed to clear or confirm a hit.</small>}
      {state.status === 'error' && <ErrorNotice error={state.error} title="The review was not recorded" />}
    </form>
    </details>
  );
}

export function ScreenPage({ initialName }: { initialName: string }) {
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
      <PageHeader title="Screen a name">Search the restricted-party lists in any script — Chinese, simplified or traditional, pinyin or English — and see why each hit matched.</PageHeader>
      <form className="card form search" onSubmit={go} role="search">
        <div className="row">
          <Field label="Name" wide>
            {(id) => <input id={id} type="search" lang="zh" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />}
          </Field>
          <Field label="Country (optional)" hint="Raises or lowers scores; never hides an exact name hit.">
            {(id) => <CountrySelect id={id} value={country} onChange={setCountry} optional />}
          </Field>
        </div>
        <button type="submit" className="primary" disabled={state.status === 'loading'}>
          {state.status === 'loading' ? 'Screening…' : 'Screen'}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'loading' && <Loading label="Screening…" />}
        {state.status === 'error' && <ErrorNotice error={state.error} title="Screening failed" />}
        {state.status === 'done' && asked && (
          <section aria-labelledby="hits-title">
            <h2 id="hits-title">
              {state.value.hits.length ? `${state.value.hits.length} hit${state.value.hits.length > 1 ? 's' : ''}` : 'No hits'} for “<Name>{state.value.query}</Name>”
            </h2>
            {state.value.hits.length === 0 && <p className="muted">No list entry scores above the candidate floor for this name.</p>}
            {(state.value as ScreeningResult & { cleared?: unknown[] }).cleared?.length ? (
              <Notice kind="info">
                {(state.value as ScreeningResult & { cleared: unknown[] }).cleared.length} more hit(s) are hidden: an officer cleared them for this name, and their list entries have not changed since. They are in the audit log.
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
