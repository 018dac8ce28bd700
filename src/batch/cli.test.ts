import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
