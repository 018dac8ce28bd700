import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadBundledLists, loadLexiconSync } from '../../src/bundle/lists.js';
import { DATA_DIR } from '../../src/bundle/paths.js';
import { createScreener, metricsAt, PAIR_MATCH_THRESHOLD, parseNamePairs, splitPairs } from '../../src/screening/index.js';

/**
 * The nomenklatura name pairs (data/eval/nomenklatura_name_bench_cases.csv) scored by
 * Redline's pairwise `match`, at the one decision threshold chosen on the tuning half.
 * Floors: F1 ≥ 0.85 on the whole set and on the held-out half, and ahead of logic-v2's
 * published F1 on the same pairs. `npm run eval:names` prints the full table.
 */
describe('name-pair evaluation (nomenklatura)', async () => {
  const { entries, versions } = await loadBundledLists();
  const screener = createScreener({ entries, versions, lexicon: loadLexiconSync() });
  const pairs = parseNamePairs(readFileSync(join(DATA_DIR, 'eval', 'nomenklatura_name_bench_cases.csv'), 'utf8'));
  const scored = pairs.map((p) => ({ ...p, score: screener.match(p.a, p.b, { schema: p.schema }).score }));
  const { tune, heldOut } = splitPairs(scored, 10);
  const frozen = parse(readFileSync(join(DATA_DIR, 'eval', 'nomenklatura_logicv2_frozen_scores.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const logicV2 = metricsAt(frozen.map((r) => ({ match: r.is_match === 'true', score: Number(r.score) })), 0.7);
  const whole = metricsAt(scored, PAIR_MATCH_THRESHOLD);
  const held = metricsAt(heldOut, PAIR_MATCH_THRESHOLD);
  console.log(`whole F1 ${whole.f1.toFixed(3)}, tuning half ${metricsAt(tune, PAIR_MATCH_THRESHOLD).f1.toFixed(3)}, held-out half ${held.f1.toFixed(3)}; logic-v2 ${logicV2.f1.toFixed(3)}`);

  it('splits the pairs into two halves of similar size', () => {
    expect(tune.length + heldOut.length).toBe(pairs.length);
    expect(Math.abs(tune.length - heldOut.length)).toBeLessThan(pairs.length * 0.1);
  });
  it('reaches F1 0.85 on the whole set', () => expect(whole.f1).toBeGreaterThanOrEqual(0.85));
  it('reaches F1 0.85 on the held-out half', () => expect(held.f1).toBeGreaterThanOrEqual(0.85));
  it('is ahead of logic-v2 on the same pairs', () => expect(whole.f1).toBeGreaterThan(logicV2.f1 + 0.03));
});
