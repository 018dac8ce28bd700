import type { ListEntry } from '../../domain/index.js';

/**
 * Stable entry ids. An entry keeps its id across loads of new versions of its
 * list AND across the formats its list is published in (the nsfreg extract,
 * the CSL CSV and JSON of the same Entity List), because the id is derived
 * from content every format carries in the same way — never from file order,
 * row ids a publisher regenerates, or how a format spells the address.
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes with different offsets). */
export function fnv64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Gives each entry `list:hash(identity)`; entries with the same identity (the
 * same name listed twice at different addresses) get `~2`, `~3` in file order.
 * Kept for lists whose identity is a publisher id (OFAC `ent_num`), where file
 * order among true duplicates is the publisher's own.
 */
export function assignIds<T extends { list: string; id: string }>(entries: T[], identity: (e: T) => string): T[] {
  const seen = new Map<string, number>();
  for (const e of entries) {
    const base = `${e.list}:${fnv64(identity(e).toLowerCase().replace(/\s+/g, ' ').trim())}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    e.id = n === 1 ? base : `${base}~${n}`;
  }
  return entries;
}

/**
 * A name as every format prints it: Unicode-compatible forms folded (full-width
 * letters, ligatures), case and accents folded, curly quotes straightened,
 * punctuation and spacing dropped. "Liubov “Luba” Skvortsova" and
 * `LIUBOV "LUBA" SKVORTSOVA` give the same key.
 */
export function identityName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The words of a multi-valued field, sorted: the same however a format splits
 * the values (a CSL cell cannot hold an alias with ";" in it, so it splits there).
 */
function wordsKey(values: readonly string[]): string {
  return values.flatMap((v) => identityName(v).split(' ')).filter(Boolean).sort().join(' ');
}

/**
 * What orders entries of the same name the same way in every format: dates,
 * then the citation, then addresses and aliases — never the country (formats
 * derive it differently: an Entity List entry filed under China with only
 * Hong Kong addresses is CN in the eCFR extract and HK in the CSL) and never
 * file order.
 */
function tieBreakKey(e: ListEntry): string {
  const citation = e.citation ?? '';
  return [
    e.startDate ?? '',
    e.endDate ?? '',
    citation.replace(/\D+/g, ' ').trim(),
    identityName(citation),
    // Without the country code the CSL appends to each address (", CN").
    wordsKey(e.addresses.map((a) => a.replace(/,\s*[A-Z]{2}\s*$/, ''))),
    wordsKey(e.altNames),
    // Last, to order namesakes whose only difference is spelling ("89 F.R.87329" and "89 F.R. 87329", "ALPHA" and "Alpha"):
    // only entries equal in every field are left in file order, and for those the order cannot be seen.
    citation,
    e.name,
    e.addresses.join('|'),
  ].join('\u0000');
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const slot = out.get(k);
    if (slot) slot.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * Content ids for lists whose publisher gives no stable id that every format
 * carries (the BIS lists, ISN, the extracts): `list:hash(normalised primary
 * name)`. Entries sharing a name (one company filed under two countries, a
 * person denied by several DPL orders) get `~2`, `~3` in an order fixed by
 * their content (`tieBreakKey`), so a format that states the country
 * differently, or sorts its rows differently, still gives every entry its id.
 *
 * When entries of one name change or a namesake joins, ids within that name
 * may move; the diff then shows them as changed (never silently equal), and a
 * clearance, which also keys on the entry's content hash, is asked again.
 */
export function assignContentIds(entries: ListEntry[]): ListEntry[] {
  for (const group of groupBy(entries, (e) => `${e.list}\u0000${identityName(e.name)}`).values()) {
    const base = `${group[0]!.list}:${fnv64(identityName(group[0]!.name))}`;
    const ordered = group.length === 1 ? group : group.map((e) => ({ e, k: tieBreakKey(e) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.e);
    ordered.forEach((e, i) => {
      e.id = i === 0 ? base : `${base}~${i + 1}`;
    });
  }
  return entries;
}
