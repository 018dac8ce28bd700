import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/testing.js';
import { BatchStore } from './job-store.js';
import { queueRunnerFactory, startQueueWorker, type ChunkJobData } from './queue.js';
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
});
