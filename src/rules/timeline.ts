import type { IsoDate, Jurisdiction } from '../domain/index.js';
import { measureStatusOn, type MeasureStatus } from './describe.js';
import type { CountryGroups } from './groups.js';
import type { CompiledMeasure } from './ruleset.js';

/**
 * The rule set as a timeline: every measure and event with its dates and where it stands, and
 * what changed between two dates (`redline rules timeline`, `redline rules diff`). Pure: the
 * caller passes the dates, nothing reads the clock.
 */

/** What happened to a measure on a date. */
export type Change =
  | 'took_effect'
  | 'ended'
  | 'stayed'
  | 'suspended'
  | 'not_enforced'
  | 'revived'
  | 'unknown_after'
  | 'event';

export interface DatedChange {
  date: IsoDate;
  change: Change;
  note: string;
}

export interface TimelineEntry {
  id: string;
  jurisdiction: Jurisdiction;
  kind: 'requirement' | 'review_policy' | 'event';
  title: string;
  titleZh?: string;
  instrument: string;
  citation: string;
  confidence: string;
  effect: string;
  effective: { from: IsoDate; to?: IsoDate | undefined };
  /** Every dated change of the measure, in date order. */
  changes: DatedChange[];
  /** Where it stands on `asOf` (events: `occurred` or `not_yet_in_force`). */
  status: MeasureStatus | 'occurred';
  statusNote?: string | undefined;
}

export interface TimelineOptions {
  jurisdiction?: Jurisdiction | undefined;
  /** Keep measures whose life overlaps [from, to] and events dated in it. */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  /** The date for `status` (the caller's today, or `to`). */
  asOf: IsoDate;
}

/** The dated changes of one measure: start, end, each stay/suspension window and its end. */
export function measureChanges(m: CompiledMeasure): DatedChange[] {
  if (m.kind === 'event') return [{ date: m.effective.from, change: 'event', note: m.summary }];
  const out: DatedChange[] = [{ date: m.effective.from, change: 'took_effect', note: m.instrument }];
  for (const w of m.status) {
    // A window that opens before the measure does (a rule suspended before its start) is dated from its own `from`.
    out.push({ date: w.from, change: w.status, note: w.by });
    if (w.to !== undefined) {
      out.push(
        w.then === 'unknown'
          ? { date: w.to, change: 'unknown_after', note: `${w.status.replace('_', ' ')} window ends (${w.by}); what followed is unknown to the rule pack` }
          : { date: w.to, change: 'revived', note: `${w.status.replace('_', ' ')} window ends (${w.by})` },
      );
    }
  }
  if (m.knownUntil) out.push({ date: m.knownUntil.date, change: 'unknown_after', note: m.knownUntil.why });
  if (m.effective.to) out.push({ date: m.effective.to, change: 'ended', note: 'end of the effective interval' });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function overlaps(m: CompiledMeasure, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  if (m.kind === 'event') return (from === undefined || m.effective.from >= from) && (to === undefined || m.effective.from <= to);
  if (to !== undefined && m.effective.from > to) return false;
  if (from !== undefined && m.effective.to !== undefined && m.effective.to <= from) return false;
  return true;
}

function statusOf(m: CompiledMeasure, asOf: IsoDate): { status: TimelineEntry['status']; note?: string | undefined } {
  if (m.kind === 'event') return asOf >= m.effective.from ? { status: 'occurred' } : { status: 'not_yet_in_force', note: `on ${m.effective.from}` };
  return measureStatusOn(m, asOf);
}

/** Every measure and event (filtered), earliest first, with its changes and its status on `asOf`. */
export function timeline(measures: readonly CompiledMeasure[], opts: TimelineOptions): TimelineEntry[] {
  return measures
    .filter((m) => (opts.jurisdiction === undefined || m.jurisdiction === opts.jurisdiction) && overlaps(m, opts.from, opts.to))
    .map((m) => {
      const s = statusOf(m, opts.asOf);
      return {
        id: m.id,
        jurisdiction: m.jurisdiction,
        kind: m.kind,
        title: m.title ?? m.summary,
        ...(m.titleZh ? { titleZh: m.titleZh } : {}),
        instrument: m.instrument,
        citation: m.citation,
        confidence: m.confidence,
        effect: m.kind === 'review_policy' ? `review policy: ${m.reviewPolicy ?? '?'}` : m.kind === 'event' ? 'event' : m.effect,
        effective: { from: m.effective.from, ...(m.effective.to ? { to: m.effective.to } : {}) },
        changes: measureChanges(m),
        status: s.status,
        ...(s.note ? { statusNote: s.note } : {}),
      };
    })
    .sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : a.id < b.id ? -1 : 1));
}

export interface DiffChange extends DatedChange {
  measure: string;
  jurisdiction: Jurisdiction;
  kind: TimelineEntry['kind'];
  title: string;
  citation: string;
}

export interface RulesDiff {
  from: IsoDate;
  to: IsoDate;
  /** Dated changes after `from` up to and including `to`. */
  changes: DiffChange[];
  /** Measures whose status on `to` differs from their status on `from`. */
  statusChanged: { measure: string; jurisdiction: Jurisdiction; before: string; after: string }[];
  /** Country groups whose members on `to` differ from those on `from`. */
  groups: { group: string; added: string[]; removed: string[] }[];
}

/** What took effect, changed, was stayed or suspended, or ended after `from` up to `to`. */
export function diffRules(
  measures: readonly CompiledMeasure[],
  groups: CountryGroups | undefined,
  opts: { from: IsoDate; to: IsoDate; jurisdiction?: Jurisdiction | undefined },
): RulesDiff {
  const { from, to } = opts;
  const chosen = measures.filter((m) => opts.jurisdiction === undefined || m.jurisdiction === opts.jurisdiction);
  const changes: DiffChange[] = [];
  const statusChanged: RulesDiff['statusChanged'] = [];
  for (const m of chosen) {
    for (const c of measureChanges(m)) {
      if (c.date > from && c.date <= to) changes.push({ ...c, measure: m.id, jurisdiction: m.jurisdiction, kind: m.kind, title: m.title ?? m.summary, citation: m.citation });
    }
    if (m.kind === 'event') continue;
    const before = statusOf(m, from).status;
    const after = statusOf(m, to).status;
    if (before !== after) statusChanged.push({ measure: m.id, jurisdiction: m.jurisdiction, before, after });
  }
  changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.measure < b.measure ? -1 : 1));
  const groupDiff: RulesDiff['groups'] = [];
  if (groups && opts.jurisdiction === undefined) {
    for (const g of groups.names().sort()) {
      const a = groups.members(g, from);
      const b = groups.members(g, to);
      const added = [...b].filter((c) => !a.has(c)).sort();
      const removed = [...a].filter((c) => !b.has(c)).sort();
      if (added.length || removed.length) groupDiff.push({ group: g, added, removed });
    }
  }
  return { from, to, changes, statusChanged, groups: groupDiff };
}
