import { entryFromRow, type CatalogueEntry, type CatalogueRow } from './catalogue-row.js';
import { modelTokens, nameVariants, normaliseModel, suggestionScore, prepareQuery } from './model-name.js';
import type { EquipmentCatalogue } from './sme-catalogue.js';

/** What a name found in the catalogue. */
export type CatalogueMatch =
  | { kind: 'exact'; entry: CatalogueEntry }
  /** The name's words fit exactly one product (e.g. "H100 SXM"). */
  | { kind: 'partial'; entry: CatalogueEntry }
  /** The name fits several products; naming one is the user's job, not ours. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  /** The product a name means, or undefined when it is unknown or ambiguous. */
  resolve(model: string): CatalogueEntry | undefined;
  /** The same lookup, saying why nothing was found. */
  match(model: string): CatalogueMatch;
  /** The `n` catalogue names most like `model`, best first (for error messages). */
  closest(model: string, n: number): string[];
  /** The same, with the score (model-name.ts suggestionScore), so chips and tools can be ranked together. */
  closestScored(model: string, n: number): { name: string; score: number }[];
  /** Named equipment (data/catalogue/sme.csv), consulted when no chip matches a reference. */
  readonly equipment?: EquipmentCatalogue;
}

interface Indexed {
  entry: CatalogueEntry;
  keys: string[];
  tokens: Set<string>;
}

const MEMO_LIMIT = 10_000;

/** The value kept for `key`, computed on first use; the memo starts over at MEMO_LIMIT entries. */
function remember<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Builds the catalogue from CSV rows (pure: the loader in src/bundle reads the file). Throws a
 * CatalogueRowError for a row that does not make sense and an Error for two rows with one name.
 */
export function buildCatalogue(rows: readonly CatalogueRow[]): Catalogue {
  const indexed: Indexed[] = [];
  const byKey = new Map<string, CatalogueEntry>();
  const clashes = new Map<string, Set<string>>();
  const fullNames = new Map<string, string>();

  rows.forEach((row, i) => {
    const entry = entryFromRow(row, i + 1);
    const full = normaliseModel(entry.name);
    const dup = fullNames.get(full);
    if (dup !== undefined) throw new Error(`catalogue row ${i + 1}: "${entry.name}" has the same name as "${dup}" once case and punctuation are ignored`);
    fullNames.set(full, entry.name);
    const keys = [...new Set(nameVariants(entry.name).map(normaliseModel))];
    const tokens = new Set(modelTokens(entry.name));
    indexed.push({ entry, keys, tokens });
  });

  // A short form that two products share (after the brand is dropped, say) names neither of them.
  for (const { entry, keys } of indexed) {
    for (const key of keys) {
      const owner = byKey.get(key);
      const clash = clashes.get(key);
      if (clash !== undefined) clash.add(entry.name);
      else if (owner !== undefined && owner !== entry) {
        clashes.set(key, new Set([owner.name, entry.name]));
        byKey.delete(key);
      } else byKey.set(key, entry);
    }
  }
  // Full names always win over another product's short form.
  for (const { entry } of indexed) {
    const full = normaliseModel(entry.name);
    byKey.set(full, entry);
    clashes.delete(full);
  }

  const memo = new Map<string, CatalogueMatch>();
  // Order books name the same models line after line: the answer per name as written, so the
  // Unicode normalisation runs once per name, not once per line.
  const byWritten = new Map<string, CatalogueMatch>();

  function match(model: string): CatalogueMatch {
    return remember(byWritten, model, () => matchNormalised(model));
  }

  function matchNormalised(model: string): CatalogueMatch {
    const key = normaliseModel(model);
    const hit = byKey.get(key);
    if (hit !== undefined) return { kind: 'exact', entry: hit };
    const clash = clashes.get(key);
    if (clash !== undefined) return { kind: 'ambiguous', candidates: [...clash].sort() };
    return remember(memo, key, () => matchByWords(model));
  }

  /**
   * Words of the name, each equal to or the start of a word of one product (so "H100 SXM" is
   * "NVIDIA H100 SXM5 80GB"). At least one word with a digit must match whole: a model number
   * is what tells products apart, and "B3" should not quietly become "B300".
   */
  function matchByWords(model: string): CatalogueMatch {
    const words = modelTokens(model);
    if (words.length === 0) return { kind: 'unknown' };
    const found: CatalogueEntry[] = [];
    for (const x of indexed) {
      let anchored = false;
      let all = true;
      for (const w of words) {
        if (x.tokens.has(w)) {
          if (/\d/.test(w)) anchored = true;
          continue;
        }
        let prefix = false;
        for (const t of x.tokens) if (t.startsWith(w)) prefix = true;
        if (!prefix) {
          all = false;
          break;
        }
      }
      if (all && anchored) found.push(x.entry);
    }
    if (found.length === 1) return { kind: 'partial', entry: found[0] as CatalogueEntry };
    if (found.length > 1) return { kind: 'ambiguous', candidates: found.map((e) => e.name).sort() };
    return { kind: 'unknown' };
  }

  function closestScored(model: string, n: number): { name: string; score: number }[] {
    const q = prepareQuery(model);
    const scored = indexed.map((x) => ({
      name: x.entry.name,
      score: suggestionScore(q, { name: x.entry.name, keys: x.keys, words: x.tokens, vendor: normaliseModel(x.entry.info.vendor ?? x.entry.name.split(' ')[0] ?? '') }),
    }));
    scored.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return scored.slice(0, Math.max(0, n));
  }
  const closest = (model: string, n: number): string[] => closestScored(model, n).map((s) => s.name);

  const entries = Object.freeze(indexed.map((x) => x.entry));
  return {
    entries,
    match,
    resolve(model: string): CatalogueEntry | undefined {
      const m = match(model);
      return m.kind === 'exact' || m.kind === 'partial' ? m.entry : undefined;
    },
    closest,
    closestScored,
  };
}
