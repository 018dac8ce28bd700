import { openCasesForDeterminations } from '../store/open-cases.js';
import { loadClearedHits, screenerWithReviews } from '../store/index.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError, type IsoDate, type ListVersion } from '../domain/index.js';
import { today } from '../bundle/redline.js';
import type { Redline } from '../bundle/redline.js';
import { hostname, availableParallelism } from 'node:os';
import { inlineRunner, type ChunkInput, type ChunkRunner, type ChunkSettings } from '../batch/chunks.js';
import { FairScheduler } from '../batch/fair.js';
import { queueRunnerFactory } from '../batch/queue.js';
import { driveJob, type ChunkSink } from '../batch/drive.js';
import { BatchStore, type BatchJob, type ChunkRecord } from '../batch/job-store.js';
import { WorkerPool } from '../batch/pool.js';
import { silentProgress } from '../batch/progress.js';
import { readRows, type InputFormat } from '../batch/reader.js';
import { checkCsvHeader } from '../batch/csv-row.js';
import type { RowResult } from '../batch/rows.js';
import type { Store } from '../store/types.js';

/**
 * Batches uploaded through the API. The upload is saved under the uploads folder and its rows'
 * answers are stored row by row in the store, where GET /v1/batches/:id/results reads them.
 * Each process keeps one pool of worker threads (or sends chunks to the queue) for all its jobs,
 * and shares it fairly among the keys that uploaded them. A job is claimed in the store before
 * it is worked on, so of several servers on one store exactly one answers it; a job left by a
 * stopped or dead server is taken up again once its claim runs out.
 */

/** Small chunks: progress moves visibly and a restart redoes little. */
const API_CHUNK_SIZE = 250;

export interface BatchServiceOptions {
  store: Store;
  uploadsDir: string;
  /**
   * `thread` (default) answers rows in this process's pool of worker threads; `queue` puts the
   * chunks on the BullMQ queue for `redline worker` processes (a shared PostgreSQL store);
   * `inline` answers them on this thread (tests).
   */
  mode?: 'thread' | 'inline' | 'queue';
  /** For `thread`: how many worker threads (default: the cores but one, from 1 to 4). */
  threads?: number | undefined;
  /** For `queue`: the Redis URL, a key prefix, and how many chunks this server keeps on the queue at once (default 32). */
  queue?: { redis: string; prefix?: string | undefined; inFlight?: number | undefined } | undefined;
  /** How many jobs this process answers at once, their chunks interleaved fairly by key (default 16); the rest wait their turn. */
  maxActive?: number | undefined;
  /** How long a claim on a job holds unless renewed (default 30 s); renewed every third of it. */
  leaseMs?: number | undefined;
  /** How often to look for jobs no process holds (default 5 s; 0: only at start). */
  pollMs?: number | undefined;
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
  /**
   * While the job waits for its turn in this server: 1 when it starts next, 2 after that …
   * (jobs start round-robin over the keys that uploaded them). null once its rows are being
   * answered, when it is finished, or when another server holds it.
   */
  queuePosition: number | null;
}

