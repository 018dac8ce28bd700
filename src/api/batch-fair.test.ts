import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedline, type Redline } from '../bundle/redline.js';
import { openTestStore, type TestStore } from '../store/testing.js';
import { BatchService } from './batch-service.js';

/** Issue 14 item 6: one analyst's many uploads do not stall another's small one; the job shows where it is in line. */

let ts: TestStore;
let dir: string;
let redline: Redline;
beforeAll(async () => {
  ts = await openTestStore('sqlite');
  dir = mkdtempSync(join(tmpdir(), 'redline-batch-fair-'));
  redline = await createRedline({ screener: false });
});
afterAll(async () => {
  await ts.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const book = (n: number, tag: string) => `id,to,date,model\n${Array.from({ length: n }, (_, i) => `${tag}${i + 1},DE,2026-09-30,NVIDIA L4`).join('\n')}\n`;

describe('fair batch queue', () => {
  it('a one-row upload from key B is answered before the many uploads key A sent first', async () => {
    const svc = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline, pollMs: 0 });
    const a: Awaited<ReturnType<typeof svc.create>>[] = [];
    for (let i = 0; i < 8; i++) a.push(await svc.create(book(750, `A${i}-`), 'csv', undefined, 'key-A'));
    const rowsOfA = async () => (await Promise.all(a.map((j) => svc.status(j.id)))).reduce((n, s) => n + s!.done, 0);
    const before = await rowsOfA();
    const b = await svc.create(book(1, 'B'), 'csv', undefined, 'key-B');
    while ((await svc.status(b.id))!.status === 'running') await new Promise((r) => setTimeout(r, 2));
    const after = await rowsOfA();
    expect((await svc.status(b.id))!).toMatchObject({ status: 'done', done: 1 });
    // B's one chunk had the next free turn: A answered at most the chunks already in hand meanwhile
    // (one at a time here, a 250-row chunk each), not the thousands of rows it had queued before B.
    expect(before).toBeLessThan(6000 - 1000);
    expect(after - before).toBeLessThanOrEqual(3 * 250);
    await svc.idle();
    for (const j of a) expect((await svc.status(j.id))!).toMatchObject({ status: 'done', done: 750 });
    await svc.close();
  });

  it('a waiting job shows its queue position, which goes down to null as jobs ahead of it start', async () => {
    const svc = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline, pollMs: 0, maxActive: 1 });
    const a1 = await svc.create(book(500, 'a'), 'csv', undefined, 'key-A');
    const a2 = await svc.create(book(500, 'a'), 'csv', undefined, 'key-A');
    const a3 = await svc.create(book(500, 'a'), 'csv', undefined, 'key-A');
    const b1 = await svc.create(book(1, 'b'), 'csv', undefined, 'key-B');
    // a1 is being answered; B has not been served yet, so its job starts next, then A's in order.
    expect((await svc.status(a1.id))!.queuePosition).toBeNull();
    expect((await svc.status(b1.id))!.queuePosition).toBe(1);
    expect((await svc.status(a2.id))!.queuePosition).toBe(2);
    expect((await svc.status(a3.id))!.queuePosition).toBe(3);
    const seen: (number | null)[] = [];
    for (;;) {
      const s = (await svc.status(a3.id))!;
      if (seen.at(-1) !== s.queuePosition) seen.push(s.queuePosition);
      if (s.status === 'done') break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(seen[0]).toBe(3);
    expect(seen.at(-1)).toBeNull();
    const numbers = seen.filter((x): x is number => x !== null);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]!).toBeLessThan(numbers[i - 1]!);
    await svc.idle();
    for (const j of [a1, a2, a3, b1]) expect((await svc.status(j.id))!.status).toBe('done');
    await svc.close();
  });
});
