// npm run bench — determinations per second for a synthetic 100,000-line order book (no screening),
// and peak memory. Runs the compiled library (dist/), as users do. Three modes side by side in one run:
//   full:   validate (zod) → resolve catalogue → classify → evaluate every measure → combine, as
//           redline.check does (lines that differ only in id, quantity and value share one evaluation)
//   fresh:  the same pipeline with every line evaluated afresh (no sharing); its answers are compared
//           with the full mode's, line by line, as JSON
//   engine: evaluate only, on pre-validated, pre-classified lines (what the rules engine itself costs)
import { performance } from 'node:perf_hooks';
import { createRedline } from '../dist/bundle/redline.js';
import { parseInput, transactionSchema } from '../dist/domain/index.js';
import { resolveItem, classifyItem } from '../dist/classify/index.js';
import { evaluateTransaction } from '../dist/rules/index.js';
import { determine } from '../dist/determine/index.js';
import { createHash } from 'node:crypto';

const LINES = Number(process.env.LINES ?? 100_000);
const redline = await createRedline({ screener: false });
const models = redline.catalogue.entries.filter((e) => e.expectedCode !== 'INDETERMINATE').map((e) => e.name);
const destinations = ['CN', 'HK', 'MO', 'DE', 'JP', 'SA', 'AE', 'VN', 'MY', 'SG', 'US', 'IN', 'RU', 'TW', 'KR', 'NL'];
const dates = ['2022-06-01', '2023-01-15', '2023-12-01', '2024-06-30', '2025-05-01', '2026-01-20', '2026-09-30'];

// A seeded generator, so every run measures the same book.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (a) => a[Math.floor(rand() * a.length)];

function line(i) {
  const to = pick(destinations);
  return {
    id: `L${i}`,
    date: pick(dates),
    from: 'US',
    to,
    exporter: { name: 'Example US Distributor Inc.', country: 'US', headquarters: 'US' },
    items: [{ model: pick(models), quantity: 1 + Math.floor(rand() * 16), value: 1000 + Math.floor(rand() * 300000) }],
    // No parties: screening is out of this benchmark (see npm run bench:screen).
    parties: [],
    endUse: [pick(['commercial', 'ai_training', 'datacenter', 'research'])],
  };
}

const book = Array.from({ length: LINES }, (_, i) => line(i));
let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

function timed(label, fn) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcomes = {};
  for (let i = 0; i < book.length; i++) {
    const o = fn(book[i], i);
    outcomes[o] = (outcomes[o] ?? 0) + 1;
    if ((i & 4095) === 0) sample();
  }
  const s = (performance.now() - t0) / 1000;
  // CPU time of this process: on a machine other work loads, wall time measures the scheduler.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample();
  return {
    label,
    lines: book.length,
    seconds: +s.toFixed(2),
    linesPerSecond: Math.round(book.length / s),
    cpuSeconds: +cpuSeconds.toFixed(2),
    linesPerCpuSecond: Math.round(book.length / cpuSeconds),
    outcomes,
  };
}

// Warm-up so the JIT has seen the hot paths before timing.
for (let i = 0; i < 2000; i++) redline.check(book[i], { path: '' });

const full = timed('full pipeline', (tx) => redline.check(tx).outcome);
const engines = { ruleset: redline.ruleset, catalogue: redline.catalogue };
const day = new Date().toISOString().slice(0, 10);
const fresh = timed('full pipeline, every line evaluated afresh', (tx) => determine(tx, engines, { today: day, memo: false }).outcome);

// The same answers either way: every line's whole determination, as JSON.
let differing = 0;
for (const tx of book) {
  const a = JSON.stringify(redline.check(tx));
  const b = JSON.stringify(determine(tx, engines, { today: day, memo: false }));
  if (createHash('sha256').update(a).digest('hex') !== createHash('sha256').update(b).digest('hex')) differing++;
}

const prepared = book.map((raw) => {
  const tx = parseInput(transactionSchema, raw);
  const items = tx.items.map((it, i) => resolveItem(it, redline.catalogue, `items[${i}]`));
  return { tx, items, classifications: items.map((it, i) => classifyItem(it, i, tx.date)) };
});
const engine = timed('rules engine only', (_, i) => {
  const p = prepared[i];
  return evaluateTransaction(redline.ruleset, { tx: p.tx, asOf: p.tx.date, items: p.items, classifications: p.classifications, screening: [] }).outcome;
});

const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  measures: redline.ruleset.measures.length,
  modes: [full, fresh, engine],
  linesWhoseAnswerDiffers: differing,
  peakRssMiB: Math.round(peakRss / 2 ** 20),
};
console.log(JSON.stringify(result, null, 2));