export function statusOf(job: BatchJob, queuePosition: number | null = null): BatchStatus {
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
    queuePosition: job.status === 'running' ? queuePosition : null,
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
  /** Who this process is when it claims a job in the store. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Jobs this process will start, oldest first, with the submitter (key) of each. */
  private readonly waiting = new Map<string, string>();
  /** Jobs this process is working on now. */
  private readonly active = new Map<string, Promise<void>>();
  /** Submitters in turn order for starting jobs: the one served last goes to the back. */
  private readonly turns: string[] = [];
  private closed = false;
  private pool: WorkerPool | undefined;
  private remote: ReturnType<typeof queueRunnerFactory> | undefined;
  private readonly scheduler: FairScheduler;
  private readonly leaseMs: number;
  private readonly maxActive: number;
  private poller: NodeJS.Timeout | undefined;

  constructor(private readonly o: BatchServiceOptions) {
    this.jobs = new BatchStore(o.store);
    mkdirSync(o.uploadsDir, { recursive: true });
    this.leaseMs = o.leaseMs ?? 30_000;
    this.maxActive = o.maxActive ?? 16;
    const mode = o.mode ?? 'thread';
    const slots = mode === 'queue' ? (o.queue?.inFlight ?? 32) : mode === 'thread' ? this.threads() * 2 : 1;
    this.scheduler = new FairScheduler(slots);
    const every = o.pollMs ?? 5_000;
    if (every > 0) {
      this.poller = setInterval(() => void this.resumeUnfinished().catch(() => {}), every);
      this.poller.unref();
    }
  }

  /** Starts the worker threads now (serve does, so the first upload does not wait ~2 s for them). */
  warm(): void {
    if ((this.o.mode ?? 'thread') === 'thread' && !this.closed) this.pool ??= this.newPool();
  }

  private newPool(): WorkerPool {
    return new WorkerPool({ size: this.threads(), engine: { listsFrom: { db: this.o.db } }, warm: { listsKey: this.listsKey() } });
  }

  private threads(): number {
    return Math.max(1, this.o.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1)));
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
    this.enqueue(job.id, keyId);
    return job;
  }

  /**
   * Picks up API jobs that are running in the store but that no process holds: left by a
   * stopped server, or by one that died (its claim ran out). Runs at start and every few seconds.
   */
  async resumeUnfinished(): Promise<number> {
    if (this.closed) return 0;
    const running = await this.o.store.listBatchJobs({ status: 'running', limit: 1000 });
    const now = new Date().toISOString();
    const free = running.filter(
      (j) =>
        String((j.options as { jobKey?: string }).jobKey ?? '').startsWith('api:') &&
        (!j.claimedBy || !j.leaseUntil || j.leaseUntil < now) &&
        !this.waiting.has(j.id) &&
        !this.active.has(j.id),
    );
    for (const j of free.reverse()) this.enqueue(j.id, j.keyId ?? '');
    return free.length;
  }

  private enqueue(id: string, submitter: string): void {
    if (this.closed || this.waiting.has(id) || this.active.has(id)) return;
    this.waiting.set(id, submitter);
    this.pump();
  }

  /** Waiting jobs in the order they will start: round-robin over submitters, each one's oldest first. */
  private startOrder(): string[] {
    const bySubmitter = new Map<string, string[]>();
    for (const [id, who] of this.waiting) {
      const q = bySubmitter.get(who);
      if (q) q.push(id);
      else bySubmitter.set(who, [id]);
    }
    // A submitter never served here goes first, then the one served longest ago.
    const queues = [...bySubmitter.entries()].sort(([a], [b]) => this.turns.indexOf(a) - this.turns.indexOf(b)).map(([, q]) => q);
    const out: string[] = [];
    for (let i = 0; out.length < this.waiting.size; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
    return out;
  }

  /** 1 for the job that starts next, 2 after it …; null once it is being answered (or not waiting here). */
  queuePosition(id: string): number | null {
    if (!this.waiting.has(id)) return null;
    return this.startOrder().indexOf(id) + 1;
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.maxActive && this.waiting.size) {
      const id = this.startOrder()[0]!;
      const submitter = this.waiting.get(id)!;
      this.waiting.delete(id);
      const at = this.turns.indexOf(submitter);
      if (at >= 0) this.turns.splice(at, 1);
      this.turns.push(submitter);
      const p = this.work(id, submitter).finally(() => {
        this.active.delete(id);
        this.pump();
      });
      this.active.set(id, p);
    }
  }

  /** Claims the job in the store (or leaves it to the process that holds it), answers it, lets go. */
  private async work(id: string, submitter: string): Promise<void> {
    const store = this.o.store;
    let lost = false;
    try {
      if (!(await store.claimBatchJob(id, this.owner, this.leaseMs))) return;
    } catch {
      return;
    }
    const heartbeat = setInterval(() => {
      store.claimBatchJob(id, this.owner, this.leaseMs).then(
        (held) => {
          if (!held) lost = true;
        },
        () => {},
      );
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      const job = await this.jobs.getJob(id);
      if (!job || job.status !== 'running') return;
      try {
        await this.runJob(job, submitter, () => lost);
        await this.jobs.finish(job.id, 'done');
      } catch (err) {
        // Closing, or another process took the job over: it stays running, for whoever holds it.
        if (this.closed || lost) return;
        await this.jobs.finish(job.id, 'failed', err instanceof InputError ? err.message : 'internal error while answering rows').catch(() => {});
      }
    } finally {
      clearInterval(heartbeat);
      await store.releaseBatchJob(id, this.owner).catch(() => {});
    }
  }

  private async runJob(job: BatchJob, submitter: string, lost: () => boolean): Promise<void> {
    const settings: ChunkSettings = { outFormat: 'jsonl', separateErrors: true, asOf: job.asOf, keepResults: true, keepDeterminations: true };
    const mode = this.o.mode ?? 'thread';
    let run: (input: ChunkInput) => Promise<ChunkRecord>;
    let parallelism = this.scheduler.capacity;
    let done = (): void => {};
    if (mode === 'inline') {
      if (!this.o.redline) throw new Error('inline batches need a Redline');
      // Hits an officer cleared stay cleared in batches: the job screens with the decisions as they stand now.
      const base = this.o.redline;
      const reviewed = base.screener && base.withScreener ? base.withScreener(screenerWithReviews(base.screener, await loadClearedHits(this.o.store))) : base;
      const inline = inlineRunner(reviewed, settings);
      run = (input) => inline.run(input);
      parallelism = 1;
    } else if (mode === 'queue') {
      if (!this.o.queue) throw new Error('queue batches need a Redis URL');
      this.remote ??= queueRunnerFactory(this.o.queue.redis, this.jobs, {
        prefix: this.o.queue.prefix,
        inFlight: this.o.queue.inFlight,
        extra: (j) => ({ keyId: j.createdBy ?? undefined, openCases: true }),
      });
      const remote = await this.remote.runner(job, settings);
      run = (input) => remote.run(input);
    } else {
      this.pool ??= this.newPool();
      const pool = this.pool;
      // The officers' decisions as they stand now apply to the whole job, as in check and the API.
      const key = pool.useContext({ listsKey: this.listsKey(), reviews: await this.o.store.latestReviews(), today: today() });
      run = (input) => pool.run(input, settings, key);
      done = () => pool.releaseContext(key);
    }
    const fair = this.scheduler.runner(submitter, run, parallelism);
    // Once the service is closing (or the job was taken over), no new chunk starts: the job stops at a chunk boundary and stays `running`, to be resumed.
    const guarded: ChunkRunner = {
      parallelism: fair.parallelism,
      run: (input) =>
        this.closed ? Promise.reject(new Error('the batch service is closing')) : lost() ? Promise.reject(new Error('another process took the job over')) : fair.run(input),
      close: async () => {},
    };
    const sink: ChunkSink = {
      write: async (c) => {
        if (lost()) throw new Error('another process took the job over');
        // Determinations made through the API are in the audit log, each with the key that uploaded the book,
        // stored with the rows in one transaction and only for rows not stored before (a resumed job records nothing twice).
        const day = today();
        const ds = c.determinations ?? [];
        if (ds.length) await openCasesForDeterminations(this.o.store, ds.map((d) => ({ output: d.output, input: d.input, sourceRef: `${job.id} row ${d.row}` })), { source: 'batch' });
        await this.jobs.storeChunk(
          job.id,
          c.results ?? [],
          ds.map((d) => ({
            input: d.input,
            output: d.output,
            options: { asOf: job.asOf ?? undefined, today: day },
            lists: this.o.versions?.(),
            keyId: job.createdBy ?? undefined,
            batch: { jobId: job.id, rowNo: d.row },
          })),
        );
        return { outBytes: 0, errBytes: 0 };
      },
    };
    try {
      const rows = readRows(createReadStream(job.source), job.inputFormat, 'upload');
      await driveJob({ rows, job, runner: guarded, sink, store: this.jobs, progress: silentProgress });
    } finally {
      done();
    }
  }

  private listsKey(): string {
    return (this.o.versions?.() ?? []).map((v) => `${v.list}:${v.hash}:${v.currentAsOf ?? ""}`).join(',');
  }

  async status(id: string): Promise<BatchStatus | undefined> {
    const job = await this.jobs.getJob(id);
    return job ? statusOf(job, this.queuePosition(id)) : undefined;
  }

  /** Stored row answers in row order (results and errors together; `error` marks the failed ones). */
  rows(id: string, fromRow: number, limit: number): Promise<RowResult[]> {
    return this.jobs.getRows(id, fromRow, limit);
  }

  /** Resolves when no job is waiting or being answered here (tests). */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.allSettled([...this.active.values()]);
  }

  /** Stops starting chunks; the jobs in hand stop at a chunk boundary, are let go in the store and resume elsewhere or at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    this.waiting.clear();
    await Promise.allSettled([...this.active.values()]);
    await this.pool?.close();
    await this.remote?.close();
  }
}
