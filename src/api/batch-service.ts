import { openCasesForDeterminations } from '../store/open-cases.js';
import { loadClearedHits, screenerWithReviews } from '../store/index.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError, type IsoDate, type ListVersion } from '../domain/index.js';
import { today } from '../bundle/redline.js';
import type { Redline } from '../bundle/redline.js';
import { inlineRunner, type ChunkRunner, type ChunkSettings } from '../batch/chunks.js';
import { driveJob, type ChunkSink } from '../batch/drive.js';
import { BatchStore, type BatchJob } from '../batch/job-store.js';
import { threadPoolRunner } from '../batch/pool.js';
import { silentProgress } from '../batch/progress.js';
import { readRows, type InputFormat } from '../batch/reader.js';
import { checkCsvHeader } from '../batch/csv-row.js';
import type { RowResult } from '../batch/rows.js';
import type { Store } from '../store/types.js';

/**
 * Batches uploaded through the API. The upload is saved under the uploads folder and its rows'
 * answers are stored row by row in the store, where GET /v1/batches/:id/results reads them.
 * Jobs run one at a time, off the event loop (a worker thread), so the API stays responsive;
 * a job left running by a stopped server resumes at its next start.
 */

/** Small chunks: progress moves visibly and a restart redoes little. */
const API_CHUNK_SIZE = 250;

export interface BatchServiceOptions {
  store: Store;
  uploadsDir: string;
  /** `thread` (default) answers rows in a worker thread; `inline` in this one (tests). */
  mode?: 'thread' | 'inline';
  /** For `inline`: the Redline to answer with. */
  redline?: Redline;
  /** For `thread`: the store URL the worker thread reads the lists from (undefined = the default store). */
  db?: string | undefined;
  /** The list versions answers are made with (recorded with each determination). */
  versions?: () => readonly ListVersion[];
}

export interface BatchStatus {
  id: string;
  status: BatchJob['status'];
  format: string;
  rows: number | null;
  done: number;
  ok: number;
  errors: number;
  asOf: string | null;
  createdAt: string;
  updatedAt: string;
  error: string | null;
}

export function statusOf(job: BatchJob): BatchStatus {
  return {
    id: job.id,
    status: job.status,
    format: job.inputFormat,
    rows: job.totalRows,
    done: job.rowsDone,
    ok: job.okRows,
    errors: job.errorRows,
    asOf: job.asOf,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    error: job.error,
  };
}

