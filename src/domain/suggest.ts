/**
 * "Did you mean ...?" for input errors: the valid names most like what the user wrote. The input
 * is cut to SUGGEST_INPUT_LIMIT characters before any comparison, so the work is bounded by the
 * candidates, never by the length of what was sent.
 */
export const SUGGEST_INPUT_LIMIT = 200;
/** Names longer than this are no typo of a field or value name: no fuzzy search for them. */
export const SUGGEST_NAME_LIMIT = 64;

const FOLD = /[^\p{L}\p{N}]+/gu;

function fold(s: string): string {
  return s.slice(0, SUGGEST_INPUT_LIMIT).normalize('NFKC').toLowerCase().replace(FOLD, '');
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance with two reused rows (names are short; this runs for every candidate). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
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

interface Prepared {
  folded: string;
  words: string[];
  wordSet: Set<string>;
}

function prepare(s: string): Prepared {
  const w = words(s);
  return { folded: fold(s), words: w, wordSet: new Set(w) };
}

// Candidates are schema names and catalogue words (a few hundred): prepare each once.
const preparedCandidates = new Map<string, Prepared>();
function candidate(s: string): Prepared {
  let p = preparedCandidates.get(s);
  if (!p) {
    p = prepare(s);
    if (preparedCandidates.size < 10_000) preparedCandidates.set(s, p);
  }
  return p;
}

function similarity(q: Prepared, c: Prepared): number {
  const a = q.folded;
  const b = c.folded;
  if (!a.length || !b.length) return 0;
  if (a === b) return 1;
  // The edit similarity cannot beat 1 - |length difference| / longer: skip it when that is hopeless.
  const longer = Math.max(a.length, b.length);
  const whole = 1 - Math.abs(a.length - b.length) / longer < 0.3 ? 0 : 1 - levenshtein(a, b) / longer;
  const contained = b.includes(a) ? 0.6 + 0.35 * (a.length / b.length) : a.includes(b) ? 0.5 + 0.3 * (b.length / a.length) : 0;
  let shared = 0;
  for (const w of q.words) if (c.wordSet.has(w)) shared++;
  const overlap = q.words.length && shared ? (shared / q.words.length) * (0.6 + 0.35 * (shared / c.wordSet.size)) : 0;
  return Math.max(whole, contained, overlap);
}

/**
 * 0..1: how alike two names are once case and punctuation are set aside. Whole-word overlap
 * counts most ("deposition.ald" shares both its words with "deposition.metal_ald"), then
 * containment ("overlay" starts "overlayNm"), then the edit distance of the whole.
 */
export function nameSimilarity(input: string, other: string): number {
  return similarity(prepare(input), candidate(other));
}

/** The `n` candidates most like `input`, best first; only those alike enough to help (near the best). */
export function closestNames(input: string, candidates: readonly string[], n = 3, floor = 0.3): string[] {
  const q = prepare(input);
  const scored = candidates
    .map((c) => ({ c, s: similarity(q, candidate(c)) }))
    .sort((x, y) => y.s - x.s || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  const best = scored[0]?.s ?? 0;
  return scored
    .filter((x) => x.s >= floor && x.s >= best - 0.2)
    .slice(0, n)
    .map((x) => x.c);
}
