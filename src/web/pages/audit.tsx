import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { count, dateTime } from '../lib/format';
import { useAsyncAction } from '../lib/use-async';
import { ErrorNotice, Field, Loading, Name, Notice, OutcomeBadge, PageHeader } from '../components/ui';
import type { Outcome } from '../../domain/outcome';

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

/** One line saying what a record is about, without opening its JSON. */
function gist(r: AuditRecord): React.ReactNode {
  const out = r.output as Record<string, unknown> | null;
  const input = r.input as Record<string, unknown> | null;
  if (r.kind === 'determination' && out && typeof out.outcome === 'string') {
    const items = Array.isArray(input?.items) ? (input!.items as { model?: string }[]).map((i) => i.model ?? 'item').join(', ') : '';
    return (
      <>
        <OutcomeBadge outcome={out.outcome as Outcome} /> {items} {typeof input?.to === 'string' ? `→ ${input.to}` : ''}
      </>
    );
  }
  if (r.kind === 'screening') {
    const q = (input?.query ?? input?.name ?? (out as { query?: string } | null)?.query) as string | undefined;
    const hits = Array.isArray((out as { hits?: unknown[] } | null)?.hits) ? ((out as { hits: unknown[] }).hits.length) : undefined;
    return (
      <>
        {q ? <Name>{q}</Name> : 'screening'}
        {hits !== undefined ? ` · ${hits} hit${hits === 1 ? '' : 's'}` : ''}
      </>
    );
  }
  if (r.kind === 'review' && input) {
    const cp = input.counterparty as { name?: string } | undefined;
    const decision = out?.decision ?? input.decision;
    return (
      <>
        <strong>{String(decision ?? 'review')}</strong> · {cp?.name ? <Name>{cp.name}</Name> : ''} · {String(input.list ?? '')}
      </>
    );
  }
  if (r.kind === 'batch' && input) {
    return `${String(input.action ?? 'batch')} ${String(input.format ?? '')} ${typeof out?.id === 'string' ? out.id : (r.ref ?? '')}`;
  }
  return r.ref ?? '';
}

export function AuditPage() {
  const [kind, setKind] = useState('');
  const [keyId, setKeyId] = useState('');
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [more, setMore] = useState(false);
  const [list, load] = useAsyncAction(async (opts: { before?: number; append: boolean }) => {
    const qs = new URLSearchParams({ limit: String(PAGE) });
    if (kind) qs.set('kind', kind);
    if (keyId.trim()) qs.set('keyId', keyId.trim());
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

  return (
    <>
      <PageHeader title="Audit log">Every determination, screening, list load and review, in a hash chain sealed with a key the database does not hold: each record holds the seal of the one before, so a change, a removal or a forged record shows.</PageHeader>
      <div className="card verify">
        <button type="button" className="primary" onClick={() => void runVerify()} disabled={verify.status === 'loading'}>
          {verify.status === 'loading' ? 'Verifying…' : 'Verify the chain'}
        </button>
        <div aria-live="polite">
          {verify.status === 'error' && <ErrorNotice error={verify.error} title="Could not verify" />}
          {verify.status === 'done' &&
            (verify.value.ok ? (
              <Notice kind="ok">
                <strong>Intact.</strong> {count(verify.value.records)} records checked; head <code>{verify.value.head?.slice(0, 16)}…</code>
                {verify.value.unkeyed ? (
                  <>
                    {' '}
                    {count(verify.value.unkeyed)} of them predate the audit key: they are checked as a plain hash chain, which someone who can write the database could rewrite — an anchor (redline audit anchor) covers them.
                  </>
                ) : null}
              </Notice>
            ) : (
              <div className="notice notice-error" role="alert">
                <strong>Broken at record {verify.value.firstBad?.seq}</strong> ({verify.value.firstBad?.problem}): {verify.value.firstBad?.detail}
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
        aria-label="Filter records"
      >
        <div className="row">
          <Field label="Kind">
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">All</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k.replace('_', ' ')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="API key id">{(id) => <input id={id} value={keyId} onChange={(e) => setKeyId(e.target.value)} placeholder="any" />}</Field>
        </div>
        <button type="submit" className="secondary">
          Apply
        </button>
      </form>
      {list.status === 'error' && <ErrorNotice error={list.error} title="Could not load the audit log" />}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="audit">
            <caption className="sr-only">Audit records, newest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">What</th>
                <th scope="col">Key</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td className="nowrap">{dateTime(r.at)}</td>
                  <td>{r.kind.replace('_', ' ')}</td>
                  <td>
                    <details>
                      <summary>{gist(r)}</summary>
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
      {list.status === 'loading' && <Loading label="Loading records…" />}
      {list.status === 'done' && records.length === 0 && <p className="muted">No records match.</p>}
      {more && oldest !== undefined && list.status !== 'loading' && (
        <button type="button" className="secondary" onClick={() => void load({ before: oldest, append: true })}>
          Older records
        </button>
      )}
    </>
  );
}
