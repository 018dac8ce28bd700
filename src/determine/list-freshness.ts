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
  const byJurisdiction = new Map<Jurisdiction, StaleList[]>();
  for (const s of stale) {
    const j = jurisdictionOfList(s.list);
    byJurisdiction.set(j, [...(byJurisdiction.get(j) ?? []), s]);
  }
  const jurisdictions = d.jurisdictions.map((j) => ({ ...j, findings: [...j.findings] }));
  const missing = [...d.missing];
  for (const [jurisdiction, lists] of byJurisdiction) {
    const target = jurisdictions.find((j) => j.jurisdiction === jurisdiction) ?? jurisdictions[0];
    if (!target) continue;
    const finding: Finding = {
      measure: 'redline.lists.stale',
      effect: 'informational',
      citation: 'Redline list freshness policy (default 30 days past the source date)',
      summary: 'Parties were screened against lists older than the allowed age: re-screen against current lists before relying on this answer',
      because: lists.map(
        (s) =>
          `${s.title ?? s.list}: source ${s.sourceDate}${s.currentAsOf ? `, last confirmed current ${s.currentAsOf}` : ''}, ${Number.isFinite(s.ageDays) ? `${s.ageDays} days old` : 'undated'}${s.bundledSnapshot ? ' (bundled snapshot)' : ''}`,
      ),
      outcome: 'review',
      jurisdiction: target.jurisdiction,
      instrument: 'Redline',
      confidence: 'high',
      missing: lists.map((s) => `current ${s.list} list`),
    };
    target.findings.push(finding);
    target.outcome = worseOf(target.outcome, 'review');
    missing.push(...finding.missing!);
  }
  const outcome = jurisdictions.reduce((o, j) => worseOf(o, j.outcome), d.outcome);
  return { ...d, jurisdictions, missing, outcome };
}