/** A CSV upload with a bad header is refused at once (400), not accepted and failed later. */
function checkUploadHeader(text: string): void {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let header: string[];
  try {
    header = (parse(firstLine, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch (err) {
    throw new InputError([{ path: 'header', message: `cannot read the CSV header (${(err as Error).message})` }]);
  }
  checkCsvHeader(header, 'header');
}

export class BatchService {
  readonly jobs: BatchStore;
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private current: ChunkRunner | undefined;
  private closed = false;

  constructor(private readonly o: BatchServiceOptions) {
    this.jobs = new BatchStore(o.store);
    mkdirSync(o.uploadsDir, { recursive: true });
  }

  /** Saves an upload, makes its job and queues it. Throws InputError for an empty upload. */
  async create(text: string, format: InputFormat, asOf: IsoDate | undefined, keyId: string): Promise<BatchJob> {
    if (!text.trim()) throw new InputError([{ path: 'body', message: 'the upload is empty: send a CSV order book or JSON Lines' }]);
    if (format === 'csv') checkUploadHeader(text);
    const jobKey = `api:${randomUUID()}`;
    const path = resolve(join(this.o.uploadsDir, `${jobKey.slice(4)}.${format === 'csv' ? 'csv' : 'jsonl'}`));
    writeFileSync(path, text);
    const job = await this.jobs.createJob({
      jobKey,
      source: path,
      inputHash: '',
      inputFormat: format,
      outFormat: 'jsonl',
      separateErrors: true,
      asOf: asOf ?? null,
      chunkSize: API_CHUNK_SIZE,
      createdBy: keyId,
    });
    await this.o.store.appendAudit({ kind: 'batch', input: { action: 'create', format, bytes: Buffer.byteLength(text), asOf: asOf ?? null }, output: { id: job.id }, keyId, ref: job.id });
    this.enqueue(job.id);
    return job;
  }

  /** Picks up jobs a stopped server left running. */
  async resumeUnfinished(): Promise<number> {
    const running = await this.o.store.listBatchJobs({ status: 'running', limit: 1000 });
    const mine = running.filter((j) => String((j.options as { jobKey?: string }).jobKey ?? '').startsWith('api:'));
    for (const j of mine.reverse()) this.enqueue(j.id);
    return mine.length;
  }

  private enqueue(id: string): void {
    this.queue.push(id);
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
  }

  private async work(): Promise<void> {
    while (this.queue.length && !this.closed) {
      const id = this.queue.shift()!;
      const job = await this.jobs.getJob(id);
      if (!job || job.status !== 'running') continue;
      try {
        await this.runJob(job);
        await this.jobs.finish(job.id, 'done');
      } catch (err) {
        if (this.closed) return;
        await this.jobs.finish(job.id, 'failed', err instanceof InputError ? err.message : 'internal error while answering rows').catch(() => {});
      }
    }
  }

  private async runJob(job: BatchJob): Promise<void> {
    const settings: ChunkSettings = { outFormat: 'jsonl', separateErrors: true, asOf: job.asOf, keepResults: true, keepDeterminations: true };
    let runner: ChunkRunner;
    if (this.o.mode === 'inline') {
      if (!this.o.redline) throw new Error('inline batches need a Redline');
      // Hits an officer cleared stay cleared in batches: the job screens with the decisions as they stand now.
      const base = this.o.redline;
      const reviewed = base.screener && base.withScreener ? base.withScreener(screenerWithReviews(base.screener, await loadClearedHits(this.o.store))) : base;
      runner = inlineRunner(reviewed, settings);
    } else {
      runner = threadPoolRunner(1, settings, { listsFrom: { db: this.o.db } });
    }
    // Once the service is closing, no new chunk starts: the job stops at a chunk boundary and stays `running`, to be resumed.
    const guarded: ChunkRunner = {
      parallelism: runner.parallelism,
      run: (input) => (this.closed ? Promise.reject(new Error('the batch service is closing')) : runner.run(input)),
      close: () => runner.close(),
    };
    this.current = guarded;
    const sink: ChunkSink = {
      write: async (c) => {
        // Determinations made through the API are in the audit log, each with the key that uploaded the book.
        const day = today();
        await this.o.store.recordDeterminations(
          (c.determinations ?? []).map((d) => ({
            input: d.input,
            output: d.output,
            options: { asOf: job.asOf ?? undefined, today: day },
            lists: this.o.versions?.(),
            keyId: job.createdBy ?? undefined,
            batch: { jobId: job.id, rowNo: d.row },
          })),
        );
        await openCasesForDeterminations(this.o.store, (c.determinations ?? []).map((d) => ({ output: d.output, input: d.input, sourceRef: `${job.id} row ${d.row}` })), { source: 'batch' });
        await this.jobs.putRows(job.id, c.results ?? []);
        return { outBytes: 0, errBytes: 0 };
      },
    };
    try {
      const rows = readRows(createReadStream(job.source), job.inputFormat, 'upload');
      await driveJob({ rows, job, runner: guarded, sink, store: this.jobs, progress: silentProgress });
    } finally {
      this.current = undefined;
      await runner.close();
    }
  }

  async status(id: string): Promise<BatchStatus | undefined> {
    const job = await this.jobs.getJob(id);
    return job ? statusOf(job) : undefined;
  }

  /** Stored row answers in row order (results and errors together; `error` marks the failed ones). */
  rows(id: string, fromRow: number, limit: number): Promise<RowResult[]> {
    return this.jobs.getRows(id, fromRow, limit);
  }

  /** Resolves when the queue is empty (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current?.close();
    await this.running?.catch(() => {});
  }
}
