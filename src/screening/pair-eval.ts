import { parse } from 'csv-parse/sync';

/**
 * Pairwise name-match evaluation: labelled name pairs (nomenklatura's
 * name_bench cases), a scorer, precision / recall / F1 at a threshold, and a
 * seeded split into a tuning half and a held-out half so that a figure tuned
 * on one half can be checked on pairs it never saw.
 */
export interface NamePair {
  group: string;
  schema: string;
  a: string;
  b: string;
  match: boolean;
}

export interface PairMetrics {
  threshold: number;
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function parseNamePairs(csvText: string, source = 'name pairs'): NamePair[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(csvText, { columns: true, skip_empty_lines: true, comment: '#', relax_column_count: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
  return rows.map((r, i) => {
    const label = (r.is_match ?? '').toLowerCase();
    if (!r.name1 || !r.name2 || (label !== 'true' && label !== 'false')) throw new Error(`${source}: row ${i + 2}: needs name1, name2 and is_match true/false`);
    return { group: r.case_group ?? '', schema: r.schema ?? '', a: r.name1, b: r.name2, match: label === 'true' };
  });
}

/** FNV-1a of the pair with a seed: a stable, order-free coin for each pair. */
export function pairHash(p: Pick<NamePair, 'a' | 'b' | 'schema'>, seed: number): number {
  const text = `${seed}\u0000${p.schema}\u0000${p.a}\u0000${p.b}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Splits pairs into a tuning half and a held-out half by a seeded hash of each pair. */
export function splitPairs<T extends Pick<NamePair, 'a' | 'b' | 'schema'>>(pairs: readonly T[], seed: number): { tune: T[]; heldOut: T[] } {
  const tune: T[] = [];
  const heldOut: T[] = [];
  for (const p of pairs) (pairHash(p, seed) % 2 === 0 ? tune : heldOut).push(p);
  return { tune, heldOut };
}

export function metricsAt(scored: readonly { score: number; match: boolean }[], threshold: number): PairMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of scored) {
    const yes = s.score >= threshold;
    if (yes && s.match) tp++;
    else if (yes) fp++;
    else if (s.match) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, pairs: scored.length, tp, fp, fn, tn, precision, recall, f1 };
}

/** The threshold (on a 0.01 grid) with the best F1 on these pairs. */
export function bestThreshold(scored: readonly { score: number; match: boolean }[]): PairMetrics {
  let best = metricsAt(scored, 0);
  for (let t = 1; t <= 100; t++) {
    const m = metricsAt(scored, t / 100);
    if (m.f1 > best.f1) best = m;
  }
  return best;
}
