import type { ListEntry } from '../domain/index.js';
import type { Lexicon } from './lexicon.js';
import { HAS_HAN } from './chinese.js';
import { canonicalName, normalizeName, type NameToken, type NormalizedName } from './normalize.js';
import { nameVariants, type NameVariant } from './variants.js';
import { allowedEdits, editDistance, prefixSimilarity } from './similarity.js';

/**
 * The inverted index: canonical token → names that contain it, plus
 * character trigrams over the token vocabulary for typos and a map of
 * adjacent-token joins (Hik Vision ↔ Hikvision). Queries touch only the
 * postings of their own tokens; nothing scans the list.
 */
export interface IndexedName {
  entry: number;
  text: string;
  kind: NameVariant['kind'];
  norm: NormalizedName;
  /** The normalised tokens (norm.tokens), beside their weights for the scorer. */
  tokens: NameToken[];
  /** Index weight (IDF) of each token, aligned with norm.tokens. */
  weights: number[];
  totalWeight: number;
  canonical: string;
}

export interface Expansion {
  key: string;
  sim: number;
  how: 'exact' | 'typo' | 'prefix' | 'joined';
}

const EMPTY = new Int32Array(0);

/** How many index words an unknown query word may stand for. */
const EXPANSIONS = 8;
/** Unknown words whose expansions are kept. */
const EXPANSION_CACHE_SIZE = 50_000;

export class NameIndex {
  readonly names: IndexedName[] = [];
  /** totalWeight of each name, packed for the candidate loop. */
  totalWeights!: Float64Array;
  private readonly postings = new Map<string, Int32Array>();
  private readonly joins = new Map<string, Int32Array>();
  private readonly vocab: string[];
  private readonly gramPostings = new Map<string, Int32Array>();
  private readonly maxIdf: number;
  /** Scratch trigram counters per vocabulary word, zeroed after each use, and the words they touched. */
  private readonly gramCounts: Uint16Array;
  private readonly gramTouched: Int32Array;
  /** expand()'s answers by key (bounded: emptied when full). */
  private readonly expansions = new Map<string, Expansion[]>();

  constructor(
    readonly entries: readonly ListEntry[],
    readonly lexicon: Lexicon,
  ) {
    const pending: { entry: number; variant: NameVariant }[] = [];
    const known = new Set<string>();
    const normCache = new Map<string, NormalizedName>();
    // Pass 1: names in Latin (and other non-Han) script build the vocabulary that
    // pass 2 uses to cut pinyin into the words the lists spell.
    entries.forEach((entry, e) => {
      for (const variant of nameVariants(entry)) {
        if (HAS_HAN.test(variant.text)) {
          pending.push({ entry: e, variant });
          continue;
        }
        let norm = normCache.get(variant.text);
        if (!norm) {
          norm = normalizeName(variant.text, lexicon);
          normCache.set(variant.text, norm);
        }
        for (const t of norm.tokens) for (const k of t.keys) known.add(k);
        this.add(e, variant, norm);
      }
    });
    for (const { entry, variant } of pending) {
      this.add(entry, variant, normalizeName(variant.text, lexicon, { isKnown: (k) => known.has(k) }));
    }
    // Postings, deduplicated per name.
    const lists = new Map<string, number[]>();
    const joinLists = new Map<string, number[]>();
    this.names.forEach((n, i) => {
      const keys = new Set<string>();
      for (const t of n.norm.tokens) {
        for (const k of t.keys) keys.add(k);
        // A concept's words stay findable (a query that spells CETC out with a typo still reaches it).
        for (const k of t.parts ?? []) keys.add(k);
      }
      for (const k of keys) push(lists, k, i);
      const toks = n.norm.tokens;
      for (let j = 0; j + 1 < toks.length; j++) push(joinLists, toks[j]!.keys[0]! + toks[j + 1]!.keys[0]!, i);
    });
    for (const [k, v] of lists) this.postings.set(k, Int32Array.from(v));
    for (const [k, v] of joinLists) this.joins.set(k, Int32Array.from(v));
    const n = this.names.length;
    this.maxIdf = Math.log((n + 1) / 0.5);
    for (const name of this.names) {
      name.weights = name.norm.tokens.map((t) => this.tokenWeight(t.keys));
      name.totalWeight = name.weights.reduce((a, b) => a + b, 0);
    }
    this.totalWeights = Float64Array.from(this.names, (x) => x.totalWeight);
    this.vocab = [...this.postings.keys()].sort();
    const grams = new Map<string, number[]>();
    this.vocab.forEach((word, w) => {
      if (word.length < 4 || HAS_HAN.test(word)) return;
      for (const g of new Set(trigrams(word))) push(grams, g, w);
    });
    for (const [g, v] of grams) this.gramPostings.set(g, Int32Array.from(v));
    this.gramCounts = new Uint16Array(this.vocab.length);
    this.gramTouched = new Int32Array(this.vocab.length);
  }

  private add(entry: number, variant: NameVariant, norm: NormalizedName): void {
    if (norm.tokens.length === 0) return;
    const canonical = canonicalName(norm);
    // The same entry often lists one name twice (name and alias differ only in legal form).
    for (let i = this.names.length - 1; i >= 0 && this.names[i]!.entry === entry; i--) {
      if (this.names[i]!.canonical === canonical) return;
    }
    this.names.push({ entry, text: variant.text, kind: variant.kind, norm, tokens: norm.tokens, weights: [], totalWeight: 0, canonical });
  }

