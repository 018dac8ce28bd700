/**
 * "Did you mean ...?" for input errors: the valid names most like what the user wrote. The input
 * is cut to SUGGEST_INPUT_LIMIT characters before any comparison, so the work is bounded by the
 * candidates, never by the length of what was sent.
 */
export const SUGGEST_INPUT_LIMIT = 200;

const FOLD = /[^\p{L}\p{N}]+/gu;

function fold(s: string): string {
  return s.slice(0, SUGGEST_INPUT_LIMIT).normalize('NFKC').toLowerCase().replace(FOLD, '');
}

/** Levenshtein distance with two rows. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The words of a name: split at punctuation and at camelCase ("overlayNm" → overlay, nm). */
function words(s: string): string[] {
  return s
    .slice(0, SUGGEST_INPUT_LIMIT)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(FOLD)
    .filter(Boolean);
}

/**
 * 0..1: how alike two names are once case and punctuation are set aside. Whole-word overlap
 * counts most ("deposition.ald" shares both its words with "deposition.metal_ald"), then
 * containment ("overlay" starts "overlayNm"), then the edit distance of the whole.
 */
export function nameSimilarity(input: string, candidate: string): number {
  const a = fold(input);
  const b = fold(candidate);
  if (!a.length || !b.length) return 0;
  if (a === b) return 1;
  const whole = 1 - levenshtein(a, b) / Math.max(a.length, b.length);
  const contained = b.includes(a) ? 0.6 + 0.35 * (a.length / b.length) : a.includes(b) ? 0.5 + 0.3 * (b.length / a.length) : 0;
  const qa = words(input);
  const cb = new Set(words(candidate));
  const shared = qa.filter((w) => cb.has(w)).length;
  const overlap = qa.length && shared ? (shared / qa.length) * (0.6 + 0.35 * (shared / cb.size)) : 0;
  return Math.max(whole, contained, overlap);
}

/** The `n` candidates most like `input`, best first; only those alike enough to help (near the best). */
export function closestNames(input: string, candidates: readonly string[], n = 3, floor = 0.3): string[] {
  const scored = candidates
    .map((c) => ({ c, s: nameSimilarity(input, c) }))
    .sort((x, y) => y.s - x.s || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  const best = scored[0]?.s ?? 0;
  return scored
    .filter((x) => x.s >= floor && x.s >= best - 0.2)
    .slice(0, n)
    .map((x) => x.c);
}
