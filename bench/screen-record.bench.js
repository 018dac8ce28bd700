// node bench/screen-record.bench.js (after npm run build) — what recording an API screening with a
// new counterparty costs the store, in-process on a temporary SQLite store, per name: the group
// commit as it was (one audit record per group, then one transaction per new counterparty) against
// the counterparties written in the audit record's own transaction (Store.appendAudits). CPU time
// (process.cpuUsage) is reported beside wall time: on a loaded machine it is the steadier figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../dist/store/index.js';

const GROUP = Number(process.env.BENCH_GROUP ?? 32); // screenings per group commit (the HTTP bench sees 32)
const GROUPS = Number(process.env.BENCH_GROUPS ?? 300);
let serial = 0;

function group() {
  return Array.from({ length: GROUP }, () => {
    const name = `Northwind Compute ${serial++} Ltd`;
    return { query: name, country: serial % 3 ? 'CN' : undefined, result: { query: name, hits: [] } };
  });
}

function audit(items) {
  return {
    kind: 'screening',
    input: { screenings: items.map((p) => ({ query: p.query, country: p.country ?? null, address: null })) },
    output: { results: items.map((p) => p.result) },
    keyId: 'key_bench',
    meta: { via: 'api', count: items.length },
  };
}

const ways = {
  'audit record only (reference: no counterparty written)': async (store, items) => {
    await store.appendAudits([audit(items)]);
  },
  'audit, then one transaction per new counterparty (before)': async (store, items) => {
    await store.appendAudit(audit(items));
    for (const p of items) await store.upsertCounterparty({ name: p.query, country: p.country });
  },
  'audit and counterparties in one transaction (after)': async (store, items) => {
    await store.appendAudits([audit(items)], { counterparties: items.map((p) => ({ name: p.query, country: p.country })) });
  },
};

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-record-'));
try {
  const store = await openStore(join(dir, 'bench.sqlite'));
  const out = [];
  for (let round = 0; round < 2; round++) {
    for (const [label, write] of Object.entries(ways)) {
      for (let i = 0; i < 20; i++) await write(store, group()); // warm-up
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < GROUPS; i++) await write(store, group());
      const wallUs = ((performance.now() - t0) * 1000) / (GROUPS * GROUP);
      const cpu = process.cpuUsage(cpu0);
      out.push({ round: round + 1, way: label, us_per_name_wall: Math.round(wallUs), us_per_name_cpu: Math.round((cpu.user + cpu.system) / (GROUPS * GROUP)) });
    }
  }
  await store.close();
  console.log(JSON.stringify({ date: new Date().toISOString().slice(0, 10), group: GROUP, groups: GROUPS, results: out }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
