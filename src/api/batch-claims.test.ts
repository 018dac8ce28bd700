import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedline, type Redline } from '../bundle/redline.js';
import { openStore } from '../store/index.js';
import { openTestStore, type TestStore } from '../store/testing.js';
import type { BatchRow, DeterminationRecordInput, Store } from '../store/types.js';
import { BatchService } from './batch-service.js';

/**
 * Issue 14 item 5: several servers on one store, and a resumed upload, never answer a row
 * twice nor write a second audit record for it. Run on both engines.
 */

let dir: string;
let redline: Redline;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-batch-claims-'));
  redline = await createRedline({ screener: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const book = (n: number) => `id,to,date,model\n${Array.from({ length: n }, (_, i) => `L${i + 1},${i % 7 === 6 ? 'XX' : 'DE'},2026-09-30,NVIDIA L4`).join('\n')}\n`;

/** Per (job, row): how many determinations and how many determination audit records name it. */
async function recordsPerRow(ts: TestStore, jobId: string): Promise<{ determinations: Map<number, number>; audit: Map<number, number> }> {
  const dets = await ts.exec(`SELECT batch_row_no AS r, COUNT(*) AS n FROM determinations WHERE batch_job_id = ${ts.engine === 'sqlite' ? '?' : '$1'} GROUP BY batch_row_no`, [jobId]);
  const audit = await ts.exec(`SELECT meta_json AS m FROM audit_log WHERE kind = 'determination'`);
  const a = new Map<number, number>();
  for (const r of audit) {
    const meta = JSON.parse(String(r.m)) as { batch?: { jobId: string; rowNo: number } };
    if (meta.batch?.jobId === jobId) a.set(meta.batch.rowNo, (a.get(meta.batch.rowNo) ?? 0) + 1);
  }
  return { determinations: new Map(dets.map((r) => [Number(r.r), Number(r.n)])), audit: a };
}

const fakeDetermination = (jobId: string, rowNo: number): DeterminationRecordInput =>
  ({
    input: { id: `L${rowNo}`, items: [], parties: [] },
    output: { id: `d${rowNo}`, outcome: 'no_license_required', asOf: '2026-09-30', ruleset: { version: 't', hash: 'h' }, screening: [], jurisdictions: [] },
    options: { today: '2026-09-30' },
    batch: { jobId, rowNo },
  }) as unknown as DeterminationRecordInput;

describe.each(['sqlite', 'postgres'] as const)('batch jobs claimed by exactly one process (%s)', (engine) => {
  let ts: TestStore;
  let other: Store;
  beforeAll(async () => {
    ts = await openTestStore(engine);
    // A second connection to the same store: what another process would hold.
    other = await openStore(ts.url);
  });
  afterAll(async () => {
    await other.close();
    await ts.cleanup();
  });

  it('of two processes claiming a job at once exactly one gets it; the other only once the lease ran out', async () => {
    await ts.store.createBatchJob({ id: 'job_claim', status: 'running' });
    const got = await Promise.all([ts.store.claimBatchJob('job_claim', 'a', 60_000), other.claimBatchJob('job_claim', 'b', 60_000)]);
    expect(got.filter(Boolean)).toHaveLength(1);
    const winner = got[0] ? 'a' : 'b';
    const loser = winner === 'a' ? other : ts.store;
    expect(await loser.claimBatchJob('job_claim', winner === 'a' ? 'b' : 'a', 60_000)).toBe(false);
    // The holder renews; a short lease left to run out is free for the other.
    expect(await (winner === 'a' ? ts.store : other).claimBatchJob('job_claim', winner, 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await loser.claimBatchJob('job_claim', winner === 'a' ? 'b' : 'a', 60_000)).toBe(true);
    // A finished job is claimed by no one.
    await ts.store.updateBatchJob('job_claim', { status: 'done' });
    await ts.store.releaseBatchJob('job_claim', winner === 'a' ? 'b' : 'a');
    expect(await ts.store.claimBatchJob('job_claim', 'c', 60_000)).toBe(false);
  });

  it('the same chunk stored twice at once (two writers racing) leaves one row and one audit record per row', async () => {
    await ts.store.createBatchJob({ id: 'job_race', status: 'running' });
    const rows: BatchRow[] = Array.from({ length: 40 }, (_, i) => ({ jobId: 'job_race', rowNo: i + 1, status: 'ok', result: { row: i + 1 }, error: null }));
    const ds = rows.map((r) => fakeDetermination('job_race', r.rowNo));
    // PostgreSQL: truly at once. SQLite: one after the other (two connections in one process
    // would block each other's event loop; separate processes wait on the file lock instead).
    const [x, y] =
      engine === 'postgres'
        ? await Promise.all([ts.store.storeBatchChunk(rows, ds), other.storeBatchChunk(rows, ds)])
        : [await ts.store.storeBatchChunk(rows, ds), await other.storeBatchChunk(rows, ds)];
    expect(x.stored.length + y.stored.length).toBe(40);
    // A resumed writer with the chunk again, and an overlapping one: nothing new.
    expect((await ts.store.storeBatchChunk(rows.slice(10, 30), ds.slice(10, 30))).stored).toEqual([]);
    const counts = await recordsPerRow(ts, 'job_race');
    expect([...counts.determinations.keys()].sort((a, b) => a - b)).toEqual(rows.map((r) => r.rowNo));
    expect([...counts.determinations.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.audit.values()].every((n) => n === 1)).toBe(true);
    expect(counts.audit.size).toBe(40);
    expect((await ts.store.verifyAudit()).ok).toBe(true);
  });

  it('two servers racing to resume the same upload: every row answered once, one audit record per answered row', async () => {
    const first = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline, pollMs: 0 });
    const job = await first.create(book(2000), 'csv', undefined, 'key-1');
    while ((await first.status(job.id))!.done === 0) await new Promise((r) => setTimeout(r, 5));
    await first.close();
    expect((await first.status(job.id))!.status).toBe('running');

    const a = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline, pollMs: 0 });
    const b = new BatchService({ store: other, uploadsDir: dir, mode: 'inline', redline, pollMs: 0 });
    const found = await Promise.all([a.resumeUnfinished(), b.resumeUnfinished()]);
    // Both may see the job free, or the slower one may list it only after the faster one
    // claimed it (PostgreSQL answers the two connections truly at once): either way at least
    // one takes it up and neither twice. The claim race itself is tested above.
    expect(found.every((n) => n === 0 || n === 1)).toBe(true);
    expect(found[0]! + found[1]!).toBeGreaterThanOrEqual(1);
    await Promise.all([a.idle(), b.idle()]);
    // One of them held it; the other found it claimed and left it.
    const s = (await a.status(job.id))!;
    expect(s).toMatchObject({ status: 'done', rows: 2000, done: 2000, errors: 285, queuePosition: null });
    const rows = await a.rows(job.id, 1, 5000);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    const counts = await recordsPerRow(ts, job.id);
    expect(counts.audit.size).toBe(2000 - 285);
    expect([...counts.audit.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.determinations.values()].every((n) => n === 1)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('a job whose server died is taken up by another once the claim runs out', async () => {
    const svc = new BatchService({ store: ts.store, uploadsDir: dir, mode: 'inline', redline, pollMs: 0, leaseMs: 300 });
    const job = await svc.create(book(10), 'csv', undefined, 'key-1');
    await svc.idle();
    // Put it back as a dead server would leave it: running, claimed, lease still running.
    await ts.store.updateBatchJob(job.id, { status: 'running' });
    await ts.exec(`DELETE FROM batch_rows WHERE job_id = ${engine === 'sqlite' ? '?' : '$1'}`, [job.id]);
    await ts.store.claimBatchJob(job.id, 'dead-server', 200);
    const next = new BatchService({ store: other, uploadsDir: dir, mode: 'inline', redline, pollMs: 50, leaseMs: 300 });
    expect(await next.resumeUnfinished()).toBe(0);
    for (let i = 0; i < 200 && (await next.status(job.id))!.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await next.status(job.id))!.status).toBe('done');
    // The rows answered before stayed answered once in the audit log (they were stored again as rows, not recorded again).
    const counts = await recordsPerRow(ts, job.id);
    expect([...counts.audit.values()].every((n) => n === 1)).toBe(true);
    await Promise.all([svc.close(), next.close()]);
  });
});
