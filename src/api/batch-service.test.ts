import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedline, type Redline } from '../bundle/redline.js';
import { openTestStore, type TestStore } from '../store/testing.js';
import { BatchService } from './batch-service.js';

let ts: TestStore;
let dir: string;
let redline: Redline;
beforeAll(async () => {
  ts = await openTestStore('sqlite');
  dir = mkdtempSync(join(tmpdir(), 'redline-batch-service-'));
  redline = await createRedline({ screener: false });
});
afterAll(async () => {
  await ts.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const book = (n: number) => `id,to,date,model\n${Array.from({ length: n }, (_, i) => `L${i + 1},${i % 7 === 6 ? 'XX' : 'DE'},2026-09-30,NVIDIA L4`).join('\n')}\n`;

describe('API batches', () => {
  it('a job left running by a stopped server is finished by the next one, each row stored once', async () => {
    const first = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline });
    const job = await first.create(book(3000), 'csv', undefined, 'key-1');
    // Stop the first server as soon as the first chunk is stored.
    while ((await first.status(job.id))!.done === 0) await new Promise((r) => setTimeout(r, 5));
    await first.close();
    const stopped = (await first.status(job.id))!;
    expect(stopped.status).toBe('running');
    expect(stopped.done).toBeLessThan(3000);

    const second = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline });
    expect(await second.resumeUnfinished()).toBe(1);
    await second.idle();
    const s = (await second.status(job.id))!;
    expect(s).toMatchObject({ status: 'done', rows: 3000, done: 3000, errors: 428 });
    const rows = await second.rows(job.id, 1, 5000);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    await second.close();
  });

  it('refuses an empty upload or a bad header at once', async () => {
    const svc = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline });
    await expect(svc.create('  \n', 'csv', undefined, 'k')).rejects.toThrow(/empty/);
    await expect(svc.create('to,colour\nCN,red\n', 'csv', undefined, 'k')).rejects.toThrow(/colour/);
    await svc.close();
  });
});
