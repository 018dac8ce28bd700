import { useEffect, useRef, useState, type FormEvent } from 'react';
import exampleBookUrl from '../../../data/examples/order-book-exposure.csv?url';
import { api, saveBlob } from '../lib/api';
import { count, dateTime, todayIso } from '../lib/format';
import { ErrorNotice, Field, Loading, Meter, Notice, OutcomeBadge, PageHeader } from '../components/ui';
import { missingLabel } from '../../domain/labels';
import type { Outcome } from '../../domain/outcome';
import { OUTCOMES } from '../lib/vocab';
import { useTranslation } from 'react-i18next';
import { t } from '../lib/i18n';

/** A batch job as GET /v1/batches/:id reports it (src/api/batch-service.ts BatchStatus). */
export interface BatchJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Rows in the book, once the reader has counted them. */
  rows: number | null;
  /** Rows answered so far (ok + errors). */
  done: number;
  ok: number;
  errors: number;
  error?: string | null;
  /** While the job waits for its turn: 1 = starts next; null once it is being answered. */
  queuePosition?: number | null;
}

/** A row answer of GET /v1/batches/:id/results (src/batch/rows.ts RowResult). */
type RowResult =
  | { row: number; id?: string; outcome: string; jurisdictions: Record<string, string>; measures: string[]; missing: string[]; missingFields?: string[] }
  | { row: number; id?: string; error: string; problems: { path: string; message: string }[] };

const csvCell = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Every page of a job's results (or errors). */
async function fetchRows(id: string, which: 'results' | 'errors'): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  let from: number | null = 1;
  while (from !== null) {
    const page: { rows: RowResult[]; next: number | null } = await api(`/v1/batches/${encodeURIComponent(id)}/${which}?fromRow=${from}&limit=5000`);
    rows.push(...page.rows);
    from = page.next;
  }
  return rows;
}

