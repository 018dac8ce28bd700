import type { NameToken } from './normalize.js';
import { tokenSimilarity } from './similarity.js';

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

export type PairHow = 'exact' | 'joined' | 'typo' | 'prefix';

export interface TokenPair {
  q: number[];
  n: number[];
  sim: number;
  how: PairHow;
}

export interface AlignmentScore {
  score: number;
  pairs: TokenPair[];
  /** Every token on both sides met its equal: the names are the same after normalisation. */
  exact: boolean;
}

const MAX = 128;
// Scratch state, reused by every call (scoring is synchronous).
const qUsed = new Uint8Array(MAX);
const nUsed = new Uint8Array(MAX);
const qWeight = new Float64Array(MAX);

function sharesKey(a: NameToken, b: NameToken): boolean {
  const ak = a.keys;
  const bk = b.keys;
  if (ak.length === 1 && bk.length === 1) return ak[0] === bk[0];
  for (const x of ak) for (const y of bk) if (x === y) return true;
  return false;
}

function fuzzy(a: NameToken, b: NameToken): { sim: number; how: 'typo' | 'prefix' } | undefined {
  // The pinyin of one character is a whole syllable: cheng and chen are different characters, not a typo.
  if ((a.kind === 'pinyin' && a.surface.length === 1) || (b.kind === 'pinyin' && b.surface.length === 1)) return undefined;
  let best: { sim: number; how: 'typo' | 'prefix' } | undefined;
  for (const x of a.keys) {
    for (const y of b.keys) {
      const s = tokenSimilarity(x, y);
      if (s && (!best || s.sim > best.sim)) best = s;
    }
  }
  return best;
}

/** Score only, for ranking candidates. */
export function scoreTokens(q: WeightedTokens, n: WeightedTokens): { score: number; exact: boolean } {
  return align(q, n, undefined);
}

/** Score with the token pairs, for explanations. */
export function alignTokens(q: WeightedTokens, n: WeightedTokens): AlignmentScore {
  const pairs: TokenPair[] = [];
  const r = align(q, n, pairs);
  return { ...r, pairs };
}

function align(q: WeightedTokens, n: WeightedTokens, pairs: TokenPair[] | undefined): { score: number; exact: boolean } {
  const qt = q.tokens;
  const nt = n.tokens;
  const ql = Math.min(qt.length, MAX);
  const nl = Math.min(nt.length, MAX);
  qUsed.fill(0, 0, ql);
  nUsed.fill(0, 0, nl);
  for (let i = 0; i < ql; i++) qWeight[i] = q.weights[i]!;
  let matched = 0;
  let paired = 0;
  let allOne = true;
  const take = (qi: number, qj: number, ni: number, nj: number, sim: number, how: PairHow): void => {
    let wn = 0;
    for (let j = ni; j <= nj; j++) {
      nUsed[j] = 1;
      wn += n.weights[j]!;
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
  // Typos and abbreviations among what is left, best pair first.
  for (;;) {
    let best: { sim: number; how: 'typo' | 'prefix' } | undefined;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < ql; i++) {
      if (qUsed[i]) continue;
      for (let j = 0; j < nl; j++) {
        if (nUsed[j]) continue;
        const s = fuzzy(qt[i]!, nt[j]!);
        if (s && (!best || s.sim > best.sim)) {
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (!best) break;
    take(bi, bi, bj, bj, best.sim, best.how);
  }
  let total = 0;
  let usedAll = true;
  for (let i = 0; i < ql; i++) {
    total += qWeight[i]!;
    if (!qUsed[i]) usedAll = false;
  }
  for (let j = 0; j < nl; j++) {
    total += n.weights[j]!;
    if (!nUsed[j]) usedAll = false;
  }
  const exact = usedAll && allOne && paired > 0;
  if (exact) return { score: 1, exact };
  return { score: total > 0 ? Math.min(1, matched / total) : 0, exact };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
