import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rowNumbers, writeSampleBook } from './test-books.js';

// Spawns the CLI as a user would (it runs from dist/; npm test builds first).
const dir = mkdtempSync(join(tmpdir(), 'redline-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 4000;
const args = (book: string) => ['bin/redline.js', 'batch', book, '--out', join(dir, 'out.csv'), '--errors', join(dir, 'errors.csv'), '--db', join(dir, 'store.sqlite'), '--chunk-size', '100', '--workers', '1', '--no-progress'];

function linesIn(path: string): number {
  if (!existsSync(path) || statSync(path).size === 0) return 0;
  return readFileSync(path, 'utf8').split('\n').length - 2;
}

describe('redline batch after kill -9', () => {
  it('resumes and ends with exactly one answer per input row, in order', async () => {
    const book = join(dir, 'book.csv');
    writeSampleBook(book, ROWS);
    const child = spawn(process.execPath, args(book), { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Kill it once some chunks are committed but well before the end (bounded wait).
    const deadline = Date.now() + 60_000;
    let written = 0;
    while (Date.now() < deadline) {
      written = linesIn(join(dir, 'out.csv'));
      if (written >= 300) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    const code = await exited;
    expect(code).toBeNull(); // killed, not finished
    expect(written).toBeGreaterThanOrEqual(300);
    expect(written).toBeLessThan(ROWS * 0.9);

    const rerun = spawnSync(process.execPath, args(book), { encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(/resumed at row \d+/);
    const ok = rowNumbers(readFileSync(join(dir, 'out.csv'), 'utf8'), 'csv');
    const bad = rowNumbers(readFileSync(join(dir, 'errors.csv'), 'utf8'), 'csv');
    expect(ok.length + bad.length).toBe(ROWS);
    expect(new Set([...ok, ...bad]).size).toBe(ROWS);
    expect(ok).toEqual([...ok].sort((a, b) => a - b));
    expect(bad).toEqual([...bad].sort((a, b) => a - b));
    expect(Math.min(...ok, ...bad)).toBe(1);
    expect(Math.max(...ok, ...bad)).toBe(ROWS);

    // And the answers are those of a run that was never killed.
    const clean = spawnSync(process.execPath, [...args(book).slice(0, 3), '--out', join(dir, 'clean.csv'), '--errors', join(dir, 'clean-errors.csv'), ...args(book).slice(7)], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(readFileSync(join(dir, 'clean.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'errors.csv'), 'utf8')).toBe(readFileSync(join(dir, 'clean-errors.csv'), 'utf8'));
  }, 180_000);
});
