import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadBundledLists, loadLexiconSync } from '../../src/bundle/lists.js';
import { DATA_DIR } from '../../src/bundle/paths.js';
import { buildEvalSet, createScreener, holdOutCurated, runEvaluation, simplify, type EvalKind, type EvalReport } from '../../src/screening/index.js';

/**
 * Recall@1 per kind of query and the false-positive rate on negatives, over
 * the labelled set built from the bundled lists (src/screening/evaluation.ts).
 * The floors are the issue's acceptance bar; the figures are printed so a run
 * shows where the scorer stands, and bench/README.md records them.
 */
const FLOORS: Partial<Record<EvalKind, number>> = {
  alias: 0.99,
  'legal-form': 0.95,
  abbreviation: 0.95,
  'case-punctuation': 0.95,
  typo: 0.95,
  'word-order': 0.95,
  hanzi: 0.9,
  traditional: 0.9,
};

/**
 * Curated Chinese names (data/lists/cn/cn_names_curated.csv), issue 10. Measured 2026-12-07 (brand short
 * forms indexed, coined brand words learned from the table, glossary rows of that day): simplified 1.000,
 * traditional 1.000, mixed 1.000, brand 1.000 (237), held-out 0.685 (74/108), Chinese negatives 0/49 alerting;
 * later that day, with the unread runs of every curated row learned (brand-words.ts): held-out 0.741 (80/108),
 * the other figures unchanged.
 * Floors: the issue's targets where met (brand a little above its 0.90 target, so a real regression shows),
 * and just under the measured figure for the held-out names, whose target (0.80) is not met yet.
 */
export const CURATED_FLOORS: Partial<Record<EvalKind, number>> = {
  'curated-simplified': 0.97,
  'curated-traditional': 0.97,
  'curated-mixed': 0.97,
  'curated-brand': 0.95,
};
const CURATED_TARGETS: Partial<Record<EvalKind, number>> = {
  'curated-simplified': 0.97,
  'curated-traditional': 0.97,
  'curated-mixed': 0.97,
  'curated-brand': 0.9,
  'curated-heldout': 0.8,
};
const HELDOUT_FLOOR = 0.72;
/** Share of data/eval/cn_hard_negatives.csv allowed to alert: the issue's 1% (none of the 49 alerts today). */
const CHINESE_NEGATIVES_MAX_FALSE_ALERTS = 0.01;

function table(report: EvalReport): string {
  return [
    'kind                  cases  recall@1 (negatives: flagged)',
    ...report.kinds.map((k) => `${k.kind.padEnd(20)} ${String(k.cases).padStart(6)}  ${k.rate.toFixed(4)}${CURATED_TARGETS[k.kind] ? `   (target ${CURATED_TARGETS[k.kind]})` : ''}`),
    `false positives: ${report.falsePositives}/${report.negatives} = ${report.falsePositiveRate.toFixed(4)}`,
  ].join('\n');
}

function csvColumn(path: string, column: string): string[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => r[column]!).filter(Boolean);
}

describe('screening evaluation', async () => {
  const { entries, versions } = await loadBundledLists();
  const screener = createScreener({ entries, versions, lexicon: loadLexiconSync() });
  const persons = join(DATA_DIR, 'eval', 'yente_synthetic_person_negatives_global_1k.csv');
  const chineseNegatives = csvColumn(join(DATA_DIR, 'eval', 'cn_hard_negatives.csv'), 'name');
  const cases = buildEvalSet(entries, {
    chineseNegatives,
    realNegatives: csvColumn(join(DATA_DIR, 'eval', 'real_companies_unlisted.csv'), 'name'),
    personNegatives: csvColumn(persons, 'full_name'),
    isKnown: (k) => screener.index.has(k),
  });
  const report = runEvaluation(screener, cases);
  const byKind = new Map(report.kinds.map((k) => [k.kind, k]));
  console.log(table(report));
  // Held out: a seeded 20% of the curated names leave the index; their Chinese names are then queried.
  const held = holdOutCurated(entries, { fraction: 0.2 });
  const heldScreener = createScreener({ entries: held.entries, versions, lexicon: loadLexiconSync() });
  const heldReport = runEvaluation(heldScreener, held.cases);
  console.log(table(heldReport));
  const heldOut = heldReport.kinds[0]!;

  for (const [kind, floor] of Object.entries(FLOORS)) {
    it(`finds the listed entry at rank 1 for ${kind} queries (floor ${floor})`, () => {
      const k = byKind.get(kind as EvalKind);
      expect(k?.cases ?? 0).toBeGreaterThan(50);
      expect(k!.rate, JSON.stringify(k!.examples)).toBeGreaterThanOrEqual(floor);
    });
  }
  for (const [kind, floor] of Object.entries(CURATED_FLOORS)) {
    it(`finds curated Chinese names at rank 1 for ${kind} queries (floor ${floor}, target ${CURATED_TARGETS[kind as EvalKind]})`, () => {
      const k = byKind.get(kind as EvalKind);
      expect(k?.cases ?? 0).toBeGreaterThan(kind === 'curated-brand' ? 100 : 300);
      expect(k!.rate, JSON.stringify(k!.examples)).toBeGreaterThanOrEqual(floor);
    });
  }
  it(`finds held-out curated names through glossary, phrases, numerals, pinyin and the brand words other rows teach (floor ${HELDOUT_FLOOR}, target 0.8)`, () => {
    expect(held.cases.length).toBeGreaterThan(60);
    // The held-out names really are gone from the index the cases run against.
    const indexed = new Set(held.entries.flatMap((e) => (e.localNames ?? []).map((l) => l.name)));
    for (const c of held.cases) expect(indexed.has(c.query)).toBe(false);
    expect(heldOut.rate, JSON.stringify(heldOut.examples)).toBeGreaterThanOrEqual(HELDOUT_FLOOR);
  });
  it('keeps Chinese hard negatives quiet, and none of them is on a bundled list', () => {
    const key = (s: string): string => simplify(s).replace(/\s+/g, '').toLowerCase();
    const listed = new Set(entries.flatMap((e) => [e.name, ...e.altNames, ...(e.localNames ?? []).map((l) => l.name)].map(key)));
    for (const n of chineseNegatives) expect(listed.has(key(n)), n).toBe(false);
    const k = byKind.get('negative-zh')!;
    expect(k.cases).toBe(chineseNegatives.length);
    expect(k.cases).toBeGreaterThanOrEqual(40);
    expect(k.rate, JSON.stringify(k.examples)).toBeLessThanOrEqual(CHINESE_NEGATIVES_MAX_FALSE_ALERTS);
  });
  it('flags at most 1% of negatives (real unlisted companies, Chinese hard negatives, synthetic people, look-alikes)', () => {
    expect(report.negatives).toBeGreaterThan(1500);
    expect(report.falsePositiveRate).toBeLessThanOrEqual(0.01);
  });
});
