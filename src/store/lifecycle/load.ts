import { basename } from 'node:path';
import { InputError, type IsoDate } from '../../domain/index.js';
import { attachCuratedLocalNames, listContentHash } from '../../bundle/lists.js';
import type { ListDiff, SourceDateKind, Store, StoredListVersion } from '../types.js';
import { ensureBundledLists, listTitle, screenerFromStore } from './bundled.js';
import { diffEntries, stored } from './diff.js';
import { parseListFile, type ListFormat, type ParseListFileOptions } from './files.js';
import { rescreenCounterparties, type RescreenReport } from './rescreen.js';

/** Default data gate: a load may not drop more than this share of a list's entries without --force. */
export const DEFAULT_MAX_LOSS_SHARE = 0.2;

export interface LoadListOptions extends ParseListFileOptions {
  force?: boolean | undefined;
  maxLossShare?: number | undefined;
  keyId?: string | undefined;
  /** The day the official source was found to publish this content (set by `lists update`). */
  currentAsOf?: IsoDate | undefined;
  /** Recorded as the version's source instead of the file name (an update records its source id and URL). */
  sourceName?: string | undefined;
  /** Load the bundled snapshots first when the store has none, so the first load is diffed against them (default true). */
  ensureBundled?: boolean | undefined;
}

export interface ListLoadResult {
  list: string;
  title: string;
  status: 'loaded' | 'unchanged';
  /** The new version (or, when unchanged, the stored one it equals). */
  version: StoredListVersion | undefined;
  diff: ListDiff;
  /** Share of the previous version's entries this load removes. */
  lossShare: number;
}

export interface LoadReport {
  file: string;
  format: ListFormat;
  sourceDate: IsoDate;
  sourceDateKind: SourceDateKind;
  forced: boolean;
  maxLossShare: number;
  lists: ListLoadResult[];
  rescreen: RescreenReport;
}

export interface GateBreach {
  list: string;
  previous: number;
  removed: number;
  share: number;
}

/** A load the data gate refused: bad input (exit 2), nothing stored. */
export class DataGateError extends InputError {
  constructor(
    readonly breaches: GateBreach[],
    readonly maxLossShare: number,
  ) {
    super(
      breaches.map((b) => ({
        path: b.list,
        message: `this load would remove ${b.removed} of its ${b.previous} entries (${pct(b.share)}), more than the data gate allows (${pct(maxLossShare)}); check the file is complete, or give --force to load it anyway`,
      })),
      'data gate',
    );
  }
}

export function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()} %`;
}

/**
 * Loads a list file as new versions of the lists it holds: diff against the
 * newest stored version, refuse a load that loses too much of a list (the
 * data gate), store the versions (audited) and re-screen the stored
 * counterparties against what was added or changed. A list whose content is
 * the same as its newest version gets no new version.
 */
export async function loadListFile(store: Store, file: string, options: LoadListOptions = {}): Promise<LoadReport> {
  const maxLossShare = options.maxLossShare ?? DEFAULT_MAX_LOSS_SHARE;
  if (!(maxLossShare >= 0 && maxLossShare <= 1)) throw new InputError([{ path: '--max-loss', message: 'must be a share from 0 to 1 (or a percentage from 0 to 100)' }]);
  const parsed = await parseListFile(file, options);
  // The bundled snapshots carry curated Chinese names; a newer file of the same list keeps them.
  await attachCuratedLocalNames([...parsed.lists.values()].flat());
  if (options.ensureBundled !== false) await ensureBundledLists(store);
  const latest = new Map((await store.latestListVersions()).map((v) => [v.list, v]));

  const planned: { list: string; entries: ReturnType<typeof stored>; prev: StoredListVersion | undefined; diff: Pick<ListDiff, 'added' | 'changed' | 'removed'>; unchanged: boolean; lossShare: number }[] = [];
  for (const [list, entries] of parsed.lists) {
    const prev = latest.get(list);
    const next = stored(entries);
    const before = prev ? await store.listEntries([prev.id]) : [];
    const diff = diffEntries(before, next);
    const lossShare = prev && prev.entries > 0 ? diff.removed.length / prev.entries : 0;
    planned.push({ list, entries: next, prev, diff, unchanged: !!prev && prev.hash === listContentHash(entries), lossShare });
  }

  const breaches: GateBreach[] = planned
    .filter((p) => !p.unchanged && p.lossShare > maxLossShare)
    .map((p) => ({ list: p.list, previous: p.prev!.entries, removed: p.diff.removed.length, share: p.lossShare }));
  if (breaches.length && !options.force) {
    await store.appendAudit({
      kind: 'list_load',
      input: { file: basename(file), format: parsed.format, sourceDate: parsed.sourceDate, lists: planned.map((p) => p.list) },
      output: { refused: 'data gate', maxLossShare, breaches },
      keyId: options.keyId,
    });
    throw new DataGateError(breaches, maxLossShare);
  }

  const results: ListLoadResult[] = [];
  const changed = new Map<string, Set<string>>();
  for (const p of planned) {
    const title = p.prev?.title ?? listTitle(p.list);
    const fromSummary = p.prev ? { id: p.prev.id, version: p.prev.version, sourceDate: p.prev.sourceDate, hash: p.prev.hash, entries: p.prev.entries } : null;
    if (p.unchanged) {
      results.push({ list: p.list, title, status: 'unchanged', version: p.prev, diff: { list: p.list, from: fromSummary, to: fromSummary!, ...p.diff }, lossShare: 0 });
      continue;
    }
    const version = await store.addListVersion(
      { list: p.list, title, sourceDate: parsed.sourceDate, entries: p.entries.map((s) => s.entry), source: options.sourceName ?? basename(file), format: parsed.format, keyId: options.keyId, sourceDateKind: parsed.sourceDateKind, currentAsOf: options.currentAsOf },
      {
        input: { file: basename(file), sideFiles: parsed.sideFiles.map((f) => basename(f)), forced: !!options.force },
        output: {
          previous: fromSummary,
          added: p.diff.added.map((e) => e.id),
          changed: p.diff.changed.map((c) => c.after.id),
          removed: p.diff.removed.map((e) => e.id),
          lossShare: p.lossShare,
        },
      },
    );
    changed.set(p.list, new Set([...p.diff.added.map((e) => e.id), ...p.diff.changed.map((c) => c.after.id)]));
    const to = { id: version.id, version: version.version, sourceDate: version.sourceDate, hash: version.hash, entries: version.entries };
    results.push({ list: p.list, title, status: 'loaded', version, diff: { list: p.list, from: fromSummary, to, ...p.diff }, lossShare: p.lossShare });
  }

  let rescreen: RescreenReport = { screened: 0, newHits: [] };
  if (changed.size) {
    const screener = await screenerFromStore(store);
    const loadId = results.filter((r) => r.status === 'loaded').map((r) => `${r.list}@${r.version!.version}`).join(',');
    rescreen = await rescreenCounterparties(store, screener, changed, { keyId: options.keyId, loadId });
  }
  return { file, format: parsed.format, sourceDate: parsed.sourceDate, sourceDateKind: parsed.sourceDateKind, forced: !!options.force, maxLossShare, lists: results, rescreen };
}
