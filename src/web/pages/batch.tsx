import { useEffect, useRef, useState, type FormEvent } from 'react';
import exampleBookUrl from '../../../data/examples/order-book-exposure.csv?url';
import { api, download } from '../lib/api';
import { count, todayIso } from '../lib/format';
import { ErrorNotice, Field, Loading, Meter, Notice, PageHeader } from '../components/ui';

/** A batch job as GET /v1/batches/:id reports it (issue #5; extra fields are ignored). */
export interface BatchJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  total: number | null;
  done: number;
  failed: number;
  error?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export const EXAMPLE_BOOK = { url: exampleBookUrl, name: 'order-book-exposure.csv' };

export async function exampleBookFile(): Promise<File> {
  const res = await fetch(EXAMPLE_BOOK.url);
  if (!res.ok) throw new Error('The example book is missing from this build.');
  return new File([await res.blob()], EXAMPLE_BOOK.name, { type: 'text/csv' });
}

export function bookContentType(name: string): string {
  return /\.(jsonl|ndjson)$/i.test(name) ? 'application/x-ndjson' : 'text/csv';
}

async function startBatch(file: File, asOf: string): Promise<BatchJob> {
  const qs = new URLSearchParams({ filename: file.name, ...(asOf ? { asOf } : {}) });
  return api<BatchJob>(`/v1/batches?${qs}`, { raw: { body: file, contentType: bookContentType(file.name) } });
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
        samples.current = [...samples.current.slice(-9), { t: performance.now(), n: j.done + j.failed }];
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

export function BatchPage() {
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const { job, error, rate } = useJob(jobId);

  async function start(f: File | null) {
    if (!f) {
      setStartError(new Error('Choose a CSV or JSON Lines file first, or use the example book.'));
      return;
    }
    setStarting(true);
    setStartError(null);
    setJobId(null);
    try {
      const j = await startBatch(f, asOf);
      setJobId(j.id);
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  }
  const processed = job ? job.done + job.failed : 0;
  const total = job?.total ?? null;
  const running = job && (job.status === 'queued' || job.status === 'running');
  const eta = rate && total && rate > 0 ? Math.max(0, (total - processed) / rate) : null;

  return (
    <>
      <PageHeader title="Batch">
        Run a whole order book: one determination per line, each recorded in the audit log. CSV columns as in docs/batch.md (id, date, from, to, model or item, quantity, value, currency, end_use, end_user_name …), or JSON Lines of transactions.
      </PageHeader>
      <form
        className="card form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void start(file);
        }}
      >
        <div className="row">
          <Field label="Order book (CSV or JSON Lines)" wide>
            {(id) => <input id={id} type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          <Field label="As of (optional)" hint={`Rules of this date for every line; empty: each line's own date. Today is ${todayIso()}.`}>
            {(id) => <input id={id} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
          </Field>
        </div>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={starting || !!running}>
            Run the batch
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
            Run the example book (3,000 lines)
          </button>
        </div>
        {startError !== null && <ErrorNotice error={startError} title="The batch did not start" />}
      </form>

      <section aria-labelledby="job-title" aria-live="polite">
        {starting && <Loading label="Uploading…" />}
        {error !== null && <ErrorNotice error={error} title="Lost track of the batch" />}
        {job && (
          <div className="card">
            <h2 id="job-title">
              Batch <code>{job.id}</code> — {job.status}
            </h2>
            <div className="progress">
              <Meter value={total ? processed / total : job.status === 'done' ? 1 : 0} label={`${processed} of ${total ?? 'unknown'} lines`} />
              <span>
                {count(processed)} {total !== null ? `of ${count(total)}` : ''} lines
                {job.failed ? ` · ${count(job.failed)} with errors` : ''}
                {running && rate ? ` · ${count(Math.round(rate))} lines/s` : ''}
                {running && eta !== null ? ` · about ${Math.ceil(eta)} s left` : ''}
              </span>
            </div>
            {job.status === 'failed' && <ErrorNotice error={new Error(job.error ?? 'The batch failed.')} title="The batch failed" />}
            {job.status === 'done' && (
              <>
                <Notice kind="ok">
                  Done: {count(job.done)} determinations{job.failed ? `, ${count(job.failed)} lines with errors (none dropped)` : ', no errors'}.
                </Notice>
                <div className="row-actions">
                  <button type="button" className="primary" onClick={() => void download(`/v1/batches/${encodeURIComponent(job.id)}/results`, `redline-batch-${job.id}-results.jsonl`).catch(setStartError)}>
                    Download results
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!job.failed}
                    onClick={() => void download(`/v1/batches/${encodeURIComponent(job.id)}/results?status=error`, `redline-batch-${job.id}-errors.jsonl`).catch(setStartError)}
                  >
                    Download errors
                  </button>
                  <a className="button secondary" href="#/exposure">
                    See this book's exposure
                  </a>
                </div>
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}
