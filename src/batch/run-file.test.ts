import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/testing.js';
import { BatchStore } from './job-store.js';
import { runBatchFile } from './run-file.js';
import { rowNumbers, writeSampleBook } from './test-books.js';

let dir: string;
let ts: TestStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-batch-'));
  ts = await openTestStore('sqlite');
});
afterAll(async () => {
  await ts.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('redline batch over a file', () => {
  it('answers every row once: output rows + error rows = input rows, in row order', async () => {
    const book = join(dir, 'book.csv');
    writeSampleBook(book, 600);
    const out = join(dir, 'out.csv');
    const errors = join(dir, 'errors.csv');
    const s = await runBatchFile({ input: book, out, errors, store: new BatchStore(ts.store), workers: 0, chunkSize: 100 });
    expect(s.rows).toBe(600);
    expect(s.ok + s.errors).toBe(600);
    expect(s.errors).toBeGreaterThan(0); // the sample book has about one bad row in a hundred
    const ok = rowNumbers(readFileSync(out, 'utf8'), 'csv');
    const bad = rowNumbers(readFileSync(errors, 'utf8'), 'csv');
    expect(ok.length).toBe(s.ok);
    expect(bad.length).toBe(s.errors);
    expect([...ok, ...bad].sort((a, b) => a - b)).toEqual(range(600));
    expect(ok).toEqual([...ok].sort((a, b) => a - b));
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('row,id,outcome,us,jp,nl,cn,eu,measures,missing,error,line');
  });

  it('puts error rows into the output when no errors file is given, and names the column', async () => {
    const book = join(dir, 'bad.jsonl');
    writeFileSync(book, '{"to":"CN","items":[{"model":"NVIDIA H20"}],"date":"2025-01-01"}\n{"to":"ZZ","items":[{"model":"NVIDIA H20"}]}\nnot json\n');
    const out = join(dir, 'bad-out.jsonl');
    const s = await runBatchFile({ input: book, out, store: new BatchStore(ts.store), workers: 0 });
    expect([s.ok, s.errors]).toEqual([1, 2]);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0].outcome).toBeDefined();
    expect(rows[1].problems[0].path).toBe('to');
    expect(rows[2].error).toMatch(/invalid JSON/);
  });

  it('resumes from the last committed chunk, cutting off what was written after it', async () => {
    const book = join(dir, 'resume.jsonl');
    const lines = [...Array(500)].map((_, i) => JSON.stringify({ id: `L${i + 1}`, to: i % 2 ? 'DE' : 'CN', date: '2026-09-30', items: [{ model: 'NVIDIA L4' }] }));
    writeFileSync(book, `${lines.join('\n')}\n`);
    const out = join(dir, 'resume-out.jsonl');
    const store = new BatchStore(ts.store);
    const first = await runBatchFile({ input: book, out, store, workers: 0, chunkSize: 100 });
    const complete = readFileSync(out, 'utf8');
    // Play a crash after chunk 2 was committed and while chunk 3 was half written.
    const job = (await store.getJob(first.jobId))!;
    const cut = complete.split('\n').slice(0, 200).join('\n').length + 1;
    await store.commitWritten(job.id, { chunksWritten: 2, outBytes: cut, errBytes: 0, okRows: 200, errorRows: 0 });
    await store.finish(job.id, 'running');
    writeFileSync(out, `${complete.slice(0, cut)}{"row":201,"half`);
    const again = await runBatchFile({ input: book, out, store, workers: 0, chunkSize: 100 });
    expect(again.resumedAtRow).toBe(201);
    expect(again.rows).toBe(500);
    expect(readFileSync(out, 'utf8')).toBe(complete);
    const done = await runBatchFile({ input: book, out, store, workers: 0, chunkSize: 100 });
    expect(done.alreadyDone).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  });

  it('starts over, header and all, when it died before its first chunk was committed', async () => {
    const book = join(dir, 'early.csv');
    writeSampleBook(book, 50, 9);
    const out = join(dir, 'early-out.csv');
    const store = new BatchStore(ts.store);
    const first = await runBatchFile({ input: book, out, store, workers: 0, chunkSize: 20 });
    const complete = readFileSync(out, 'utf8');
    // Play a death between creating the job and committing the header.
    await store.commitWritten(first.jobId, { chunksWritten: 0, outBytes: 0, errBytes: 0, okRows: 0, errorRows: 0 });
    await store.finish(first.jobId, 'running');
    writeFileSync(out, 'row,id,outc');
    const again = await runBatchFile({ input: book, out, store, workers: 0, chunkSize: 20 });
    expect(again.resumedAtRow).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  });

  it('--record puts every answered row in the audit log as a determination with its job and row', async () => {
    const book = join(dir, 'record.jsonl');
    writeFileSync(book, '{"id":"r1","to":"CN","date":"2026-09-30","items":[{"model":"NVIDIA H20"}]}\n{"to":"XX","items":[{"model":"NVIDIA H20"}]}\n{"id":"r3","to":"DE","date":"2026-09-30","items":[{"model":"NVIDIA L4"}]}\n');
    const s = await runBatchFile({ input: book, out: join(dir, 'record-out.jsonl'), store: new BatchStore(ts.store), workers: 0, record: true });
    const records = (await ts.store.listAudit({ kind: 'determination', limit: 50 })).filter((r) => (r.meta as { batch?: { jobId: string } } | null)?.batch?.jobId === s.jobId);
    expect(records.map((r) => (r.meta as { batch: { rowNo: number } }).batch.rowNo).sort()).toEqual([1, 3]);
    expect((records[0]!.input as { id: string }).id).toMatch(/^r[13]$/);
    expect((await ts.store.verifyAudit()).ok).toBe(true);
  });

  it('gives the same answers from worker threads as from this thread', async () => {
    const book = join(dir, 'threads.csv');
    writeSampleBook(book, 300, 7);
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    await runBatchFile({ input: book, out: a, store: new BatchStore(ts.store), workers: 0, chunkSize: 50, asOf: '2026-09-30' });
    await runBatchFile({ input: book, out: b, store: new BatchStore(ts.store), workers: 2, chunkSize: 50, asOf: '2026-09-30' });
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    // Worker threads each load the lists: on a loaded 2-core machine that alone can pass 30 s.
  }, 180_000);
});
