import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ListEntry, ListVersion } from '../../domain/index.js';
import { loadBundledLists, loadLexiconSync } from '../../bundle/lists.js';
import { LISTS_DIR } from '../../bundle/paths.js';
import { createScreener, type Lexicon, type RedlineScreener } from '../../screening/index.js';
import type { Store, StoredListVersion } from '../types.js';

let titles: Record<string, string> | undefined;

/** A list's title from the bundled manifest (the list id when the manifest does not know it). */
export function listTitle(list: string): string {
  titles ??= (JSON.parse(readFileSync(join(LISTS_DIR, 'manifest.json'), 'utf8')) as { titles?: Record<string, string> }).titles ?? {};
  return titles[list] ?? list;
}

export interface EnsureResult {
  /** Versions added now (empty when the store already held the bundled snapshots). */
  added: StoredListVersion[];
}

/**
 * Loads the bundled list snapshots into the store on first start, flagged
 * `bundledSnapshot`. A list the store already holds is left alone unless its
 * newest version is itself an older bundled snapshot (a Redline upgrade with
 * newer snapshots): a list loaded by an operator is never replaced by a snapshot.
 */
export async function ensureBundledLists(store: Store): Promise<EnsureResult> {
  const latest = new Map((await store.latestListVersions()).map((v) => [v.list, v]));
  const bundled = await loadBundledLists();
  const byList = new Map<string, ListEntry[]>();
  for (const e of bundled.entries) {
    const slot = byList.get(e.list);
    if (slot) slot.push(e);
    else byList.set(e.list, [e]);
  }
  const added: StoredListVersion[] = [];
  for (const v of bundled.versions) {
    const have = latest.get(v.list);
    if (have && !(have.bundledSnapshot && have.hash !== v.hash && v.sourceDate >= have.sourceDate)) continue;
    try {
      added.push(
        await store.addListVersion(
          { list: v.list, title: v.title, sourceDate: v.sourceDate, entries: byList.get(v.list) ?? [], bundledSnapshot: true, source: 'bundled snapshot', format: 'bundled', sourceDateKind: 'bundled' },
          { input: { bundled: true } },
        ),
      );
    } catch (err) {
      // Another process starting at the same moment may have loaded it first.
      const now = (await store.listVersions(v.list)).find((x) => x.hash === v.hash);
      if (!now) throw err;
    }
  }
  return { added };
}

export function toListVersion(v: StoredListVersion): ListVersion {
  return {
    list: v.list,
    title: v.title,
    sourceDate: v.sourceDate,
    hash: v.hash,
    entries: v.entries,
    ...(v.bundledSnapshot ? { bundledSnapshot: true } : {}),
    ...(v.currentAsOf ? { currentAsOf: v.currentAsOf } : {}),
  };
}

export interface StoreScreener extends RedlineScreener {
  /** The stored versions it screens against. */
  readonly storeVersions: StoredListVersion[];
}

let lexicon: Lexicon | undefined;

/**
 * A screener over stored list versions: the newest of each list, or exactly
 * the versions given (replay). Lists in id order and entries in file order, so
 * the same versions always build the same index.
 */
export async function screenerFromStore(
  store: Store,
  options: { versionIds?: readonly number[] | undefined; currentAsOf?: Readonly<Record<string, string | undefined>> | undefined } = {},
): Promise<StoreScreener> {
  let versions: StoredListVersion[];
  if (options.versionIds) {
    versions = [];
    for (const id of options.versionIds) {
      const v = await store.getListVersion(id);
      if (!v) throw new Error(`list version ${id} is not in the store`);
      versions.push(v);
    }
  } else versions = await store.latestListVersions();
  versions.sort((a, b) => a.list.localeCompare(b.list));
  const entries = (await store.listEntries(versions.map((v) => v.id))).map((s) => s.entry);
  lexicon ??= loadLexiconSync();
  // Replay judges freshness as it was judged then: the recorded confirmation day, not today's.
  const listVersions = versions.map(toListVersion).map((v) => {
    if (!options.currentAsOf) return v;
    const { currentAsOf: _now, ...rest } = v;
    const then = options.currentAsOf[v.list];
    return then ? { ...rest, currentAsOf: then } : rest;
  });
  const screener = createScreener({ entries, versions: listVersions, lexicon });
  return Object.assign(screener, { storeVersions: versions });
}
