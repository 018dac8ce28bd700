// npm run bench:limits — a 1 MB model name on POST /v1/check against a real `redline serve`
// on 127.0.0.1 (its own temporary SQLite store), while GET /healthz is polled every 5 ms.
// Issue 14 target: the 400 in < 100 ms, /healthz answering in < 10 ms throughout.
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort, startServe } from './serve.js';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-limits-'));
const port = await freePort();
const { child, key } = await startServe(port, ['--db', join(dir, 'bench.sqlite'), '--rate-limit', '100000000']);
const base = `http://127.0.0.1:${port}`;
try {
  // Encoded once: the client re-encoding a megabyte per request would compete with the server for the two cores.
  const body = Buffer.from(JSON.stringify({ to: 'CN', items: [{ model: 'NVIDIA H100 '.repeat(90_000).slice(0, 1_000_000) }], parties: [] }));
  // Warm up both routes once.
  await fetch(`${base}/healthz`).then((r) => r.text());
  await fetch(`${base}/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body }).then((r) => r.text());
  const checks = [];
  let statuses = new Set();
  // The health checks run on a thread of their own: on this thread, sending the megabyte bodies
  // would hold them up on the client's side and the figure would measure the client, not the server.
  const poller = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const health = [];
     let polling = true;
     parentPort.on('message', () => { polling = false; });
     (async () => {
       // One untimed request first: the thread's own start and its first connection are not the server's time.
       await fetch(workerData + '/healthz').then((r) => r.text());
       // A baseline: the same polls with nothing else arriving, to tell the server's delay from the client's.
       const idle = [];
       for (let i = 0; i < 40; i++) {
         const t = performance.now();
         await fetch(workerData + '/healthz').then((r) => r.text());
         idle.push(performance.now() - t);
         await new Promise((r) => setTimeout(r, 5));
       }
       parentPort.postMessage(idle);
       while (polling) {
         const t = performance.now();
         await fetch(workerData + '/healthz').then((r) => r.text());
         health.push(performance.now() - t);
         await new Promise((r) => setTimeout(r, 5));
       }
       parentPort.postMessage(health);
     })();`,
    { eval: true, workerData: base },
  );
  const [idle] = await once(poller, 'message');
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    const r = await fetch(`${base}/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
    const text = await r.text();
    checks.push(performance.now() - t);
    statuses.add(`${r.status} (${text.length} bytes)`);
  }
  poller.postMessage('stop');
  const [health] = await once(poller, 'message');
  await poller.terminate();
  console.log(`date ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`POST /v1/check, 1 MB model, ${ROUNDS} rounds: ${[...statuses].join(', ')}; median ${pct(checks, 0.5).toFixed(1)} ms, max ${Math.max(...checks).toFixed(1)} ms`);
  console.log(`GET /healthz before, nothing else arriving, ${idle.length} polls: median ${pct(idle, 0.5).toFixed(1)} ms, p99 ${pct(idle, 0.99).toFixed(1)} ms, max ${Math.max(...idle).toFixed(1)} ms`);
  console.log(`GET /healthz meanwhile, ${health.length} polls: median ${pct(health, 0.5).toFixed(1)} ms, p99 ${pct(health, 0.99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
