import { Queue, Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { runChunk, type ChunkInput, type ChunkRunner, type ChunkSettings } from './chunks.js';
import { openBatchRedline, type BatchEngineOptions } from './engine.js';
import type { BatchJob, BatchStore, ChunkRecord } from './job-store.js';
import { errorLine, isRowError, resultLine } from './rows.js';
import { openCasesForDeterminations } from '../store/open-cases.js';

/**
 * Batch work past one machine: the coordinator (`redline batch --queue`) puts each chunk on a
 * BullMQ queue in Redis; `redline worker` processes on any machine take chunks, answer them and
 * store every row in the shared PostgreSQL store. The coordinator writes the output from the
 * store, in row order. Rows are stored once per (job, row), so a chunk redelivered after a
 * worker died is harmless.
 */

export const QUEUE_NAME = 'redline-batch';
const POLL_MS = 200;

export interface ChunkJobData {
  jobId: string;
  input: ChunkInput;
  settings: ChunkSettings;
  /** API uploads: the key that uploaded the book (recorded with each determination). */
  keyId?: string | undefined;
  /** API uploads: open review cases for the answers, as an upload answered in the server does. */
  openCases?: boolean | undefined;
}

/** `redis://[:password@]host:port[/db]` → ioredis options. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's blocking commands need this (its docs): never give up on a command, reconnect.
    maxRetriesPerRequest: null,
  };
}

/** BullMQ takes a ready client in an ESM program (it cannot load ioredis itself there). */
export function redisConnection(url: string): Redis {
  return new Redis(redisOptions(url));
}

export interface QueueOptions {
  /** Keys prefix in Redis (tests use their own so they never meet a real queue). */
  prefix?: string | undefined;
  /** How many chunks the coordinator keeps on the queue at once (default 8). */
  inFlight?: number | undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Polls between looks at the queue job's own state (a chunk that failed every attempt ends the wait). */
const STATE_EVERY = 10;

/** Waits until every row of the chunk is in the store, then renders the chunk from the stored rows. */
async function chunkFromStore(
  store: BatchStore,
  jobId: string,
  input: ChunkInput,
  settings: ChunkSettings,
  closed: () => boolean,
  failed: () => Promise<string | undefined>,
): Promise<ChunkRecord> {
  const n = input.rows.length;
  const last = input.firstRow + n - 1;
  for (let polls = 1; ; polls++) {
    const stored = await store.store.storedBatchRowNos(jobId, input.firstRow, last);
    if (stored.length >= n) break;
    if (closed()) throw new Error('the queue runner was closed');
    if (polls % STATE_EVERY === 0) {
      const reason = await failed();
      if (reason !== undefined) throw new Error(`chunk ${input.chunk} (rows ${input.firstRow}-${last}) failed on every attempt: ${reason}`);
    }
    await sleep(POLL_MS);
  }
  const results = await store.getRows(jobId, input.firstRow, n);
  let out = '';
  let err = '';
  let ok = 0;
  for (const r of results) {
    if (isRowError(r) && settings.separateErrors) err += errorLine(r, settings.outFormat);
    else out += resultLine(r, settings.outFormat);
    if (!isRowError(r)) ok++;
  }
  return { chunk: input.chunk, firstRow: input.firstRow, rows: n, ok, errors: n - ok, out, err };
}

/** The coordinator's side: a ChunkRunner that enqueues chunks and reads their answers back from the store. */
export function queueRunnerFactory(redisUrl: string, store: BatchStore, options: QueueOptions & { extra?: (job: BatchJob) => Pick<ChunkJobData, 'keyId' | 'openCases'> } = {}) {
  const connection = redisConnection(redisUrl);
  const queue = new Queue<ChunkJobData>(QUEUE_NAME, { connection, ...(options.prefix ? { prefix: options.prefix } : {}) });
  let closed = false;
  return {
    queue,
    runner: async (job: BatchJob, settings: ChunkSettings): Promise<ChunkRunner> => ({
      parallelism: options.inFlight ?? 8,
      async run(input: ChunkInput): Promise<ChunkRecord> {
        const last = input.firstRow + input.rows.length - 1;
        const stored = await store.store.storedBatchRowNos(job.id, input.firstRow, last);
        // A resumed coordinator does not queue again what workers already answered.
        const queueId = `${job.id}-${input.chunk}`;
        if (stored.length < input.rows.length) {
          // A chunk that failed every attempt in an earlier run gets its attempts again on this one.
          const earlier = await queue.getJob(queueId);
          if (earlier && (await earlier.getState()) === 'failed') await earlier.remove();
          await queue.add('chunk', { jobId: job.id, input, settings, ...options.extra?.(job) }, {
            jobId: queueId,
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: true,
            removeOnFail: 1000,
          });
        }
        const failed = async (): Promise<string | undefined> => {
          const q = await queue.getJob(queueId);
          return q && (await q.getState()) === 'failed' ? (q.failedReason ?? 'unknown error') : undefined;
        };
        return chunkFromStore(store, job.id, input, settings, () => closed, failed);
      },
      async close() {},
    }),
    async close(): Promise<void> {
      closed = true;
      await queue.close();
      connection.disconnect();
    },
  };
}

export interface QueueWorkerOptions extends QueueOptions {
  concurrency?: number | undefined;
  engine?: BatchEngineOptions | undefined;
  onChunk?: (data: ChunkJobData) => void;
}

/** The worker's side (`redline worker`): takes chunks, answers them, stores every row. */
export async function startQueueWorker(
  redisUrl: string,
  store: BatchStore,
  options: QueueWorkerOptions = {},
): Promise<Worker<ChunkJobData> & { reloadLists(): Promise<void> }> {
  let redline = await openBatchRedline(options.engine);
  const connection = redisConnection(redisUrl);
  const worker = new Worker<ChunkJobData>(
    QUEUE_NAME,
    async (job) => {
      const { jobId, input, settings } = job.data;
      // One chunk is answered with one set of lists, even if a list update switches them meanwhile.
      const used = redline;
      const chunk = runChunk(input, used, { ...settings, keepResults: true });
      // `redline batch --record` and API uploads on the queue: the worker that answered a row
      // records it in the audit log, in the same transaction as the row itself, and only if the
      // row was not stored before — a chunk redelivered after a worker died records nothing twice.
      const day = new Date().toISOString().slice(0, 10);
      const determinations = (chunk.determinations ?? []).map((d) => ({
        input: d.input,
        output: d.output,
        options: { asOf: settings.asOf ?? undefined, today: day },
        lists: used.screener?.versions,
        keyId: job.data.keyId,
        batch: { jobId, rowNo: d.row },
      }));
      if (job.data.openCases && chunk.determinations?.length) {
        // Cases are kept once per finding (their dedupe key), so a redelivered chunk opens none twice.
        await openCasesForDeterminations(store.store, chunk.determinations.map((d) => ({ output: d.output, input: d.input, sourceRef: `${jobId} row ${d.row}` })), { source: 'batch' });
      }
      await store.storeChunk(jobId, chunk.results ?? [], determinations);
      options.onChunk?.(job.data);
      return { rows: chunk.rows };
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      ...(options.prefix ? { prefix: options.prefix } : {}),
    },
  );
  worker.on('closed', () => connection.disconnect());
  await worker.waitUntilReady();
  // After a scheduled list update: the next chunks use the new versions.
  const reloadLists = async (): Promise<void> => {
    redline = await openBatchRedline(options.engine);
  };
  return Object.assign(worker, { reloadLists });
}
