import { useEffect, useState } from 'react';
import { api, saveBlob } from '../lib/api';
import { count, dateTime } from '../lib/format';
import { useAsyncAction } from '../lib/use-async';
import { ErrorNotice, Field, Loading, Name, Notice, OutcomeBadge, PageHeader } from '../components/ui';
import type { Outcome } from '../../domain/outcome';
import { useTranslation } from 'react-i18next';
import { t } from '../lib/i18n';

/** An audit record as GET /v1/audit returns it (src/store/types.ts AuditRecord). */
interface AuditRecord {
  seq: number;
  at: string;
  kind: string;
  input: unknown;
  output: unknown;
  keyId: string | null;
  ref: string | null;
  ruleset: { version: string; hash: string } | null;
  prevHash: string;
  hash: string;
}

interface Verification {
  ok: boolean;
  records: number;
  head: string | null;
  firstBad?: { seq: number; problem: string; detail: string };
  /** Records sealed with the audit key, and records from before it (a plain hash chain). */
  keyed?: number;
  unkeyed?: number;
}

const KINDS = ['determination', 'screening', 'review', 'list_load', 'batch', 'key'];
const PAGE = 50;

function recordsOf(body: unknown): AuditRecord[] {
  if (Array.isArray(body)) return body as AuditRecord[];
  const o = body as { records?: AuditRecord[]; items?: AuditRecord[] };
  return o.records ?? o.items ?? [];
}

function partiesOf(r: AuditRecord): string[] {
  const input = r.input as { parties?: { name?: unknown }[] } | null;
  return Array.isArray(input?.parties) ? input!.parties.map((p) => (typeof p?.name === 'string' ? p.name : '')).filter(Boolean) : [];
}

/** Potential list matches in a determination or a screening. */
function hitCount(r: AuditRecord): number {
  const out = r.output as { hits?: unknown[]; screening?: { hits?: unknown[] }[] } | null;
  if (Array.isArray(out?.hits)) return out!.hits.length;
  if (Array.isArray(out?.screening)) return out!.screening.reduce((n, s) => n + (Array.isArray(s?.hits) ? s.hits.length : 0), 0);
  return 0;
}

/** The words a record can be found by: order reference, names, list. */
function searchText(r: AuditRecord): string {
  const input = r.input as Record<string, unknown> | null;
  const cp = input?.counterparty as { name?: string } | undefined;
  return [r.ref, input?.id, input?.query, input?.name, cp?.name, ...partiesOf(r)].filter((x) => typeof x === 'string').join(' ').toLowerCase();
}

