import type { NameToken } from './normalize.js';
import { editDistance, tokenSimilarity } from './similarity.js';

/**
 * The precise scorer: aligns the query's tokens with a listed name's tokens
 * (exact keys first, then joined neighbours, then typos and abbreviations) and
 * scores the alignment as a weighted Dice coefficient, where a token's weight is
 * its rarity in the lists. Rare words (Huawei) decide a match; common ones
 * (Beijing, Trading, Technology) cannot make one on their own. Word order does
 * not matter: lists and users order names differently (`ABBAS, Rim`).
 *
 * Ranking calls it for every candidate, so it allocates nothing unless asked
 * for the pairs (explanations ask, for the few hits shown).
 */
export interface WeightedTokens {
  tokens: readonly NameToken[];
  weights: readonly number[];
  /** Tokens absent from the index: they take the weight of the listed word they are matched to. */
  unknown?: readonly boolean[] | undefined;
}

export type PairHow = 'exact' | 'joined' | 'typo' | 'prefix' | 'phrase';

export interface TokenPair {
  q: number[];
  n: number[];
  sim: number;
  how: PairHow;
}

export interface AlignOptions {
  /**
   * Weight kept by the words of one side that met nothing, when every word of
   * the other side met its equal (1 = full cost). A name inside a longer one
   * (a brand in the registered name, the parent group left out, the same name
   * written again in another script) is evidence, not a contradiction.
   */
  extraWeight?: number;
  /** `extraWeight` applies only when the shared part holds a word at least this heavy (a distinctive brand, not Beijing). */
  distinctive?: number;
  /** Words that met nothing on BOTH sides cost this much more (a different surname, a different place). */
  conflictWeight?: number;
  /**
   * Pairwise comparison of people's names: a single letter may stand for a
   * word it begins (V. Putin), and spellings further apart than a typo still
   * earn part of the credit (Schulze / Scholz) in proportion to the letters shared.
   */
  personal?: boolean;
  /** Personal names: the least normalised edit similarity that still earns credit, and the share of it earned. */
  personalMin?: number;
  personalCredit?: number;
}

export interface AlignmentScore {
  score: number;
  /** Highest weight among the listed name's words that were matched (how distinctive the shared part is). */
  rarestShared: number;
  pairs: TokenPair[];
  /** Every token on both sides met its equal: the names are the same after normalisation. */
  exact: boolean;
  /** As rarestShared, without translated business words and lone characters: 0 when only such words are shared. */
  rarestBrand: number;
  /** Every word of the listed name met one of the query's, and the query has words left over. */
  inside: boolean;
}

const MAX = 128;
// Scratch state, reused by every call (scoring is synchronous).
const qUsed = new Uint8Array(MAX);
const nUsed = new Uint8Array(MAX);
const qWeight = new Float64Array(MAX);
// Typo and abbreviation similarity of each (query word, listed word) pair, worked out once per
// alignment: the best-pair loop below asks again after every pair it takes. A pair's slot is valid
// when its generation is the current call's; -1 = no similarity.
const pairGeneration = new Uint32Array(MAX * MAX);
const pairSim = new Float64Array(MAX * MAX);
const pairIsPrefix = new Uint8Array(MAX * MAX);
let generation = 0;

function sharesKey(a: NameToken, b: NameToken): boolean {
  const ak = a.keys;
  const bk = b.keys;
  if (ak.length === 1 && bk.length === 1) return ak[0] === bk[0];
  for (const x of ak) for (const y of bk) if (x === y) return true;
  return false;
}

