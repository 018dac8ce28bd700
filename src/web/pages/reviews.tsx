import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { href } from '../lib/router';
import { useLoad } from '../lib/use-async';
import { ErrorNotice, Loading, Name, Notice, PageHeader } from '../components/ui';

/** The shape GET /v1/review-cases answers (src/store/cases.ts ReviewCase). */
interface ReviewCase {
  id: string;
  kind: 'potential_match' | 'missing_facts';
  status: 'open' | 'in_review' | 'cleared' | 'confirmed' | 'escalated' | 'revoked';
  orderRef: string | null;
  counterparty: { name: string; country: string | null } | null;
  hit: { list: string; listTitle?: string; entryId: string; name: string; score: number; citation?: string } | null;
  missing: { path: string; label: string }[];
  source: string;
  owner: string | null;
  pending: { decision: string; by: string; reason: string } | null;
  decidedBy: string | null;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
  events?: { at: string; actor: string | null; action: string; text: string | null; auditSeq: number }[];
}

const STATUS: Record<ReviewCase['status'], string> = { open: 'Open', in_review: 'In review', cleared: 'Cleared', confirmed: 'Confirmed', escalated: 'Escalated', revoked: 'Revoked' };
const FILTERS = ['', 'open', 'in_review', 'escalated', 'cleared', 'confirmed', 'revoked'] as const;

function what(c: ReviewCase): string {
  if (c.kind === 'potential_match' && c.hit) return `may be “${c.hit.name}” on ${c.hit.listTitle ?? 'a restricted-party list'} (score ${c.hit.score.toFixed(2)})`;
  return `missing: ${c.missing.map((m) => m.label).join('; ')}`;
}

export function ReviewsPage({ caseId }: { caseId?: string | undefined }) {
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('');
  const [cases, reload] = useLoad(() => api<{ cases: ReviewCase[]; fourEyes: boolean; you: string }>(`/v1/review-cases${status ? `?status=${status}` : ''}`), [status]);
  return (
    <>
      <PageHeader title="Review queue">Potential list matches and review answers from Check, Batch and re-screening wait here until a person clears, confirms or escalates them.</PageHeader>
      <div className="row">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as (typeof FILTERS)[number])} aria-label="Filter by status">
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f ? STATUS[f] : 'All'}
              </option>
            ))}
          </select>
        </label>
      </div>
      {cases.status === 'loading' && <Loading />}
      {cases.status === 'error' && <ErrorNotice error={cases.error} />}
      {cases.status === 'done' && (
        <>
          {cases.value.fourEyes && <Notice>Four eyes: clearing or confirming needs a second person.</Notice>}
          {cases.value.cases.length === 0 ? (
            <p className="muted">No cases.</p>
          ) : (
            <div className="table-wrap">
              <table className="cases">
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Order</th>
                    <th scope="col">Counterparty</th>
                    <th scope="col">What</th>
                    <th scope="col">Owner</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.value.cases.map((c) => (
                    <tr key={c.id} aria-selected={c.id === caseId}>
                      <td>
                        <a href={href('reviews', c.id)}>{STATUS[c.status]}</a>
                      </td>
                      <td>{c.orderRef ?? '—'}</td>
                      <td>{c.counterparty ? <Name>{c.counterparty.name}</Name> : '—'}</td>
                      <td>
                        <Name>{what(c)}</Name>
                      </td>
                      <td>{c.owner ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {caseId && <CaseView id={caseId} onChange={reload} you={cases.status === 'done' ? cases.value.you : undefined} />}
    </>
  );
}

function CaseView({ id, onChange, you }: { id: string; onChange: () => void; you?: string | undefined }) {
  const [c, reload] = useLoad(() => api<ReviewCase>(`/v1/review-cases/${encodeURIComponent(id)}`), [id]);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function step(path: string, body: Record<string, unknown>) {
    setError(null);
    try {
      await api(`/v1/review-cases/${encodeURIComponent(id)}/${path}`, { body });
      setReason('');
      reload();
      onChange();
    } catch (e) {
      setError(e);
    }
  }
  if (c.status === 'loading' || c.status === 'idle') return <Loading />;
  if (c.status === 'error') return <ErrorNotice error={c.error} />;
  const k = c.value;
  const closed = k.status === 'cleared' || k.status === 'confirmed' || k.status === 'revoked';
  const decide = (decision: string) => (e: FormEvent) => {
    e.preventDefault();
    void step('decision', { decision, reason, ...(expires ? { expiresAt: expires } : {}) });
  };
  return (
    <section className="case" aria-labelledby="case-title" data-testid="review-case">
      <h2 id="case-title">
        Case: <span data-testid="case-status">{STATUS[k.status]}</span>
      </h2>
      <dl className="facts">
        <dt>Order</dt>
        <dd>{k.orderRef ?? '—'}</dd>
        <dt>Counterparty</dt>
        <dd>{k.counterparty ? <Name>{`${k.counterparty.name}${k.counterparty.country ? ` (${k.counterparty.country})` : ''}`}</Name> : '—'}</dd>
        <dt>{k.kind === 'potential_match' ? 'Potential match' : 'Missing facts'}</dt>
        <dd>
          <Name>{what(k)}</Name>
          {k.hit?.citation && <div className="muted small">{k.hit.citation}</div>}
        </dd>
        {k.pending && (
          <>
            <dt>Waiting for a second person</dt>
            <dd>
              {k.pending.by} proposed: {k.pending.decision} — {k.pending.reason}
            </dd>
          </>
        )}
        {k.reason && (
          <>
            <dt>Decision</dt>
            <dd>
              {k.reason}
              {k.expiresAt ? ` (until ${k.expiresAt})` : ''}
            </dd>
          </>
        )}
      </dl>
      {error ? <ErrorNotice error={error} title="That step was refused" /> : null}
      {!closed && (
        <form className="case-actions" onSubmit={decide('cleared')}>
          <label>
            Reason{' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required aria-label="Reason" />
          </label>
          <label>
            Clearance expires{' '}
            <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label="Clearance expires" />
          </label>
          <button type="submit">Clear{k.kind === 'potential_match' ? ' (not the listed party)' : ''}</button>
          {k.kind === 'potential_match' && (
            <button type="button" className="secondary" onClick={decide('confirmed')}>
              Confirm true match
            </button>
          )}
          <button type="button" className="secondary" onClick={decide('escalated')}>
            Escalate
          </button>
          {you && k.owner !== you && (
            <button type="button" className="link" onClick={() => void step('assign', { owner: you })}>
              Take it
            </button>
          )}
        </form>
      )}
      {k.status === 'cleared' && (
        <form className="case-actions" onSubmit={(e) => { e.preventDefault(); void step('revoke', { reason }); }}>
          <label>
            Reason{' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required aria-label="Reason" />
          </label>
          <button type="submit" className="secondary">
            Revoke clearance
          </button>
        </form>
      )}
      <h3>History</h3>
      <ol className="history">
        {(k.events ?? []).map((e) => (
          <li key={e.auditSeq}>
            <span className="muted">{e.at.replace('T', ' ').slice(0, 19)}</span> {e.actor ?? 'Redline'} — {e.action}
            {e.text ? <>: <Name>{e.text}</Name></> : null}
          </li>
        ))}
      </ol>
      <details className="identifiers">
        <summary>Details</summary>
        <p className="small">
          Case <code>{k.id}</code>
          {k.hit ? (
            <>
              {' '}
              · list <code>{k.hit.list}</code> · entry <code>{k.hit.entryId}</code>
            </>
          ) : null}
        </p>
      </details>
    </section>
  );
}
