import type { ListEntry } from '../../domain/index.js';
import { entryContentHash } from '../canonical.js';
import type { EntryChange, ListDiff, StoredEntry, StoredListVersion, Store } from '../types.js';

/** The top-level fields of two entries that differ (for a readable diff). */
export function changedFields(before: ListEntry, after: ListEntry): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    const a = JSON.stringify((before as unknown as Record<string, unknown>)[k]);
    const b = JSON.stringify((after as unknown as Record<string, unknown>)[k]);
    if (a !== b) out.push(k);
  }
  return out.sort();
}

/** Added, changed and removed entries between two sets, matched by stable entry id, changes by content hash. */
export function diffEntries(before: readonly StoredEntry[], after: readonly StoredEntry[]): Pick<ListDiff, 'added' | 'changed' | 'removed'> {
  const old = new Map(before.map((s) => [s.entry.id, s]));
  const added: ListEntry[] = [];
  const changed: EntryChange[] = [];
  const seen = new Set<string>();
  for (const s of after) {
    seen.add(s.entry.id);
    const prev = old.get(s.entry.id);
    if (!prev) added.push(s.entry);
    else if (prev.hash !== s.hash) changed.push({ before: prev.entry, after: s.entry, fields: changedFields(prev.entry, s.entry) });
  }
  const removed = before.filter((s) => !seen.has(s.entry.id)).map((s) => s.entry);
  return { added, changed, removed };
}

export function stored(entries: readonly ListEntry[]): StoredEntry[] {
  return entries.map((entry) => ({ entry, hash: entryContentHash(entry) }));
}

function summary(v: StoredListVersion): NonNullable<ListDiff['from']> {
  return { id: v.id, version: v.version, sourceDate: v.sourceDate, hash: v.hash, entries: v.entries };
}

/** The diff between two stored versions of one list (`from` undefined: everything in `to` is added). */
export async function diffVersions(store: Store, from: StoredListVersion | undefined, to: StoredListVersion): Promise<ListDiff> {
  const [before, after] = await Promise.all([from ? store.listEntries([from.id]) : Promise.resolve([]), store.listEntries([to.id])]);
  return { list: to.list, from: from ? summary(from) : null, to: summary(to), ...diffEntries(before, after) };
}

/**
 * Finds a version of a list by what a person would type: its number within
 * the list (`3`), `latest`, `previous`, a source date, or a hash prefix.
 */
export function pickVersion(versions: readonly StoredListVersion[], ref: string): StoredListVersion | undefined {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  if (ref === 'latest') return sorted.at(-1);
  if (ref === 'previous') return sorted.at(-2);
  if (/^\d+$/.test(ref)) return sorted.find((v) => v.version === Number(ref));
  if (/^\d{4}-\d{2}-\d{2}$/.test(ref)) return sorted.filter((v) => v.sourceDate === ref).at(-1);
  if (/^[0-9a-f]{6,64}$/i.test(ref)) return sorted.filter((v) => v.hash.startsWith(ref.toLowerCase())).at(-1);
  return undefined;
}
