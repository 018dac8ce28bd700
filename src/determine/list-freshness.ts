import {
  addDays,
  worseOf,
  type Determination,
  type Finding,
  type IsoDate,
  type Jurisdiction,
  type ListVersion,
} from '../domain/index.js';

/** Default: a list is stale 30 days past its source date (issue #5; BIS and OFAC publish more often). */
export const DEFAULT_MAX_LIST_AGE_DAYS = 30;

export interface StaleList {
  list: string;
  title?: string | undefined;
  sourceDate: IsoDate;
  ageDays: number;
  bundledSnapshot: boolean;
  currentAsOf?: IsoDate;
}

/** The day a version's age counts from: its source date, or the later day its source confirmed it current. */
export function freshSince(v: Pick<ListVersion, 'sourceDate' | 'currentAsOf'>): IsoDate | undefined {
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(v.sourceDate) ? v.sourceDate : undefined;
  if (v.currentAsOf && (!dated || v.currentAsOf > dated)) return v.currentAsOf;
  return dated;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Every line of a batch asks the same question; answer it once per (versions, day, limit).
const memo = new WeakMap<readonly ListVersion[], Map<string, StaleList[]>>();

/** The lists whose source date is more than `maxAgeDays` before `today` (or has no date at all). */
export function staleLists(versions: readonly ListVersion[], today: IsoDate, maxAgeDays = DEFAULT_MAX_LIST_AGE_DAYS): StaleList[] {
  let byKey = memo.get(versions);
  if (!byKey) memo.set(versions, (byKey = new Map()));
  const key = `${today}|${maxAgeDays}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const out = computeStale(versions, today, maxAgeDays);
  byKey.set(key, out);
  return out;
}

function computeStale(versions: readonly ListVersion[], today: IsoDate, maxAgeDays: number): StaleList[] {
  const out: StaleList[] = [];
  for (const v of versions) {
    const since = freshSince(v);
    if (since && addDays(since, maxAgeDays) >= today) continue;
    out.push({
      list: v.list,
      title: v.title,
      sourceDate: v.sourceDate,
      ageDays: since ? daysBetween(since, today) : Number.POSITIVE_INFINITY,
      bundledSnapshot: v.bundledSnapshot === true,
      ...(v.currentAsOf ? { currentAsOf: v.currentAsOf } : {}),
    });
  }
  return out;
}

function jurisdictionOfList(list: string): Jurisdiction {
  return list.startsWith('cn.') ? 'CN' : list.startsWith('jp.') ? 'JP' : list.startsWith('nl.') || list.startsWith('eu.') ? 'NL' : 'US';
}

/**
 * Fail closed on stale lists: a party screened against an old snapshot cannot get a clean
 * answer. Adds a `review` finding per jurisdiction whose lists are stale, naming each list,
 * its source date and age, and whether it is a bundled snapshot.
 */
export function applyListFreshness(d: Determination, stale: StaleList[], screenedParties: number): Determination {
  if (!stale.length || screenedParties === 0) return d;
  // Only the jurisdictions that get a finding are copied; the others are kept as they are.
  const jurisdictions = d.jurisdictions.slice();
  const copied = new Set<number>();
  const missing = [...d.missing];
  for (const [jurisdiction, lists] of staleByJurisdiction(stale)) {
    let at = jurisdictions.findIndex((j) => j.jurisdiction === jurisdiction);
    if (at < 0) at = 0;
    const original = jurisdictions[at];
    if (!original) continue;
    const target = copied.has(at) ? original : { ...original, findings: [...original.findings] };
    jurisdictions[at] = target;
    copied.add(at);
    const finding = staleFinding(stale, jurisdiction, lists, target.jurisdiction);
    target.findings.push(finding);
    target.outcome = worseOf(target.outcome, 'review');
    missing.push(...finding.missing!);
  }
  const outcome = jurisdictions.reduce((o, j) => worseOf(o, j.outcome), d.outcome);
  // A copy of the determination with three fields replaced in place, written member by member
  // (a spread of determinations, which come in many shapes, went megamorphic in V8).
  const out = {} as Record<string, unknown>;
  for (const key in d) out[key] = (d as unknown as Record<string, unknown>)[key];
  out.jurisdictions = jurisdictions;
  out.missing = missing;
  out.outcome = outcome;
  return out as unknown as Determination;
}

// Every line of a book meets the same stale lists (staleLists answers one array per run and day):
// the grouping and the findings' texts are made once per array, not once per line. The findings
// are frozen, as they are shared.
const groupedStale = new WeakMap<StaleList[], Map<Jurisdiction, StaleList[]>>();
const staleFindings = new WeakMap<StaleList[], Map<string, Finding>>();

function staleByJurisdiction(stale: StaleList[]): Map<Jurisdiction, StaleList[]> {
  let byJurisdiction = groupedStale.get(stale);
  if (!byJurisdiction) {
    byJurisdiction = new Map();
    for (const s of stale) {
      const j = jurisdictionOfList(s.list);
      byJurisdiction.set(j, [...(byJurisdiction.get(j) ?? []), s]);
    }
    groupedStale.set(stale, byJurisdiction);
  }
  return byJurisdiction;
}

function staleFinding(stale: StaleList[], listsOf: Jurisdiction, lists: StaleList[], jurisdiction: Jurisdiction): Finding {
  let byTarget = staleFindings.get(stale);
  if (!byTarget) staleFindings.set(stale, (byTarget = new Map()));
  // Keyed by the lists' jurisdiction too: two groups can fall back to the same target.
  const key = `${listsOf}>${jurisdiction}`;
  let finding = byTarget.get(key);
  if (!finding) {
    finding = {
      measure: 'redline.lists.stale',
      effect: 'informational',
      citation: 'Redline list freshness policy (default 30 days past the source date)',
      summary: 'Parties were screened against lists older than the allowed age: re-screen against current lists before relying on this answer',
      because: Object.freeze(
        lists.map(
          (s) =>
            `${s.title ?? s.list}: source ${s.sourceDate}${s.currentAsOf ? `, last confirmed current ${s.currentAsOf}` : ''}, ${Number.isFinite(s.ageDays) ? `${s.ageDays} days old` : 'undated'}${s.bundledSnapshot ? ' (bundled snapshot)' : ''}`,
        ),
      ) as string[],
      outcome: 'review',
      jurisdiction,
      instrument: 'Redline',
      confidence: 'high',
      missing: Object.freeze(lists.map((s) => `current ${s.list} list`)) as string[],
    };
    Object.freeze(finding);
    byTarget.set(key, finding);
  }
  return finding;
}
