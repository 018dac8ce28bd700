// npm run bench:scale — the scale-out drill (issue 16 item 5), on this machine:
// PostgreSQL (a fresh schema) + Redis (a fresh key prefix), two `redline serve --queue` and
// `redline worker` processes, an order book of LINES lines (default 1,000,000) from
// src/batch/sample-book.ts uploaded through the API in parts (each under the 64 MiB upload
// limit, alternating between the two servers) and answered over the BullMQ queue.
//
//   1. one worker answers the first ONE_WORKER_LINES lines (default min(LINES, 200,000)): rows/s;
//   2. two workers answer the whole book; when about half the rows are answered one worker is
//      killed with `kill -9` and started again: rows/s, crash included;
//   3. checks: every row of every part answered exactly once (stored rows = lines), the outcome
//      of every row equal to a single-process `redline batch` of the same book, no row with two
//      determinations or two audit records, the audit chain intact;
//   4. a list update re-screening COUNTERPARTIES (default 100,000) stored counterparties: the
//      counterparties are seeded, a test list loaded, then a changed version of it loaded with
//      `redline lists load` (the existing path), timed.
// Prints a JSON summary. Processes, the schema, the Redis keys and the temporary files are
// removed at the end, also on failure. Environment: LINES, ONE_WORKER_LINES, PART_LINES
// (default 200,000), COUNTERPARTIES, REDLINE_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test),
// REDLINE_BENCH_REDIS (default redis://127.0.0.1:6379), KEEP=1 keeps the schema and files.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import pg from 'pg';
import { Redis } from 'ioredis';
import { sampleBookHeader, sampleBookLines } from '../dist/batch/sample-book.js';
import { openStore } from '../dist/store/index.js';

const LINES = Number(process.env.LINES ?? 1_000_000);
const ONE_WORKER_LINES = Math.min(LINES, Number(process.env.ONE_WORKER_LINES ?? 200_000));
const PART_LINES = Number(process.env.PART_LINES ?? 200_000);
const COUNTERPARTIES = Number(process.env.COUNTERPARTIES ?? 100_000);
const PG_URL = process.env.REDLINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDLINE_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const KEEP = process.env.KEEP === '1';

