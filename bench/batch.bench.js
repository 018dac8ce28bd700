// npm run bench:batch — a generated 1,000,000-line order book (seeded; dist/batch/sample-book.js)
// through `redline batch` as a user runs it: CSV in, CSV results and errors out, progress in
// a temporary SQLite store, one worker thread per core. Target (issue 16): <= 45 s on 2 cores (an earlier target was 120 s).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleBookHeader, sampleBookLines } from '../dist/batch/sample-book.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const dir = mkdtempSync(join(tmpdir(), 'redline-bench-batch-'));
const book = join(dir, 'book.csv');

async function writeBook() {
  const out = createWriteStream(book);
  out.write(sampleBookHeader());
  for (const line of sampleBookLines(ROWS)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function countLines(path) {
  if (!existsSync(path)) return 0;
  let n = 0;
  const text = readFileSync(path);
  for (let i = text.indexOf(10); i !== -1; i = text.indexOf(10, i + 1)) n++;
  return n - 1; // the header
}

try {
  const t0 = Date.now();
  await writeBook();
  console.error(`book: ${ROWS} rows, ${(statSync(book).size / 1e6).toFixed(0)} MB, written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const args = ['bin/redline.js', 'batch', book, '--out', join(dir, 'out.csv'), '--errors', join(dir, 'errors.csv'), '--db', join(dir, 'store.sqlite'), '--workers', String(WORKERS)];
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const [code] = await once(child, 'exit');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`redline batch exited ${code}`);
  const ok = countLines(join(dir, 'out.csv'));
  const errors = countLines(join(dir, 'errors.csv'));
  const result = {
    date: new Date().toISOString().slice(0, 10),
    rows: ROWS,
    workers: WORKERS,
    seconds: Math.round(seconds * 10) / 10,
    rows_per_s: Math.round(ROWS / seconds),
    output_rows: ok,
    error_rows: errors,
    every_row_answered: ok + errors === ROWS,
  };
  console.log(JSON.stringify(result, null, 2));
  const limit = (45 * ROWS) / 1_000_000;
  console.log(`${ROWS} rows in ${result.seconds} s — target ${seconds <= limit && result.every_row_answered ? 'met' : 'NOT met'} (<= 45 s per 1,000,000 rows${ROWS === 1_000_000 ? '' : `, so <= ${limit} s here`})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