const csvCell = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The records as a spreadsheet opens them: one line each, with what a reviewer files. */
function auditCsv(records: AuditRecord[]): string {
  const head = ['seq', 'at', 'kind', 'key_id', 'ref', 'order', 'outcome', 'parties', 'hits', 'decision', 'ruleset_version', 'ruleset_hash', 'hash', 'prev_hash'];
  const lines = records.map((r) => {
    const input = r.input as Record<string, unknown> | null;
    const out = r.output as Record<string, unknown> | null;
    return [r.seq, r.at, r.kind, r.keyId, r.ref, input?.id ?? '', out?.outcome ?? '', partiesOf(r).join('; ') || ((input?.counterparty as { name?: string })?.name ?? input?.query ?? ''), hitCount(r), out?.decision ?? input?.decision ?? '', r.ruleset?.version, r.ruleset?.hash, r.hash, r.prevHash];
  });
  return [head, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One line saying what a record is about, without opening its JSON. */
function gist(r: AuditRecord, listTitles: Record<string, string> = {}): React.ReactNode {
  const out = r.output as Record<string, unknown> | null;
  const input = r.input as Record<string, unknown> | null;
  if (r.kind === 'determination' && out && typeof out.outcome === 'string') {
    const items = Array.isArray(input?.items) ? (input!.items as { model?: string }[]).map((i) => i.model ?? t('audit.item')).join(', ') : '';
    const order = typeof input?.id === 'string' ? input.id : r.ref;
    const parties = partiesOf(r);
    return (
      <>
        <OutcomeBadge outcome={out.outcome as Outcome} /> {order ? `${t('audit.order', { id: order })} · ` : ''}
        {items} {typeof input?.to === 'string' ? `→ ${input.to}` : ''}
        {parties.length ? (
          <>
            {' · '}
            <Name>{parties.join(', ')}</Name>
          </>
        ) : null}
        {hitCount(r) ? t('audit.hits', { count: hitCount(r) }) : ''}
      </>
    );
  }
  if (r.kind === 'screening') {
    const q = (input?.query ?? input?.name ?? (out as { query?: string } | null)?.query) as string | undefined;
    const hits = Array.isArray((out as { hits?: unknown[] } | null)?.hits) ? ((out as { hits: unknown[] }).hits.length) : undefined;
    return (
      <>
        {q ? <Name>{q}</Name> : t('audit.kinds.screening')}
        {hits !== undefined ? t('audit.hits', { count: hits }) : ''}
      </>
    );
  }
  if (r.kind === 'review' && input) {
    const cp = input.counterparty as { name?: string } | undefined;
    const decision = out?.decision ?? input.decision;
    return (
      <>
        <strong>{decision ? t(`reviews.statuses.${String(decision)}`, { defaultValue: String(decision) }) : t('audit.kinds.review')}</strong> · {cp?.name ? <Name>{cp.name}</Name> : ''} ·{' '}
        {listTitles[String(input.list)] ?? t('reviews.aList')}
      </>
    );
  }
  if (r.kind === 'batch' && input) {
    return `${String(input.action ?? 'batch')} ${String(input.format ?? '')} ${typeof out?.id === 'string' ? out.id : (r.ref ?? '')}`;
  }
  return r.ref ?? '';
}

const kindLabel = (k: string): string => (KINDS.includes(k) ? t(`audit.kinds.${k}`) : k.replace('_', ' '));

export function AuditPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [keyId, setKeyId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [more, setMore] = useState(false);
  // Review records name a list by its id; people read its title (the id stays in the record's details).
  const [listTitles, setListTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    api<{ lists: { list: string; title: string }[] }>('/v1/lists')
      .then((r) => setListTitles(Object.fromEntries(r.lists.map((l) => [l.list, l.title]))))
      .catch(() => undefined);
  }, []);
  const [list, load] = useAsyncAction(async (opts: { before?: number; append: boolean }) => {
    const qs = new URLSearchParams({ limit: String(PAGE) });
    if (kind) qs.set('kind', kind);
    if (keyId.trim()) qs.set('keyId', keyId.trim());
    if (from) qs.set('from', from);
    if (to) qs.set('to', to);
    if (opts.before !== undefined) qs.set('before', String(opts.before));
    const body = await api<{ records: AuditRecord[]; next: { before?: number } | null }>(`/v1/audit?${qs}`);
    const page = recordsOf(body);
    setRecords((rs) => (opts.append ? [...rs, ...page] : page));
    setMore(body.next !== null && body.next !== undefined);
  });
  const [verify, runVerify] = useAsyncAction(() => api<Verification>('/v1/audit/verify', { method: 'POST', body: {} }));
  useEffect(() => {
    void load({ append: false });
  }, [kind]); // eslint-disable-line react-hooks/exhaustive-deps
  const oldest = records.length ? Math.min(...records.map((r) => r.seq)) : undefined;
  const needle = search.trim().toLowerCase();
  const shown = needle ? records.filter((r) => searchText(r).includes(needle)) : records;

  return (
    <>
      <PageHeader title={t('audit.title')}>{t('audit.lede')}</PageHeader>
      <div className="card verify">
        <button type="button" className="primary" onClick={() => void runVerify()} disabled={verify.status === 'loading'}>
          {verify.status === 'loading' ? t('audit.verifying') : t('audit.verify')}
        </button>
        <div aria-live="polite">
          {verify.status === 'error' && <ErrorNotice error={verify.error} title={t('audit.verifyFailed')} />}
          {verify.status === 'done' &&
            (verify.value.ok ? (
              <Notice kind="ok">
                <strong>{t('audit.intact')}</strong> {t('audit.checked', { count: verify.value.records })} <code>{verify.value.head?.slice(0, 16)}…</code>
                {verify.value.unkeyed ? <> {t('audit.unkeyed', { count: verify.value.unkeyed })}</> : null}
              </Notice>
            ) : (
              <div className="notice notice-error" role="alert">
                <strong>{t('audit.broken', { seq: verify.value.firstBad?.seq })}</strong> ({verify.value.firstBad?.problem}): {verify.value.firstBad?.detail}
              </div>
            ))}
        </div>
      </div>
      <form
        className="card form filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load({ append: false });
        }}
        aria-label={t('audit.filters')}
      >
        <div className="row">
          <Field label={t('audit.kind')}>
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">{t('ui.all')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('audit.keyId')}>{(id) => <input id={id} value={keyId} onChange={(e) => setKeyId(e.target.value)} placeholder={t('audit.any')} />}</Field>
          <Field label={t('audit.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
          <Field label={t('audit.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
          <Field label={t('audit.search')}>{(id) => <input id={id} type="search" lang="zh" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('audit.searchPlaceholder')} />}</Field>
        </div>
        <button type="submit" className="secondary">
          {t('ui.apply')}
        </button>
      </form>
      {list.status === 'error' && <ErrorNotice error={list.error} title={t('audit.loadFailed')} />}
      {records.length > 0 && (
        <div className="row-actions">
          <button type="button" className="secondary" onClick={() => saveBlob(new Blob([auditCsv(shown)], { type: 'text/csv' }), `redline-audit-${new Date().toISOString().slice(0, 10)}.csv`)}>
            {t('audit.exportCsv')}
          </button>
          {needle && <span className="muted small">{t('audit.shownOf', { shown: shown.length, count: records.length })}</span>}
        </div>
      )}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="audit">
            <caption className="sr-only">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.kind')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.key')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td className="nowrap">{dateTime(r.at)}</td>
                  <td>{kindLabel(r.kind)}</td>
                  <td>
                    <details>
                      <summary>{gist(r, listTitles)}</summary>
                      <pre className="json">{JSON.stringify({ input: r.input, output: r.output, ruleset: r.ruleset, prevHash: r.prevHash }, null, 2)}</pre>
                    </details>
                  </td>
                  <td>
                    <code>{r.keyId ?? '—'}</code>
                  </td>
                  <td>
                    <code title={r.hash}>{r.hash.slice(0, 10)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.status === 'loading' && <Loading label={t('audit.loadingRecords')} />}
      {list.status === 'done' && records.length === 0 && <p className="muted">{t('audit.noRecords')}</p>}
      {more && oldest !== undefined && list.status !== 'loading' && (
        <button type="button" className="secondary" onClick={() => void load({ before: oldest, append: true })}>
          {t('audit.older')}
        </button>
      )}
    </>
  );
}
