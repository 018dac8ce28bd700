/**
 * How product names are compared: case, accents, spaces and punctuation do not count
 * (contract.md: `NVIDIA-H100-SXM5-80GB` is `nvidia h100 sxm5 80gb`).
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const SEPARATOR = /[^\p{L}\p{N}]+/u;
const PARENTHESISED = /\([^)]*\)/g;

/** The lookup key of a name: NFKC, lower case, letters and digits only. Idempotent. */
export function normaliseModel(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/** The words of a name, normalised the same way as the key. */
export function modelTokens(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .split(SEPARATOR)
    .filter((t) => t.length > 0);
}

/**
 * The names a catalogue row answers to. Rows are written "<brand> <model> (<detail>)", so a
 * user may leave out the brand ("H100 SXM5 80GB") or the bracketed detail ("NVIDIA B200").
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const plain = name.replace(PARENTHESISED, ' ').trim();
  for (const n of [name, plain]) {
    out.add(n);
    const space = n.indexOf(' ');
    if (space > 0) out.add(n.slice(space + 1).trim());
  }
  return [...out].filter((n) => normaliseModel(n).length > 0);
}

/** Levenshtein distance (two rows); names are short, so this is cheap enough for error messages. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** 1 for the same key, towards 0 for unrelated ones; a typed prefix of a long name scores high. */
export function keySimilarity(query: string, key: string): number {
  if (query.length === 0 || key.length === 0) return 0;
  const whole = 1 - editDistance(query, key) / Math.max(query.length, key.length);
  const head = key.slice(0, query.length);
  const prefix = 0.95 * (1 - editDistance(query, head) / Math.max(query.length, head.length));
  return Math.max(whole, prefix);
}

/** Model names longer than this are refused before any lookup (no catalogue name comes close). */
export const MODEL_NAME_LIMIT = 200;

/** A catalogue name as the suggestion ranking sees it. */
export interface RankedName {
  name: string;
  /** Normalised lookup keys (full name, without vendor, aliases ...). */
  keys: readonly string[];
  /** Words of the name and its aliases. */
  words: ReadonlySet<string>;
  /** The vendor's first word, normalised ("asml", "nvidia"). */
  vendor: string;
}

function wordMatch(q: string, words: ReadonlySet<string>): number {
  if (words.has(q)) return 1;
  let best = 0;
  for (const w of words) {
    // "1980" is the start of "1980i"; "di" sits inside "1980di".
    if (q.length >= 2 && (w.startsWith(q) || q.startsWith(w))) best = Math.max(best, 0.8);
    else if (q.length >= 2 && w.includes(q)) best = Math.max(best, 0.6);
  }
  return best;
}

/**
 * How well a catalogue name answers a typed model: the share of typed words that meet a word of
 * the name (whole, as a prefix, inside), a bonus when the vendor is named, then the edit
 * similarity of the whole keys as a tie-breaker. Vendor and series words therefore rank a
 * "ASML NXT 1980 Di" with the ASML scanners, never with another vendor's chips.
 */
export function suggestionScore(model: string | PreparedQuery, candidate: RankedName): number {
  const q = typeof model === 'string' ? prepareQuery(model) : model;
  let shared = 0;
  for (const w of q.words) shared += wordMatch(w, candidate.words);
  const wordsScore = q.words.length ? shared / q.words.length : 0;
  const vendor = q.words.includes(candidate.vendor) ? 0.25 : 0;
  let keys = 0;
  for (const k of candidate.keys) keys = Math.max(keys, keySimilarity(q.key, k));
  return wordsScore + vendor + 0.5 * keys;
}

/** A typed model, cut to MODEL_NAME_LIMIT and split once for scoring against every candidate. */
export interface PreparedQuery {
  words: string[];
  key: string;
}

export function prepareQuery(model: string): PreparedQuery {
  const capped = model.slice(0, MODEL_NAME_LIMIT);
  return { words: modelTokens(capped), key: normaliseModel(capped) };
}
