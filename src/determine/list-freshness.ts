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
}

function daysBetween(from: IsoDate, to: IsoDate): number {
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
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(v.sourceDate);
    if (dated && addDays(v.sourceDate, maxAgeDays) >= today) continue;
    out.push({ list: v.list, title: v.title, sourceDate: v.sourceDate, ageDays: dated ? daysBetween(v.sourceDate, today) : Number.POSITIVE_INFINITY, bundledSnapshot: v.bundledSnapshot === true });
  }
  return out;
}

function jurisdictionOfList(list: string): Jurisdiction {
  return list.startsWith('cn.') ? 'CN' : list.startsWith('jp.') ? 'JP' : list.startsWith('nl.') ? 'NL' : 'US';
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
      because: lists.map((s) => `${s.title ?? s.list}: source ${s.sourceDate}, ${Number.isFinite(s.ageDays) ? `${s.ageDays} days old` : 'undated'}${s.bundledSnapshot ? ' (bundled snapshot)' : ''}`),
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
