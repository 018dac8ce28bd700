import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadBundledLists, loadLexiconSync } from '../../src/bundle/lists.js';
import { DATA_DIR } from '../../src/bundle/paths.js';
import { buildEvalSet, createScreener, runEvaluation, type EvalKind } from '../../src/screening/index.js';

/**
 * Recall@1 per kind of query and the false-positive rate on negatives, over
 * the labelled set built from the bundled lists (src/screening/evaluation.ts).
 * The floors are the acceptance bar; the figures are printed so a run
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

function csvColumn(path: string, column: string): string[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => r[column]!).filter(Boolean);
}

describe('screening evaluation', async () => {
  const { entries, versions } = await loadBundledLists();
  const screener = createScreener({ entries, versions, lexicon: loadLexiconSync() });
  const persons = join(DATA_DIR, 'eval', 'yente_synthetic_person_negatives_global_1k.csv');
  const cases = buildEvalSet(entries, {
    realNegatives: csvColumn(join(DATA_DIR, 'eval', 'real_companies_unlisted.csv'), 'name'),
    personNegatives: csvColumn(persons, 'full_name'),
    isKnown: (k) => screener.index.has(k),
  });
  const report = runEvaluation(screener, cases);
  const byKind = new Map(report.kinds.map((k) => [k.kind, k]));
  console.log(
    [
      'kind                  cases  recall@1 (negatives: flagged)',
      ...report.kinds.map((k) => `${k.kind.padEnd(20)} ${String(k.cases).padStart(6)}  ${k.rate.toFixed(4)}`),
      `false positives: ${report.falsePositives}/${report.negatives} = ${report.falsePositiveRate.toFixed(4)}`,
    ].join('\n'),
  );

  for (const [kind, floor] of Object.entries(FLOORS)) {
    it(`finds the listed entry at rank 1 for ${kind} queries (floor ${floor})`, () => {
      const k = byKind.get(kind as EvalKind);
      expect(k?.cases ?? 0).toBeGreaterThan(50);
      expect(k!.rate, JSON.stringify(k!.examples)).toBeGreaterThanOrEqual(floor);
    });
  }
  it('flags at most 3% of negatives (real unlisted companies, synthetic people, look-alikes)', () => {
    expect(report.negatives).toBeGreaterThan(1500);
    expect(report.falsePositiveRate).toBeLessThanOrEqual(0.03);
  });
});
