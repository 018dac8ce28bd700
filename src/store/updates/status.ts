import type { IsoDate } from '../../domain/index.js';
import { daysBetween, DEFAULT_MAX_LIST_AGE_DAYS, freshSince } from '../../determine/list-freshness.js';
import type { ListSourceState, SourceDateKind, Store } from '../types.js';

/** One list as an operator needs to see it: how old, from where, and whether its updates work. */
export interface ListStatus {
  list: string;
  title: string;
  version: number;
  entries: number;
  sourceDate: IsoDate;
  sourceDateKind: SourceDateKind | null;
  /** The last day its source confirmed this content current (null: never checked). */
  currentAsOf: IsoDate | null;
  /** Days since the later of the two (null when undated). */
  ageDays: number | null;
  stale: boolean;
  bundledSnapshot: boolean;
  loadedAt: string;
  /** The configured source it comes from, once an update has loaded it. */
  source: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
}

export interface ListsHealth {
  status: 'ok' | 'degraded';
  /** Why it is degraded, one line per list or source. */
  reasons: string[];
  maxListAgeDays: number;
  lists: ListStatus[];
  sources: ListSourceState[];
}

/** Per list and per source: age against `maxAgeDays`, last success and failure — for `lists status`, GET /v1/lists and /v1/health. */
export async function listsStatus(store: Store, today: IsoDate, maxAgeDays = DEFAULT_MAX_LIST_AGE_DAYS): Promise<ListsHealth> {
  const [versions, sources] = await Promise.all([store.latestListVersions(), store.listSourceStates()]);
  const sourceOf = new Map<string, ListSourceState>();
  for (const s of sources) for (const l of s.lists) sourceOf.set(l, s);
  const reasons: string[] = [];
  const lists = versions.map((v): ListStatus => {
    const since = freshSince(v);
    const ageDays = since ? daysBetween(since, today) : null;
    const stale = ageDays === null || ageDays > maxAgeDays;
    const src = sourceOf.get(v.list);
    if (stale) reasons.push(`${v.list} is ${ageDays === null ? 'undated' : `${ageDays} days old`} (source date ${v.sourceDate}${v.currentAsOf ? `, last confirmed ${v.currentAsOf}` : ''}), past the maximum of ${maxAgeDays} days`);
    return {
      list: v.list,
      title: v.title,
      version: v.version,
      entries: v.entries,
      sourceDate: v.sourceDate,
      sourceDateKind: v.sourceDateKind,
      currentAsOf: v.currentAsOf ?? null,
      ageDays,
      stale,
      bundledSnapshot: v.bundledSnapshot === true,
      loadedAt: v.loadedAt,
      source: src?.id ?? null,
      lastSuccessAt: src?.lastSuccessAt ?? null,
      lastFailureAt: src?.lastFailureAt ?? null,
      lastError: src?.lastError ?? null,
    };
  });
  for (const s of sources) {
    if (s.lastStatus === 'failed' || s.lastStatus === 'refused') reasons.push(`the last update of ${s.id} ${s.lastStatus === 'failed' ? 'failed' : 'was refused'} (${s.lastFailureAt}): ${s.lastError ?? 'no reason recorded'}`);
  }
  return { status: reasons.length ? 'degraded' : 'ok', reasons, maxListAgeDays: maxAgeDays, lists, sources };
}
