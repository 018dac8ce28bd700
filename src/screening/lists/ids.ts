/**
 * Stable entry ids: a hash of what identifies an entry within its list (its
 * source id where the list has one, else list + name + country), so the same
 * entry keeps its id across loads of new versions of the list.
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