function personalFuzzy(a: NameToken, b: NameToken, opts: AlignOptions): { sim: number; how: 'typo' | 'prefix' } | undefined {
  const x = a.keys[0]!;
  const y = b.keys[0]!;
  if (/^\d+$/.test(x) || /^\d+$/.test(y)) return undefined;
  // An initial: V = Vladimir. Worth less than the name, more than nothing.
  if ((x.length === 1 && y.length > 1 && y[0] === x) || (y.length === 1 && x.length > 1 && x[0] === y)) return { sim: 0.8, how: 'prefix' };
  const long = Math.max(x.length, y.length);
  if (long < 4 || x[0] !== y[0]) return undefined;
  const d = editDistance(x, y, Math.floor(long / 2));
  const sim = 1 - d / long;
  return sim >= (opts.personalMin ?? 0.55) ? { sim: sim * (opts.personalCredit ?? 0.8), how: 'typo' } : undefined;
}

function fuzzy(a: NameToken, b: NameToken, opts?: AlignOptions): { sim: number; how: 'typo' | 'prefix' } | undefined {
  if (opts?.personal) {
    const p = personalFuzzy(a, b, opts);
    const t = fuzzy(a, b);
    return !t || (p && p.sim > t.sim) ? p : t;
  }
  // Pinyin read from characters is exact: zhongwei and shengwei are different characters, not a typo
  // (中微 is not 盛微). Only an abbreviation by prefix is left to it.
  const han = a.kind === 'pinyin' || b.kind === 'pinyin';
  if ((a.kind === 'pinyin' && a.surface.length === 1) || (b.kind === 'pinyin' && b.surface.length === 1)) return undefined;
  let best: { sim: number; how: 'typo' | 'prefix' } | undefined;
  for (const x of a.keys) {
    for (const y of b.keys) {
      const s = tokenSimilarity(x, y);
      if (s && han && s.how === 'typo') continue;
      if (s && (!best || s.sim > best.sim)) best = s;
    }
  }
  return best;
}

/** Score only, for ranking candidates. */
export function scoreTokens(q: WeightedTokens, n: WeightedTokens, opts?: AlignOptions): { score: number; exact: boolean; rarestShared: number; rarestBrand: number; inside: boolean } {
  return align(q, n, undefined, opts);
}

/** Score with the token pairs, for explanations. */
export function alignTokens(q: WeightedTokens, n: WeightedTokens, opts?: AlignOptions): AlignmentScore {
  const pairs: TokenPair[] = [];
  const r = align(q, n, pairs, opts);
  return { ...r, pairs };
}

