// npm run bench:ownership — the ownership register at scale (docs/ownership.md):
//   import: a generated register CSV of 100,000 edges parsed, validated and stored in a fresh
//           SQLite store (one transaction), target <= 10 s;
//   load:   the whole register read back into memory (the snapshot determinations use);
//   share:  the listed share of an entity under all three 50 percent rules once loaded — walk the
//           register upwards from the entity, settle the rules, build the paths — target <= 1 ms.
//           Owners' listings are given (screening is the pipeline's job and is timed by
//           npm run bench:screen); a second figure includes screening every owner with the bundled
//           lists, cached per name as the pipeline does within one determination.
// Runs the compiled library (dist/), as users do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, importRegisterCsv, loadOwnershipRegister } from '../dist/store/index.js';
import { computeOwnership, graphFromRegister, OWNERSHIP_LISTS } from '../dist/ownership/index.js';
import { seededRandom } from '../dist/domain/index.js';
import { loadDefaultScreener } from '../dist/bundle/lists.js';

const EDGES = Number(process.env.EDGES ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 20_000);
const rand = seededRandom(12);
const pick = (n) => Math.floor(rand() * n);

// Layered groups: layer 0 are operating companies, higher layers their holding companies; each
// entity has 1–4 owners from the layers above, shares adding up to at most 100 %. Some top-layer
// owners are "listed".
const LAYERS = 6;
const perLayer = Math.ceil(EDGES / 2 / (LAYERS - 1));
const name = (layer, i) => `Entity L${layer} N${i} Holdings Ltd.`;
const listedNames = new Set();
const lines = ['entity,owner,share,as_of,source'];
let edges = 0;
// Entities are visited layer by layer, and again from the bottom with a later as-of date (a new
// statement for the same entity) until the register holds EDGES edges.
for (let round = 0; edges < EDGES; round++) {
  for (let layer = 0; layer < LAYERS - 1 && edges < EDGES; layer++) {
    for (let i = 0; i < perLayer && edges < EDGES; i++) {
      const owners = 1 + pick(4);
      let left = 100;
      const asOf = `${2019 + round}-0${1 + pick(9)}-15`;
      for (let k = 0; k < owners && left > 0 && edges < EDGES; k++) {
        const share = k === owners - 1 ? left : Math.min(left, 5 + pick(60));
        left -= share;
        const ownerLayer = layer + 1 + pick(Math.min(2, LAYERS - layer - 1));
        const owner = name(ownerLayer, pick(perLayer));
        if (ownerLayer === LAYERS - 1 && rand() < 0.2) listedNames.add(owner);
        lines.push(`${name(layer, i)},${owner},${share},${asOf},generated`);
        edges++;
      }
    }
  }
}
const csv = `${lines.join('\n')}\n`;

const dir = mkdtempSync(join(tmpdir(), 'redline-owners-bench-'));
const store = await openStore(join(dir, 'bench.sqlite'));
try {
  let t0 = performance.now();
  const imported = await importRegisterCsv(store, csv, { source: 'bench' });
  const importMs = performance.now() - t0;

  t0 = performance.now();
  const register = await loadOwnershipRegister(store);
  const loadMs = performance.now() - t0;

  const listed = (node) => (listedNames.has(node.name) ? [{ list: 'us.bis.entity-list', label: 'Entity List', name: node.name, citation: 'bench' }] : []);
  const queries = Array.from({ length: QUERIES }, () => name(pick(2), pick(perLayer)));
  const time = (listingsOf) => {
    const ms = [];
    let restricted = 0;
    let nodes = 0;
    for (const q of queries) {
      const s = performance.now();
      const graph = graphFromRegister(q, register, '2026-01-01');
      const results = computeOwnership(graph, listingsOf);
      ms.push(performance.now() - s);
      nodes += graph.nodes.size;
      if (results[0].restricted) restricted++;
    }
    ms.sort((a, b) => a - b);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(3);
    return { mean: (ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(3), p50: q(0.5), p99: q(0.99), max: ms[ms.length - 1].toFixed(3), restricted, meanNodes: (nodes / queries.length).toFixed(1) };
  };
  for (let i = 0; i < 2000; i++) computeOwnership(graphFromRegister(queries[i % queries.length], register, '2026-01-01'), listed); // warm-up
  const engine = time(listed);

  const screener = await loadDefaultScreener();
  const screened = (() => {
    const cache = new Map();
    return (node) => {
      let hit = cache.get(node.name);
      if (!hit) {
        hit = screener.screen(node.name).hits.filter((h) => h.score >= screener.alertThreshold && OWNERSHIP_LISTS.has(h.list));
        cache.set(node.name, hit);
      }
      return hit;
    };
  })();
  const withScreening = time(screened);

  console.log(JSON.stringify({
    edges: imported.rows,
    entities: register.entities,
    import: { ms: Math.round(importMs), edgesPerSecond: Math.round(imported.rows / (importMs / 1000)) },
    load: { ms: Math.round(loadMs) },
    shareMs: engine,
    shareWithScreeningMs: withScreening,
    note: 'shareWithScreeningMs caches each owner name across queries after its first screening, as a long-running server would not; its max is the cold figure',
  }, null, 2));
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
