/**
 * String distances used by the scorer. Names are short (tokens rarely pass 20
 * characters), so the plain dynamic programmes are fast enough and easy to audit.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition),
 * giving up early once the distance must exceed `max` (returns max + 1).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 2 > rowA.length) growRows(lb + 2);
  // Within `max` edits an alignment never leaves the diagonal band |i - j| <= max, so only the band
  // is computed (Ukkonen); cells beside it count as max + 1. Three rolling rows in preallocated
  // buffers: the screener calls this in its inner loops.
  const band = Math.min(max, Math.max(la, lb));
  const over = band + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(lb, i + band);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this row's band.
    if (hi < lb) cur[hi + 1] = over;
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb]!, over);
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
function growRows(n: number): void {
  rowA = new Int32Array(n * 2);
  rowB = new Int32Array(n * 2);
  rowC = new Int32Array(n * 2);
}

/** Edits tolerated between two tokens: none for short ones (too many real words sit one edit apart). */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * Similarity in [0, 1] of two tokens that are not equal: a typo-level edit
 * distance or an abbreviation by prefix. 0 when they are different words.
 */
export function tokenSimilarity(a: string, b: string): { sim: number; how: 'typo' | 'prefix' } | undefined {
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (isDigits(a) || isDigits(b)) return undefined;
  // Only a real truncation counts (Microelec, Petrochem); one letter more is a different word (Chen/Cheng).
  if (short.length >= 4 && long.length - short.length >= 2 && long.startsWith(short)) {
    // A truncation is partial evidence: Microelec/Microelectronics, but also Apple/Appleworm.
    return { sim: prefixSimilarity(short.length, long.length), how: 'prefix' };
  }
  const allowed = allowedEdits(long.length);
  if (allowed === 0 || short.length < 4) return undefined;
  const d = editDistance(a, b, allowed);
  if (d > allowed) return undefined;
  // One letter off in a five-letter word is as often another word (Intel/Inter) as a typo.
  return { sim: 1 - d / (long.length + 1) - (long.length <= 5 ? 0.06 : 0), how: 'typo' };
}

function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/** Credit for a word that begins another: more the more of the longer word it covers, never a full match. */
export function prefixSimilarity(shortLength: number, longLength: number): number {
  return Math.min(0.9, 0.5 + (0.45 * shortLength) / longLength);
}