const tag = randomBytes(5).toString('hex');
const schema = `redline_scale_${tag}`;
const prefix = `redline-scale-${tag}`;
const db = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
const dir = mkdtempSync(join(tmpdir(), 'redline-bench-scale-'));
const env = { ...process.env, REDLINE_UPLOADS: join(dir, 'uploads'), REDLINE_LIST_UPDATE_INTERVAL: '0' };
const children = new Set();
const log = (m) => process.stderr.write(`[scale] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `redline …` and resolves once its stderr matches `ready`; its output is kept for errors. */
const CPU_PROF = process.env.BENCH_CPU_PROF;

function start(name, args, ready) {
  // BENCH_CPU_PROF=dir: the servers and workers write a CPU profile there when they stop.
  const prof = CPU_PROF && (args[0] === 'worker' || args[0] === 'serve') ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, 'bin/redline.js', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  child.output = '';
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 300 s:\n${child.output}`)), 300_000);
    child.stderr.on('data', (d) => {
      child.output += d;
      if (ready.test(child.output)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${child.output}`)));
  }).then((c) => {
    c.removeAllListeners('exit');
    c.on('exit', () => children.delete(c));
    return c;
  });
}

async function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

function redline(args) {
  const r = spawnSync(process.execPath, ['bin/redline.js', ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`redline ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Writes lines [from, to] of the sample book (1-based) as a CSV file with its header. */
async function writeBook(path, from, to, all) {
  const out = createWriteStream(path);
  out.write(sampleBookHeader());
  let i = 0;
  for (const line of all()) {
    i++;
    if (i < from) continue;
    if (i > to) break;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const timings = {};
const summary = { bench: 'scale', date: new Date().toISOString(), lines: LINES, oneWorkerLines: ONE_WORKER_LINES, partLines: PART_LINES, counterparties: COUNTERPARTIES };
const admin = new pg.Client({ connectionString: PG_URL });
let redis;
let failed = false;

async function cleanup() {
  for (const c of [...children]) await stop(c, 'SIGKILL').catch(() => {});
  if (!KEEP) {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch((e) => log(`could not drop schema ${schema}: ${e.message}`));
    if (redis) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
    rmSync(dir, { recursive: true, force: true });
  } else log(`kept schema ${schema}, Redis prefix ${prefix}, files in ${dir}`);
  await admin.end().catch(() => {});
  redis?.disconnect();
}

process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  cleanup().finally(() => process.exit(130));
});

try {
  await admin.connect();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  mkdirSync(env.REDLINE_UPLOADS, { recursive: true });
  const all = () => sampleBookLines(LINES);

  // The book, in parts under the upload limit.
  const parts = [];
  for (let from = 1; from <= LINES; from += PART_LINES) {
    const to = Math.min(LINES, from + PART_LINES - 1);
    const path = join(dir, `part-${parts.length + 1}.csv`);
    await writeBook(path, from, to, all);
    parts.push({ path, from, to, lines: to - from + 1 });
  }
  const whole = join(dir, 'book.csv');
  await writeBook(whole, 1, LINES, all);

  // The reference: one process, its own SQLite store, the same book.
  log(`single-process run of ${LINES} lines`);
  let t = performance.now();
  redline(['batch', whole, '--out', join(dir, 'single.jsonl'), '--errors', join(dir, 'single-errors.jsonl'), '--db', join(dir, 'single.sqlite'), '--no-progress']);
  timings.singleProcessMs = Math.round(performance.now() - t);
  const expected = new Map();
  for (const f of ['single.jsonl', 'single-errors.jsonl']) {
    for await (const line of createInterface({ input: createReadStream(join(dir, f)) })) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      expected.set(r.row, { id: r.id, outcome: r.error ? 'error' : r.outcome });
    }
  }
  if (expected.size !== LINES) throw new Error(`the single-process run answered ${expected.size} rows of ${LINES}`);

  // Two servers and a worker on the shared store and queue.
  const queueArgs = ['--db', db, '--queue', REDIS_URL, '--queue-prefix', prefix, '--no-request-log', '--list-update-interval', '0'];
  const portA = await freePort();
  const serveA = await start('serve A', ['serve', '--port', String(portA), ...queueArgs], /serving/);
  const key = /^(rl_\S+)$/m.exec(serveA.output)?.[1];
  if (!key) throw new Error(`serve A printed no admin key:\n${serveA.output}`);
  const portB = await freePort();
  await start('serve B', ['serve', '--port', String(portB), ...queueArgs], /serving/);
  const servers = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  const workerArgs = ['worker', '--db', db, '--redis', REDIS_URL, '--queue-prefix', prefix, '--list-update-interval', '0'];
  const startWorker = (n) => start(`worker ${n}`, workerArgs, /taking chunks/);
  const headers = { authorization: `Bearer ${key}` };

  const upload = async (server, path) => {
    const res = await fetch(`${server}/v1/batches`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: readFileSync(path) });
    if (res.status !== 202) throw new Error(`upload ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()).id;
  };
  const statusOf = async (id) => (await fetch(`${servers[0]}/v1/batches/${id}`, { headers })).json();
  /** Waits for the jobs to finish; calls `at(done)` with the rows answered so far, every half second. */
  const finish = async (ids, at) => {
    for (;;) {
      const s = await Promise.all(ids.map(statusOf));
      const bad = s.find((x) => x.status === 'failed');
      if (bad) throw new Error(`job ${bad.id} failed: ${bad.error}`);
      if (s.every((x) => x.status === 'done')) return s;
      await at?.(s.reduce((n, x) => n + x.done, 0));
      await sleep(500);
    }
  };

  // 1. One worker.
  let w1 = await startWorker(1);
  const oneWorkerBook = join(dir, 'one-worker.csv');
  await writeBook(oneWorkerBook, 1, ONE_WORKER_LINES, all);
  log(`one worker: ${ONE_WORKER_LINES} lines`);
  t = performance.now();
  const one = await upload(servers[0], oneWorkerBook);
  const [oneDone] = await finish([one]);
  timings.oneWorkerMs = Math.round(performance.now() - t);
  if (oneDone.done !== ONE_WORKER_LINES) throw new Error(`one-worker job answered ${oneDone.done} of ${ONE_WORKER_LINES}`);
  summary.oneWorkerRowsPerSecond = Math.round(ONE_WORKER_LINES / (timings.oneWorkerMs / 1000));

  // 2. Two workers, one killed with kill -9 half-way and started again.
  let w2 = await startWorker(2);
  log(`two workers: ${LINES} lines in ${parts.length} uploads over two servers`);
  t = performance.now();
  const ids = [];
  for (let i = 0; i < parts.length; i++) ids.push(await upload(servers[i % 2], parts[i].path));
  let killed;
  const done = await finish(ids, async (rows) => {
    if (killed || rows < LINES / 2) return;
    killed = { atRows: rows, atMs: Math.round(performance.now() - t) };
    log(`kill -9 worker 2 (pid ${w2.pid}) at ${rows} rows`);
    await stop(w2, 'SIGKILL');
    await sleep(1000);
    w2 = await startWorker('2 again');
    killed.restartedAtMs = Math.round(performance.now() - t);
  });
  timings.twoWorkersMs = Math.round(performance.now() - t);
  summary.twoWorkersRowsPerSecond = Math.round(LINES / (timings.twoWorkersMs / 1000));
  summary.kill = killed ?? { note: 'the jobs finished before half the rows were seen answered; no worker was killed' };

  // 3. Exactly once, same answers, one audit record per row.
  const q = (text, params) => admin.query(text.replaceAll('$S', `"${schema}"`), params);
  let stored = 0;
  let mismatches = 0;
  const firstMismatches = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const s = done[i];
    if (s.rows !== part.lines || s.done !== part.lines) throw new Error(`part ${i + 1}: job says rows ${s.rows}, done ${s.done}, for ${part.lines} lines`);
    let after = 0;
    for (;;) {
      const { rows } = await q('SELECT row_no, status, result_json, error_json FROM $S.batch_rows WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT 20000', [ids[i], after]);
      if (!rows.length) break;
      for (const r of rows) {
        stored++;
        const rowNo = Number(r.row_no);
        after = rowNo;
        const got = r.status === 'ok' ? JSON.parse(r.result_json) : JSON.parse(r.error_json);
        const want = expected.get(part.from + rowNo - 1);
        const outcome = r.status === 'ok' ? got.outcome : 'error';
        if (!want || want.outcome !== outcome || (want.id ?? null) !== (got.id ?? null)) {
          mismatches++;
          if (firstMismatches.length < 5) firstMismatches.push({ row: part.from + rowNo - 1, expected: want, got: { id: got.id, outcome } });
        }
      }
    }
  }
  const jobIds = [one, ...ids];
  const dup = await q('SELECT COUNT(*) AS n FROM (SELECT batch_job_id, batch_row_no FROM $S.determinations WHERE batch_job_id = ANY($1) GROUP BY 1, 2 HAVING COUNT(*) > 1) d', [jobIds]);
  const dets = await q('SELECT COUNT(*) AS n FROM $S.determinations WHERE batch_job_id = ANY($1)', [ids]);
  const auditDup = await q(
    `SELECT COUNT(*) AS n FROM (SELECT meta_json::json->'batch'->>'jobId' AS j, meta_json::json->'batch'->>'rowNo' AS r FROM $S.audit_log
      WHERE kind = 'determination' AND meta_json::json->'batch'->>'jobId' = ANY($1) GROUP BY 1, 2 HAVING COUNT(*) > 1) d`,
    [jobIds],
  );
  const okRows = done.reduce((n, s) => n + s.ok, 0);
  const verify = JSON.parse(redline(['audit', 'verify', '--json', '--db', db]));
  summary.check = {
    rowsStored: stored,
    rowsExpected: LINES,
    outcomeMismatches: mismatches,
    firstMismatches,
    rowsWithTwoDeterminations: Number(dup.rows[0].n),
    rowsWithTwoAuditRecords: Number(auditDup.rows[0].n),
    determinationsRecorded: Number(dets.rows[0].n),
    answeredRows: okRows,
    auditChainIntact: verify.ok === true,
  };
  summary.exactlyOnce =
    stored === LINES && mismatches === 0 && summary.check.rowsWithTwoDeterminations === 0 && summary.check.rowsWithTwoAuditRecords === 0 && Number(dets.rows[0].n) === okRows && verify.ok === true;

  // 4. A list update re-screening the stored counterparties.
  for (const c of [...children]) await stop(c);
  const listFile = (name, names) => {
    const p = join(dir, name);
    writeFileSync(p, ['list,name,aliases,country,citation', ...names.map((n) => `bench.scale,"${n}",,CN,"bench"`)].join('\n'));
    return p;
  };
  const entries = Array.from({ length: 200 }, (_, i) => `Kestrel Varnow ${i} Trading Co`);
  redline(['lists', 'load', listFile('scale_2026-01-01.csv', entries), '--db', db, '--json']);
  log(`seeding ${COUNTERPARTIES} counterparties`);
  const store = await openStore(db);
  try {
    t = performance.now();
    for (let i = 0; i < COUNTERPARTIES; i += 5000) {
      const n = Math.min(5000, COUNTERPARTIES - i);
      // Ordinary customers, and one in a thousand named like the entry the new version adds.
      await store.upsertCounterparties(Array.from({ length: n }, (_, k) => ({ name: (i + k) % 1000 === 7 ? `Kestrel Varnow 900 Trading Co ${i + k}` : `Harbour Customer ${i + k} GmbH`, country: 'DE' })));
    }
    timings.seedCounterpartiesMs = Math.round(performance.now() - t);
  } finally {
    await store.close();
  }
  log('loading a changed list version (re-screens every stored counterparty)');
  t = performance.now();
  const load = JSON.parse(redline(['lists', 'load', listFile('scale_2026-02-01.csv', [...entries.slice(1), 'Kestrel Varnow 900 Trading Co']), '--db', db, '--json']));
  timings.listUpdateMs = Math.round(performance.now() - t);
  summary.listUpdate = {
    counterpartiesScreened: load.rescreen.screened,
    newHits: load.rescreen.newHits.length,
    ms: timings.listUpdateMs,
    perSecond: Math.round(load.rescreen.screened / (timings.listUpdateMs / 1000)),
  };
  if (load.rescreen.screened < COUNTERPARTIES) throw new Error(`the list update screened ${load.rescreen.screened} counterparties of ${COUNTERPARTIES}`);
  summary.timings = timings;
} catch (err) {
  failed = true;
  summary.error = err.stack ?? String(err);
} finally {
  await cleanup();
}
console.log(JSON.stringify(summary, null, 2));
process.exit(failed || summary.exactlyOnce === false ? 1 : 0);