  has(key: string): boolean {
    return this.postings.has(key);
  }

  /** Names containing `key`. */
  namesWith(key: string): Int32Array {
    return this.postings.get(key) ?? EMPTY;
  }

  /** Names in which two adjacent tokens join to `key`. */
  namesJoining(key: string): Int32Array {
    return this.joins.get(key) ?? EMPTY;
  }

  /** Inverse document frequency of a key over all names; unknown keys weigh most. */
  idf(key: string): number {
    const df = this.postings.get(key)?.length ?? 0;
    return df === 0 ? this.maxIdf : Math.log((this.names.length + 1) / (df + 0.5));
  }

  /** A token's weight: its rarest key's IDF (an ambiguous abbreviation weighs as its rarer reading). */
  tokenWeight(keys: readonly string[]): number {
    let w = 0;
    let any = false;
    let generic = false;
    for (const k of keys) {
      if (this.lexicon.genericKeys.has(k)) generic = true;
      if (!this.postings.has(k)) continue;
      any = true;
      w = Math.max(w, this.idf(k));
    }
    // A word common in company names though rare in the lists (Yangtze, Hua) weighs as a common list word.
    if (generic) return Math.min(any ? w : this.maxIdf, this.genericWeight);
    return any ? w : this.maxIdf;
  }

  /** The weight of a word in about 300 names: what a generic word weighs at most. */
  get genericWeight(): number {
    return Math.log((this.names.length + 1) / 300.5);
  }

  /** Whether a token is distinctive: rarer across the lists than a generic word, and not a generic word itself. */
  distinctiveWeight(): number {
    return Math.log((this.names.length + 1) / 50.5);
  }

  /**
   * Index keys that a query key not in the vocabulary may stand for: the
   * abbreviation it begins (Microelec → microelectronic) and typo neighbours
   * found through shared trigrams, checked by edit distance.
   */
  expand(key: string, limit = EXPANSIONS): Expansion[] {
    if (limit !== EXPANSIONS) return this.findExpansions(key, limit);
    // Unknown words come back (a counterparty's own name, a word the lists never print, a common
    // typo), and their neighbours in the fixed vocabulary do not change: found once per index.
    let found = this.expansions.get(key);
    if (!found) {
      found = Object.freeze(this.findExpansions(key, limit)) as Expansion[];
      if (this.expansions.size >= EXPANSION_CACHE_SIZE) this.expansions.clear();
      this.expansions.set(key, found);
    }
    return found;
  }

  /** Empties expand()'s cache (bench:screen measures names never seen before with it). */
  forgetExpansions(): void {
    this.expansions.clear();
  }

  private findExpansions(key: string, limit: number): Expansion[] {
    if (key.length < 3 || /^\d+$/.test(key)) return [];
    const out: Expansion[] = [];
    // Prefix: the vocabulary is sorted, so words beginning with key sit together.
    let lo = 0;
    let hi = this.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocab[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const prefixed: string[] = [];
    for (let i = lo; i < this.vocab.length && this.vocab[i]!.startsWith(key) && prefixed.length <= limit; i++) {
      if (this.vocab[i]!.length - key.length >= 2 && key.length >= 4) prefixed.push(this.vocab[i]!);
    }
    if (prefixed.length <= limit) for (const w of prefixed) out.push({ key: w, sim: prefixSimilarity(key.length, w.length), how: 'prefix' });
    const max = allowedEdits(key.length + 1);
    if (max === 0 || key.length < 4) return out;
    const grams = trigrams(key);
    // Rare trigrams pick the candidates; very common ones ("ing", "an$") would only cost time.
    const lists: Int32Array[] = [];
    for (const g of grams) {
      const p = this.gramPostings.get(g);
      if (p && p.length <= 1500) lists.push(p);
    }
    // Each edit destroys at most three trigrams.
    const need = Math.max(1, lists.length - 3 * max);
    const touched = this.gramTouched;
    let touchedCount = 0;
    const counts = this.gramCounts;
    for (const p of lists) {
      for (let i = 0; i < p.length; i++) {
        const w = p[i]!;
        if (counts[w] === 0) touched[touchedCount++] = w;
        counts[w] = counts[w]! + 1;
      }
    }
    const found: Expansion[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const w = touched[t]!;
      const c = counts[w]!;
      counts[w] = 0;
      if (c < need) continue;
      const word = this.vocab[w]!;
      const allowed = allowedEdits(Math.max(word.length, key.length));
      if (allowed === 0) continue;
      const d = editDistance(key, word, allowed);
      if (d <= allowed && d > 0) found.push({ key: word, sim: 1 - d / (Math.max(word.length, key.length) + 1), how: 'typo' });
    }
    found.sort((a, b) => b.sim - a.sim);
    out.push(...found.slice(0, limit));
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Padded character trigrams (`$hu`, `hua`, … `ei$`) so short words still have several. */
export function trigrams(word: string): string[] {
  const s = `$${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

export type { NameToken };
