import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bookWithHugeCell } from './test-books.js';

// The CLI as a user runs it (from dist/; npm test builds first).
const dir = mkdtempSync(join(tmpdir(), 'redline-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, ['bin/redline.js', 'batch', ...args, '--db', join(dir, 'store.sqlite'), '--no-progress'], { encoding: 'utf8' });

describe('redline batch: bad books are bad input (exit 2), naming the problem', () => {
  it('an unknown column', () => {
    const book = join(dir, 'bad-header.csv');
    writeFileSync(book, 'id,to,model,colour\nA,CN,NVIDIA H20,red\n');
    const r = run([book, '--out', join(dir, 'out.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/column 4 "colour": unknown column/);
  });

  it('no such file, an unsupported format, a bad flag', () => {
    expect(run([join(dir, 'none.csv'), '--out', join(dir, 'o.csv')]).stderr).toMatch(/no such file/);
    expect(run(['book.xlsx', '--out', join(dir, 'o.csv')]).status).toBe(2);
    const flag = run([join(dir, 'none.csv'), '--out', join(dir, 'o.csv'), '--as-of', '2026-02-30']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--as-of/);
  });
});

describe('data loss: one oversized CSV record made redline batch drop the rest of the book and exit 0', () => {
  it('a book of 2,002 order lines whose 2nd holds a 1.2 MB cell: 2,001 answered and 1 error with its line and id', () => {
    const book = join(dir, 'huge-cell.csv');
    writeFileSync(book, bookWithHugeCell(2002, 2, 1_200_000));
    const out = join(dir, 'huge-cell.out.jsonl');
    const errors = join(dir, 'huge-cell.errors.jsonl');
    const r = run([book, '--out', out, '--errors', errors]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/done: 2002 rows, 2001 answered, 1 with errors/);
    const answered = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { row: number; line: number; outcome: string });
    expect(answered).toHaveLength(2001);
    expect(answered.filter((a) => a.outcome === 'license_required')).toHaveLength(2001);
    const bad = readFileSync(errors, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(bad).toEqual([expect.objectContaining({ row: 2, line: 3, id: 'R2', error: expect.stringMatching(/^line 3: the record is 1,200,\d+ characters long/) })]);
  }, 180_000);

  it('a runaway quote stops with exit 2 naming its line, not a quiet "done"', () => {
    const book = join(dir, 'runaway.csv');
    writeFileSync(book, `id,to,model\nR1,DE,NVIDIA L4\nR2,DE,"NVIDIA L4\n${'R3,DE,NVIDIA L4\n'.repeat(50)}`);
    const r = run([book, '--out', join(dir, 'runaway.out.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 3: a quoted cell opened in this record is never closed/);
    expect(r.stderr).not.toMatch(/done:/);
  }, 120_000);
});