/** Every page of a job's results (or errors) as one CSV a spreadsheet opens. */
async function downloadRows(id: string, which: 'results' | 'errors'): Promise<void> {
  const rows = await fetchRows(id, which);
  const jurisdictions = [...new Set(rows.flatMap((r) => ('outcome' in r ? Object.keys(r.jurisdictions) : [])))].sort();
  const lines: unknown[][] =
    which === 'errors'
      ? [['row', 'id', 'error', 'problems'], ...rows.map((r) => ('error' in r ? [r.row, r.id, r.error, r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')] : [r.row, r.id, '', '']))]
      : [
          ['row', 'id', 'outcome', ...jurisdictions, 'measures', 'missing', 'error'],
          ...rows.map((r) =>
            'outcome' in r
              ? [r.row, r.id, r.outcome, ...jurisdictions.map((j) => r.jurisdictions[j] ?? ''), r.measures.join(' '), r.missing.join('; '), '']
              : [r.row, r.id, '', ...jurisdictions.map(() => ''), '', '', r.error],
          ),
        ];
  saveBlob(new Blob([lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }), `redline-batch-${id}-${which}.csv`);
}

export const EXAMPLE_BOOK = { url: exampleBookUrl, name: 'order-book-exposure.csv' };

export async function exampleBookFile(): Promise<File> {
  const res = await fetch(EXAMPLE_BOOK.url);
  if (!res.ok) throw new Error(t('batch.exampleMissing'));
  return new File([await res.blob()], EXAMPLE_BOOK.name, { type: 'text/csv' });
}

export function bookContentType(name: string): string {
  return /\.(jsonl|ndjson)$/i.test(name) ? 'application/x-ndjson' : 'text/csv';
}

async function startBatch(file: File, asOf: string): Promise<BatchJob> {
  const qs = new URLSearchParams(asOf ? { asOf } : {});
  return api<BatchJob>(`/v1/batches${asOf ? `?${qs}` : ''}`, { raw: { body: file, contentType: bookContentType(file.name) } });
}

function useJob(id: string | null): { job: BatchJob | null; error: unknown; rate: number | null } {
  const [job, setJob] = useState<BatchJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const samples = useRef<{ t: number; n: number }[]>([]);
  useEffect(() => {
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    samples.current = [];
    const poll = async () => {
      try {
        const j = await api<BatchJob>(`/v1/batches/${encodeURIComponent(id)}`);
        if (!live) return;
        setJob(j);
        samples.current = [...samples.current.slice(-9), { t: performance.now(), n: j.done }];
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(poll, 800);
      } catch (e) {
        if (live) setError(e);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [id]);
  const s = samples.current;
  const first = s[0];
  const last = s[s.length - 1];
  const rate = first && last && last.t > first.t ? ((last.n - first.n) * 1000) / (last.t - first.t) : null;
  return { job, error, rate };
}

/** The batches started in this tab, newest first: the server keeps their answers, so leaving the page loses nothing. */
interface RecentJob {
  id: string;
  name: string;
  at: string;
}
const RECENT_KEY = 'redline.batches';
const MAX_RECENT = 20;

function recentJobs(): RecentJob[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as RecentJob[]).filter((j) => typeof j?.id === 'string') : [];
  } catch {
    return [];
  }
}

function remember(job: RecentJob): RecentJob[] {
  const list = [job, ...recentJobs().filter((j) => j.id !== job.id)].slice(0, MAX_RECENT);
  try {
    sessionStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // storage full or off: the list lasts for this page only
  }
  return list;
}

const PAGE_ROWS = 100;

/** The answers of a finished batch as a table: counts by outcome (which filter the rows), then the rows. */
function ResultsTable({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ rows: RowResult[] } | { error: unknown } | null>(null);
  const [filter, setFilter] = useState<Outcome | 'error' | ''>('');
  const [shown, setShown] = useState(PAGE_ROWS);
  useEffect(() => {
    let live = true;
    setState(null);
    fetchRows(id, 'results').then(
      (rows) => live && setState({ rows }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (state === null) return <Loading label={t('batch.loadingResults')} />;
  if ('error' in state) return <ErrorNotice error={state.error} title={t('batch.resultsFailed')} />;
  const rows = state.rows;
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = 'outcome' in r ? r.outcome : 'error';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const chosen = rows.filter((r) => !filter || ('outcome' in r ? r.outcome === filter : filter === 'error'));
  const chip = (value: Outcome | 'error' | '', label: string) => (
    <button key={value || 'all'} type="button" className="chip" aria-pressed={filter === value} onClick={() => { setFilter(value); setShown(PAGE_ROWS); }}>
      {label}
    </button>
  );
  return (
    <section aria-labelledby="results-title">
      <h3 id="results-title">{t('batch.results')}</h3>
      <div className="presets" role="group" aria-label={t('batch.countsLabel')} data-testid="batch-counts">
        {chip('', t('batch.allRows', { count: rows.length }))}
        {OUTCOMES.filter((o) => counts.get(o)).map((o) => chip(o, `${t(`outcome.${o}`)} (${count(counts.get(o)!)})`))}
        {counts.get('error') ? chip('error', t('batch.errorsFilter', { count: counts.get('error')! })) : null}
      </div>
      <div className="table-wrap">
        <table className="batch-rows">
          <caption className="sr-only">{t('batch.shownOf', { shown: Math.min(shown, chosen.length), count: chosen.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('batch.colRow')}</th>
              <th scope="col">{t('batch.colId')}</th>
              <th scope="col">{t('batch.colOutcome')}</th>
              <th scope="col">{t('batch.colMissing')}</th>
            </tr>
          </thead>
          <tbody>
            {chosen.slice(0, shown).map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.id ?? '—'}</td>
                <td>{'outcome' in r ? <OutcomeBadge outcome={r.outcome as Outcome} /> : <span className="badge outcome-prohibited">{t('batch.errorOutcome')}</span>}</td>
                <td className="small">
                  {'outcome' in r ? (r.missingFields ?? r.missing.map((m) => missingLabel(m))).join('; ') : [r.error, ...r.problems.map((p) => p.message)].join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('batch.shownOf', { shown: count(Math.min(shown, chosen.length)), count: count(chosen.length) })}</p>
      {shown < chosen.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE_ROWS * 5)}>
          {t('batch.showMore')}
        </button>
      )}
    </section>
  );
}

export function BatchPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [recent, setRecent] = useState<RecentJob[]>(() => recentJobs());
  const [jobId, setJobId] = useState<string | null>(() => recentJobs()[0]?.id ?? null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const { job, error, rate } = useJob(jobId);

  async function start(f: File | null) {
    if (!f) {
      setStartError(new Error(t('batch.chooseFile')));
      return;
    }
    setStarting(true);
    setStartError(null);
    setJobId(null);
    try {
      const j = await startBatch(f, asOf);
      setRecent(remember({ id: j.id, name: f.name, at: new Date().toISOString() }));
      setJobId(j.id);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  }
  const processed = job ? job.done : 0;
  const total = job?.rows ?? null;
  const running = job && (job.status === 'queued' || job.status === 'running');
  const eta = rate && total && rate > 0 ? Math.max(0, (total - processed) / rate) : null;

  return (
    <>
      <PageHeader title={t('batch.title')}>{t('batch.lede')}</PageHeader>
      <form
        className="card form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void start(file);
        }}
      >
        <div className="row">
          <Field label={t('batch.book')} wide>
            {(id) => <input id={id} type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          <Field label={t('batch.asOf')} hint={t('batch.asOfHint', { today: todayIso() })}>
            {(id) => <input id={id} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
          </Field>
        </div>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={starting || !!running}>
            {t('batch.run')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={starting || !!running}
            onClick={async () => {
              try {
                const f = await exampleBookFile();
                setFile(f);
                await start(f);
              } catch (e) {
                setStartError(e);
              }
            }}
          >
            {t('batch.runExample')}
          </button>
        </div>
        {startError !== null && <ErrorNotice error={startError} title={t('batch.notStarted')} />}
      </form>

      <section aria-labelledby="job-title" aria-live="polite">
        {starting && <Loading label={t('batch.uploading')} />}
        {error !== null && <ErrorNotice error={error} title={t('batch.lost')} />}
        {job && (
          <div className="card">
            <h2 id="job-title">
              {t('batch.job')} <code>{job.id}</code> — {t(`batch.status.${job.status}`)}
            </h2>
            <div className="progress">
              <Meter value={total ? processed / total : job.status === 'done' ? 1 : 0} label={t('batch.progressLabel', { done: processed, total: total ?? t('batch.unknownTotal') })} />
              <span>
                {total !== null ? t('batch.linesOf', { done: count(processed), total: count(total) }) : t('batch.lines', { done: count(processed) })}
                {job.errors ? t('batch.withErrors', { count: job.errors }) : ''}
                {running && rate ? t('batch.rate', { rate: count(Math.round(rate)) }) : ''}
                {running && eta !== null ? t('batch.eta', { seconds: Math.ceil(eta) }) : ''}
                {running && job.queuePosition ? (job.queuePosition === 1 ? t('batch.queueNext') : t('batch.queueAhead', { count: job.queuePosition - 1 })) : ''}
              </span>
            </div>
            {job.status === 'failed' && <ErrorNotice error={new Error(job.error ?? t('batch.failed'))} title={t('batch.failed')} />}
            {job.status === 'done' && (
              <>
                <Notice kind="ok">
                  {job.errors ? t('batch.doneErrors', { ok: count(job.ok), errors: count(job.errors) }) : t('batch.doneClean', { ok: count(job.ok) })}
                </Notice>
                <div className="row-actions">
                  <button type="button" className="primary" onClick={() => void downloadRows(job.id, 'results').catch(setStartError)}>
                    {t('batch.downloadResults')}
                  </button>
                  <button type="button" className="secondary" disabled={!job.errors} onClick={() => void downloadRows(job.id, 'errors').catch(setStartError)}>
                    {t('batch.downloadErrors')}
                  </button>
                  <a className="button secondary" href="#/exposure">
                    {t('batch.seeExposure')}
                  </a>
                </div>
                <ResultsTable id={job.id} />
              </>
            )}
          </div>
        )}
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="recent-title" className="card">
          <h2 id="recent-title">{t('batch.recent')}</h2>
          <p className="muted small">{t('batch.recentCaption')}</p>
          <ul className="recent-jobs">
            {recent.map((j) => (
              <li key={j.id}>
                <button type="button" className="link" aria-current={j.id === jobId ? 'true' : undefined} onClick={() => setJobId(j.id)}>
                  {t('batch.open')} {j.name}
                </button>{' '}
                <span className="muted small">
                  {t('batch.started', { at: dateTime(j.at) })} · <code>{j.id}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
