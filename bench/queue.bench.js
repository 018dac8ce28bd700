// npm run bench:queue — the API's batch queue (issue 14 item 6): a real `redline serve` on
// 127.0.0.1 with its own temporary SQLite store, two API keys, 20 one-row uploads sent as fast as
// they go, alternating keys; times from the first POST until every job is done (target ≤ 5 s),
// and the queue positions the jobs showed meanwhile. A first upload, timed apart (warmupMs),
// waits for the server's worker threads to load. QUEUE_JOBS changes the number of uploads.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort, startServe } from './serve.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JOBS = Number(process.env.QUEUE_JOBS ?? 20);

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-queue-'));
const db = join(dir, 'bench.sqlite');
const port = await freePort();
let child;
try {
  let keyA;
  ({ child, key: keyA } = await startServe(port, ['--db', db, '--no-request-log', '--list-update-interval', '0'], { timeoutMs: 120_000 }));
  const keyB = execFileSync(process.execPath, ['bin/redline.js', 'keys', 'create', '--role', 'analyst', '--name', 'bench B', '--db', db], { encoding: 'utf8' }).trim();
  const base = `http://127.0.0.1:${port}`;
  const post = async (key, i) => {
    const res = await fetch(`${base}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: `id,to,date,model\nQ${i},DE,2026-09-30,NVIDIA L4\n`,
    });
    if (res.status !== 202) throw new Error(`POST /v1/batches: ${res.status} ${await res.text()}`);
    return (await res.json()).id;
  };
  // One upload first, answered once the server's worker threads have loaded (about two seconds
  // on a quiet machine, once per server start): the figure is the queue's, not the start-up's.
  const w0 = performance.now();
  const warm = await post(keyA, 'warm-up');
  for (;;) {
    const s = await (await fetch(`${base}/v1/batches/${warm}`, { headers: { authorization: `Bearer ${keyA}` } })).json();
    if (s.status === 'done') break;
    if (s.status === 'failed') throw new Error(`warm-up job failed: ${s.error}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const warmupMs = Math.round(performance.now() - w0);
  const t0 = performance.now();
  const jobs = [];
  for (let i = 0; i < JOBS; i++) jobs.push({ id: await post(i % 2 ? keyB : keyA, i), key: i % 2 ? 'B' : 'A', doneMs: null, positions: [] });
  const posted = performance.now() - t0;
  for (;;) {
    let left = 0;
    for (const j of jobs) {
      if (j.doneMs !== null) continue;
      const res = await fetch(`${base}/v1/batches/${j.id}`, { headers: { authorization: `Bearer ${keyA}` } });
      const s = await res.json();
      if (s.queuePosition !== null && s.queuePosition !== j.positions.at(-1)) j.positions.push(s.queuePosition);
      if (s.status === 'done') j.doneMs = performance.now() - t0;
      else if (s.status === 'failed') throw new Error(`job ${j.id} failed: ${s.error}`);
      else left++;
    }
    if (!left) break;
    if (performance.now() - t0 > 300_000) throw new Error('jobs not done after 300 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  const total = Math.max(...jobs.map((j) => j.doneMs));
  const byKey = (k) => Math.round(Math.max(...jobs.filter((j) => j.key === k).map((j) => j.doneMs)));
  console.log(
    JSON.stringify(
      {
        bench: 'queue',
        date: new Date().toISOString(),
        uploads: JOBS,
        keys: 2,
        warmupMs,
        postMs: Math.round(posted),
        allDoneMs: Math.round(total),
        lastDoneMsKeyA: byKey('A'),
        lastDoneMsKeyB: byKey('B'),
        targetMs: 5000,
        met: total <= 5000,
        highestQueuePositionSeen: Math.max(0, ...jobs.flatMap((j) => j.positions)),
      },
      null,
      2,
    ),
  );
} finally {
  if (child) {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
  rmSync(dir, { recursive: true, force: true });
}
