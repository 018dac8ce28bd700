import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { href } from '../lib/router';
import { useLoad } from '../lib/use-async';
import { ErrorNotice, Loading, Name, Notice, PageHeader } from '../components/ui';
import { useTranslation } from 'react-i18next';
import { i18n, t } from '../lib/i18n';

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

const statusLabel = (s: ReviewCase['status']): string => t(`reviews.statuses.${s}`);
/** A history event's action (opened, proposed cleared …) in words of the interface language. */
const actionLabel = (action: string): string => {
  const key = `reviews.actions.${action.replace(/ /g, '_')}`;
  return i18n.exists(key) ? t(key) : action;
};
const FILTERS = ['', 'open', 'in_review', 'escalated', 'cleared', 'confirmed', 'revoked'] as const;
const STATUSES: Record<string, true> = { open: true, in_review: true, cleared: true, confirmed: true, escalated: true, revoked: true };

function what(c: ReviewCase): string {
  if (c.kind === 'potential_match' && c.hit) return t('reviews.mayBe', { name: c.hit.name, list: c.hit.listTitle ?? t('reviews.aList'), score: c.hit.score.toFixed(2) });
  return t('reviews.missing', { list: c.missing.map((m) => m.label).join('; ') });
}

export function ReviewsPage({ caseId }: { caseId?: string | undefined }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('');
  const [cases, reload] = useLoad(() => api<{ cases: ReviewCase[]; fourEyes: boolean; you: string }>(`/v1/review-cases${status ? `?status=${status}` : ''}`), [status]);
  return (
    <>
      <PageHeader title={t('reviews.title')}>{t('reviews.lede')}</PageHeader>
      <div className="row">
        <label>
          {t('reviews.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as (typeof FILTERS)[number])} aria-label={t('reviews.filter')}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f ? statusLabel(f) : t('ui.all')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {cases.status === 'loading' && <Loading />}
      {cases.status === 'error' && <ErrorNotice error={cases.error} />}
      {cases.status === 'done' && (
        <>
          {cases.value.fourEyes && <Notice>{t('reviews.fourEyes')}</Notice>}
          {cases.value.cases.length === 0 ? (
            <p className="muted">{t('reviews.noCases')}</p>
          ) : (
            <div className="table-wrap">
              <table className="cases">
                <thead>
                  <tr>
                    <th scope="col">{t('reviews.status')}</th>
                    <th scope="col">{t('reviews.order')}</th>
                    <th scope="col">{t('reviews.counterparty')}</th>
                    <th scope="col">{t('reviews.what')}</th>
                    <th scope="col">{t('reviews.owner')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.value.cases.map((c) => (
                    <tr key={c.id} aria-selected={c.id === caseId}>
                      <td>
                        <a href={href('reviews', c.id)}>{statusLabel(c.status)}</a>
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
  const { t } = useTranslation();
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
        {t('reviews.case')} <span data-testid="case-status">{statusLabel(k.status)}</span>
      </h2>
      <dl className="facts">
        <dt>{t('reviews.order')}</dt>
        <dd>{k.orderRef ?? '—'}</dd>
        <dt>{t('reviews.counterparty')}</dt>
        <dd>{k.counterparty ? <Name>{`${k.counterparty.name}${k.counterparty.country ? ` (${k.counterparty.country})` : ''}`}</Name> : '—'}</dd>
        <dt>{k.kind === 'potential_match' ? t('reviews.potentialMatch') : t('reviews.missingFacts')}</dt>
        <dd>
          <Name>{what(k)}</Name>
          {k.hit?.citation && <div className="muted small">{k.hit.citation}</div>}
        </dd>
        {k.pending && (
          <>
            <dt>{t('reviews.waiting')}</dt>
            <dd>
              {t('reviews.proposed', { by: k.pending.by, decision: k.pending.decision in STATUSES ? statusLabel(k.pending.decision as ReviewCase['status']) : k.pending.decision, reason: k.pending.reason })}
            </dd>
          </>
        )}
        {k.reason && (
          <>
            <dt>{t('reviews.decision')}</dt>
            <dd>
              {k.reason}
              {k.expiresAt ? t('reviews.until', { date: k.expiresAt }) : ''}
            </dd>
          </>
        )}
      </dl>
      {error ? <ErrorNotice error={error} title={t('reviews.refused')} /> : null}
      {!closed && (
        <form className="case-actions" onSubmit={decide('cleared')}>
          <label>
            {t('reviews.reason')}{' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required aria-label={t('reviews.reason')} />
          </label>
          <label>
            {t('reviews.expires')}{' '}
            <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label={t('reviews.expires')} />
          </label>
          <button type="submit">{k.kind === 'potential_match' ? t('reviews.clearMatch') : t('reviews.clear')}</button>
          {k.kind === 'potential_match' && (
            <button type="button" className="secondary" onClick={decide('confirmed')}>
              {t('reviews.confirm')}
            </button>
          )}
          <button type="button" className="secondary" onClick={decide('escalated')}>
            {t('reviews.escalate')}
          </button>
          {you && k.owner !== you && (
            <button type="button" className="link" onClick={() => void step('assign', { owner: you })}>
              {t('reviews.take')}
            </button>
          )}
        </form>
      )}
      {k.status === 'cleared' && (
        <form className="case-actions" onSubmit={(e) => { e.preventDefault(); void step('revoke', { reason }); }}>
          <label>
            {t('reviews.reason')}{' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required aria-label={t('reviews.reason')} />
          </label>
          <button type="submit" className="secondary">
            {t('reviews.revoke')}
          </button>
        </form>
      )}
      <h3>{t('reviews.history')}</h3>
      <ol className="history">
        {(k.events ?? []).map((e) => (
          <li key={e.auditSeq}>
            <span className="muted">{e.at.replace('T', ' ').slice(0, 19)}</span> {e.actor ?? 'Redline'} — {actionLabel(e.action)}
            {e.text ? <>: <Name>{e.text}</Name></> : null}
          </li>
        ))}
      </ol>
      <details className="identifiers">
        <summary>{t('ui.details')}</summary>
        <p className="small">
          {t('reviews.caseId')} <code>{k.id}</code>
          {k.hit ? (
            <>
              {' '}
              · {t('reviews.listId')} <code>{k.hit.list}</code> · {t('reviews.entryId')} <code>{k.hit.entryId}</code>
            </>
          ) : null}
        </p>
      </details>
    </section>
  );
}
