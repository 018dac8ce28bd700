import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/testing.js';
import { BatchStore } from './job-store.js';
import { Queue } from 'bullmq';
import { BatchService } from '../api/batch-service.js';
import { QUEUE_NAME, queueRunnerFactory, redisConnection, startQueueWorker, type ChunkJobData } from './queue.js';
import { runBatchFile } from './run-file.js';
import { rowNumbers, writeSampleBook } from './test-books.js';

// Real Redis (127.0.0.1:6379) and PostgreSQL, as CI starts them; a prefix of its own keeps this queue apart.
const REDIS = process.env.REDLINE_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const prefix = `redline-test-${randomBytes(4).toString('hex')}`;
let dir: string;
let ts: TestStore;
const workers: Worker[] = [];
const byWorker = [0, 0];

/**
 * Kysely's migrator looks for its lock table by name in every schema, so a test migrating another
 * schema at the same moment can make it skip creating its own ("kysely_migration_lock does not
 * exist"). Until the store passes migrationTableSchema, try again after a moment.
 */
async function openPostgresTestStore(): Promise<TestStore> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openTestStore('postgres');
    } catch (err) {
      if (attempt >= 5 || !/kysely_migration/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-queue-'));
  ts = await openPostgresTestStore();
  // Two workers, as two `redline worker` processes on two machines would be.
  for (const i of [0, 1]) {
    workers.push(await startQueueWorker(REDIS, new BatchStore(ts.store), { prefix, onChunk: (_d: ChunkJobData) => byWorker[i]!++ }));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await ts?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('batch chunks on BullMQ', () => {
  it('two workers finish a job split into chunks; results land in PostgreSQL and the output in row order', async () => {
    const book = join(dir, 'book.csv');
    writeSampleBook(book, 800, 3);
    const store = new BatchStore(ts.store);
    const queue = queueRunnerFactory(REDIS, store, { prefix, inFlight: 6 });
    const out = join(dir, 'out.jsonl');
    const errors = join(dir, 'errors.jsonl');
    try {
      const s = await runBatchFile({ input: book, out, errors, store, workers: 0, chunkSize: 50, remoteRunner: queue.runner });
      expect(s.rows).toBe(800);
      const ok = rowNumbers(readFileSync(out, 'utf8'), 'jsonl');
      const bad = rowNumbers(readFileSync(errors, 'utf8'), 'jsonl');
      expect(ok.length + bad.length).toBe(800);
      expect([...ok, ...bad].sort((a, b) => a - b)).toEqual(Array.from({ length: 800 }, (_, i) => i + 1));
      expect(ok).toEqual([...ok].sort((a, b) => a - b));
      // Every row is in the shared store, and both workers took chunks.
      expect(await store.counts(s.jobId)).toEqual({ ok: s.ok, errors: s.errors, maxRow: 800 });
      expect(byWorker[0]! + byWorker[1]!).toBe(16);
      expect(byWorker[0]).toBeGreaterThan(0);
      expect(byWorker[1]).toBeGreaterThan(0);
      // A rerun of the same command finds the job done and queues nothing.
      const again = await runBatchFile({ input: book, out, errors, store, workers: 0, chunkSize: 50, remoteRunner: queue.runner });
      expect(again.alreadyDone).toBe(true);
      expect(byWorker[0]! + byWorker[1]!).toBe(16);
    } finally {
      await queue.close();
    }
  }, 120_000);

  it('API uploads on the queue: each row answered and recorded once with the uploading key, a redelivered chunk records nothing again', async () => {
    const uploads = join(dir, 'uploads');
    const svc = new BatchService({ store: ts.store, uploadsDir: uploads, mode: 'queue', queue: { redis: REDIS, prefix, inFlight: 4 }, pollMs: 0 });
    try {
      const book = `id,to,date,model\n${Array.from({ length: 600 }, (_, i) => `Q${i + 1},${i % 10 === 9 ? 'XX' : 'DE'},2026-09-30,NVIDIA L4`).join('\n')}\n`;
      const job = await svc.create(book, 'csv', undefined, 'key-queue');
      await svc.idle();
      expect(await svc.status(job.id)).toMatchObject({ status: 'done', rows: 600, done: 600, errors: 60, queuePosition: null });
      const perRow = async () => ts.exec('SELECT batch_row_no AS r, key_id AS k FROM determinations WHERE batch_job_id = $1', [job.id]);
      const first = await perRow();
      expect(first).toHaveLength(540);
      expect(new Set(first.map((r) => Number(r.r))).size).toBe(540);
      expect(first.every((r) => r.k === 'key-queue')).toBe(true);
      // The first chunk once more, as BullMQ redelivers it when a worker died before acknowledging it.
      const q = new Queue<ChunkJobData>(QUEUE_NAME, { connection: redisConnection(REDIS), prefix });
      try {
        const rows = (await svc.rows(job.id, 1, 250)).map((r) => r.row);
        expect(rows).toHaveLength(250);
        const raw = book.split('\n').slice(1, 251).map((line, i) => {
          const [id, to, date, model] = line.split(',');
          return { row: i + 1, line: i + 2, csv: { id, to, date, model } };
        });
        const again = await q.add('chunk', { jobId: job.id, input: { chunk: 0, firstRow: 1, rows: raw }, settings: { outFormat: 'jsonl', separateErrors: true, keepResults: true, keepDeterminations: true }, keyId: 'key-queue', openCases: true });
        for (let i = 0; i < 300 && !(await again.isCompleted()) && !(await again.isFailed()); i++) await new Promise((r) => setTimeout(r, 100));
        expect(await again.isCompleted()).toBe(true);
      } finally {
        await q.close();
      }
      expect(await perRow()).toHaveLength(540);
    } finally {
      await svc.close();
    }
  }, 120_000);
});
