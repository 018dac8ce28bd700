// Name-pair benchmark: Redline's pairwise scorer (`redline match`, with the pair's schema) against
// OpenSanctions logic-v2's frozen scores on the nomenklatura name_bench pairs. Pairs are split by a
// seeded hash into a tuning half (the only half the weights and the threshold were chosen on) and a
// held-out half. Run: npm run eval:names (builds first). Figures go to bench/README.md (## Name pairs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadBundledLists, loadLexiconSync } from '../dist/bundle/lists.js';
import { DATA_DIR } from '../dist/bundle/paths.js';
import { bestThreshold, createScreener, metricsAt, PAIR_MATCH_THRESHOLD, parseNamePairs, splitPairs } from '../dist/screening/index.js';

const SEED = 10;
const { entries, versions } = await loadBundledLists();
const screener = createScreener({ entries, versions, lexicon: loadLexiconSync() });
const pairs = parseNamePairs(readFileSync(join(DATA_DIR, 'eval', 'nomenklatura_name_bench_cases.csv'), 'utf8'));
const t0 = performance.now();
const scored = pairs.map((p) => ({ ...p, score: screener.match(p.a, p.b, { schema: p.schema }).score }));
const ms = (performance.now() - t0) / pairs.length;
const { tune, heldOut } = splitPairs(scored, SEED);

// logic-v2: its own published scores and threshold (0.70), on the pairs it scored.
const frozen = parse(readFileSync(join(DATA_DIR, 'eval', 'nomenklatura_logicv2_frozen_scores.csv'), 'utf8'), { columns: true });
const lv2 = frozen.map((r) => ({ a: r.name1, b: r.name2, schema: r.schema, match: r.is_match === 'true', score: Number(r.score) }));
const lv2Split = splitPairs(lv2, SEED);

const fmt = (m) => `${m.precision.toFixed(3)}  ${m.recall.toFixed(3)}  ${m.f1.toFixed(3)}  (${m.pairs} pairs, threshold ${m.threshold})`;
console.log(`name pairs: ${pairs.length} (tuning half ${tune.length}, held-out half ${heldOut.length}, seed ${SEED}); ${ms.toFixed(3)} ms per pair`);
console.log('                       P      R      F1');
console.log(`Redline  whole         ${fmt(metricsAt(scored, PAIR_MATCH_THRESHOLD))}`);
console.log(`Redline  tuning half   ${fmt(metricsAt(tune, PAIR_MATCH_THRESHOLD))}`);
console.log(`Redline  held-out half ${fmt(metricsAt(heldOut, PAIR_MATCH_THRESHOLD))}`);
console.log(`logic-v2 whole         ${fmt(metricsAt(lv2, 0.7))}`);
console.log(`logic-v2 tuning half   ${fmt(metricsAt(lv2Split.tune, 0.7))}`);
console.log(`logic-v2 held-out half ${fmt(metricsAt(lv2Split.heldOut, 0.7))}`);
console.log(`(Redline's best threshold on the tuning half: ${bestThreshold(tune).threshold}; on the whole set, for reference only: ${bestThreshold(scored).threshold})`);
const bySchema = new Map();
for (const p of scored) bySchema.set(p.schema, [...(bySchema.get(p.schema) ?? []), p]);
for (const [schema, ps] of bySchema) console.log(`Redline  ${schema.padEnd(13)} ${fmt(metricsAt(ps, PAIR_MATCH_THRESHOLD))}`);