function align(q: WeightedTokens, n: WeightedTokens, pairs: TokenPair[] | undefined, opts: AlignOptions = {}): { score: number; exact: boolean; rarestShared: number; rarestBrand: number; inside: boolean } {
  const qt = q.tokens;
  const nt = n.tokens;
  const ql = Math.min(qt.length, MAX);
  const nl = Math.min(nt.length, MAX);
  qUsed.fill(0, 0, ql);
  nUsed.fill(0, 0, nl);
  for (let i = 0; i < ql; i++) qWeight[i] = q.weights[i]!;
  let matched = 0;
  let paired = 0;
  let rarestShared = 0;
  let rarestBrand = 0;
  let allOne = true;
  const take = (qi: number, qj: number, ni: number, nj: number, sim: number, how: PairHow): void => {
    let wn = 0;
    // One Chinese character (a surname, 丽) is not a distinctive word whatever its rarity.
    // Beside other characters of one word it counts, but only against the entry's own characters (海康威视 in
    // 杭州海康威视…), not against a Latin name that happens to spell the syllables (丽丽 / Li Li).
    const translated = qi === qj && qt[qi]!.kind === 'glossary' && !qt[qi]!.parts;
    const single = qi === qj && qt[qi]!.kind === 'pinyin' && qt[qi]!.surface.length === 1 && !(qt[qi]!.inRun && nt[ni]!.kind === 'pinyin');
    for (let j = ni; j <= nj; j++) {
      nUsed[j] = 1;
      wn += n.weights[j]!;
      if (sim >= 0.8 && !single && n.weights[j]! > rarestShared) rarestShared = n.weights[j]!;
      // A translated business word (航空 → aviation) is never a brand, however rare in the lists.
      if (sim >= 0.8 && !single && !translated && n.weights[j]! > rarestBrand) rarestBrand = n.weights[j]!;
    }
    let wq = 0;
    const qCount = qj - qi + 1;
    for (let i = qi; i <= qj; i++) {
      qUsed[i] = 1;
      // An unknown query word (a typo) counts as much as the listed word it stands for.
      if (q.unknown?.[i]) qWeight[i] = wn / qCount;
      wq += qWeight[i]!;
    }
    matched += sim * (wq + wn);
    paired++;
    if (sim < 1) allOne = false;
    if (pairs) pairs.push({ q: range(qi, qj), n: range(ni, nj), sim, how });
  };
  // Exact keys, preferring the same position so repeated words pair in order.
  for (let i = 0; i < ql; i++) {
    let hit = -1;
    for (let j = 0; j < nl; j++) {
      if (nUsed[j] || !sharesKey(qt[i]!, nt[j]!)) continue;
      hit = j;
      if (j >= i) break;
    }
    if (hit >= 0) take(i, i, hit, hit, 1, 'exact');
  }
  // Two words on one side written as one on the other (Hik Vision / Hikvision).
  for (let i = 0; i + 1 < ql; i++) {
    if (qUsed[i] || qUsed[i + 1]) continue;
    const joined = qt[i]!.keys[0]! + qt[i + 1]!.keys[0]!;
    for (let j = 0; j < nl; j++) {
      if (!nUsed[j] && nt[j]!.keys.includes(joined)) {
        take(i, i + 1, j, j, 1, 'joined');
        break;
      }
    }
  }
  for (let j = 0; j + 1 < nl; j++) {
    if (nUsed[j] || nUsed[j + 1]) continue;
    const joined = nt[j]!.keys[0]! + nt[j + 1]!.keys[0]!;
    for (let i = 0; i < ql; i++) {
      if (!qUsed[i] && qt[i]!.keys.includes(joined)) {
        take(i, i, j, j + 1, 1, 'joined');
        break;
      }
    }
  }
  // A phrase read as one concept (CETC) on one side, its words spelt out on the other (with a typo, in another order).
  const takeSets = (qs: number[], ns: number[], sim: number): void => {
    let wn = 0;
    for (const j of ns) {
      nUsed[j] = 1;
      wn += n.weights[j]!;
    }
    let wq = 0;
    for (const i of qs) {
      qUsed[i] = 1;
      if (q.unknown?.[i]) qWeight[i] = wn / qs.length;
      wq += qWeight[i]!;
    }
    matched += sim * (wq + wn);
    paired++;
    allOne = false;
    if (pairs) pairs.push({ q: qs, n: ns, sim, how: 'phrase' });
  };
  for (let j = 0; j < nl; j++) {
    const parts = nt[j]!.parts;
    if (nUsed[j] || !parts) continue;
    const hit = partsMet(parts, qt, ql, qUsed);
    if (hit) takeSets(hit.idx, [j], hit.sim);
  }
  for (let i = 0; i < ql; i++) {
    const parts = qt[i]!.parts;
    if (qUsed[i] || !parts) continue;
    const hit = partsMet(parts, nt, nl, nUsed);
    if (hit) takeSets([i], hit.idx, hit.sim);
  }
  if (opts.personal) {
    initialsOf(qt, ql, nt, nl, qUsed, nUsed, (a, b, c, d) => take(a, b, c, d, 0.85, 'prefix'));
    initialsOf(nt, nl, qt, ql, nUsed, qUsed, (c, d, a, b) => take(a, b, c, d, 0.85, 'prefix'));
  }
  // Typos and abbreviations among what is left, best pair first.
  generation = (generation + 1) >>> 0 || 1;
  for (;;) {
    let bestSim = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < ql; i++) {
      if (qUsed[i]) continue;
      for (let j = 0; j < nl; j++) {
        if (nUsed[j]) continue;
        const slot = i * MAX + j;
        if (pairGeneration[slot] !== generation) {
          const s = fuzzy(qt[i]!, nt[j]!, opts);
          pairGeneration[slot] = generation;
          pairSim[slot] = s ? s.sim : -1;
          pairIsPrefix[slot] = s?.how === 'prefix' ? 1 : 0;
        }
        const sim = pairSim[slot]!;
        if (sim >= 0 && (bi < 0 || sim > bestSim)) {
          bestSim = sim;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    take(bi, bi, bj, bj, bestSim, pairIsPrefix[bi * MAX + bj] ? 'prefix' : 'typo');
  }
  let usedQ = 0;
  let usedN = 0;
  let qPaired = 0;
  let qExtra = 0;
  let nPaired = 0;
  let nExtra = 0;
  for (let i = 0; i < ql; i++) {
    if (qUsed[i]) {
      usedQ++;
      qPaired += qWeight[i]!;
    } else qExtra += qWeight[i]!;
  }
  for (let j = 0; j < nl; j++) {
    if (nUsed[j]) {
      usedN++;
      nPaired += n.weights[j]!;
    } else nExtra += n.weights[j]!;
  }
  const exact = usedQ === ql && usedN === nl && allOne && paired > 0;
  if (exact) return { score: 1, exact, rarestShared, rarestBrand, inside: false };
  const extra = opts.extraWeight ?? 1;
  const conflict = opts.conflictWeight ?? 1;
  // Only one side has words left over: they weigh `extra`; both sides do: they weigh `conflict`.
  let total = qPaired + nPaired;
  const contained = paired > 0 && rarestBrand >= (opts.distinctive ?? 0);
  if (contained && usedQ === ql) total += nExtra * extra;
  else if (contained && usedN === nl) total += qExtra * extra;
  else if (paired > 0 && (usedQ === ql || usedN === nl)) total += qExtra + nExtra;
  else total += (qExtra + nExtra) * conflict;
  return { score: total > 0 ? Math.min(1, matched / total) : 0, exact, rarestShared, rarestBrand, inside: usedN === nl && usedQ < ql };
}

/** Unused tokens that spell at least half of a phrase's words (exactly or with a typo): their indexes and the share met. */
function partsMet(parts: readonly string[], xt: readonly NameToken[], xl: number, xUsed: Uint8Array): { idx: number[]; sim: number } | undefined {
  const idx: number[] = [];
  let credit = 0;
  for (const part of parts) {
    let best = -1;
    let bestSim = 0;
    for (let i = 0; i < xl; i++) {
      if (xUsed[i] || idx.includes(i)) continue;
      const keys = xt[i]!.keys;
      let sim = keys.includes(part) ? 1 : 0;
      if (!sim) for (const k of keys) sim = Math.max(sim, tokenSimilarity(k, part)?.sim ?? 0);
      if (sim > bestSim) {
        best = i;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      idx.push(best);
      credit += bestSim;
    }
  }
  if (idx.length * 2 < parts.length || idx.length < 2) return undefined;
  return { idx: idx.sort((a, b) => a - b), sim: credit / parts.length };
}

/** A short word on one side that spells the initials of a run of words on the other: JC = Jean Claude, US = United States. */
function initialsOf(
  xt: readonly NameToken[],
  xl: number,
  yt: readonly NameToken[],
  yl: number,
  xUsed: Uint8Array,
  yUsed: Uint8Array,
  take: (xi: number, xj: number, yi: number, yj: number) => void,
): void {
  for (let i = 0; i < xl; i++) {
    const w = xt[i]!.keys[0]!;
    if (xUsed[i] || w.length < 2 || w.length > 4 || !/^\p{L}+$/u.test(w)) continue;
    for (let j = 0; j + w.length <= yl; j++) {
      let ok = true;
      for (let k = 0; k < w.length && ok; k++) ok = !yUsed[j + k] && yt[j + k]!.keys[0]![0] === w[k] && yt[j + k]!.keys[0]!.length > 1;
      if (ok) {
        take(i, i, j, j + w.length - 1);
        break;
      }
    }
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
