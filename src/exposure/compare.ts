import { InputError, OUTCOMES, outcomeRank, type Outcome } from '../domain/index.js';
import { addTo, bookCurrency, emptyOutcomes, emptyTally, exposureReport, monthOf } from './aggregate.js';
import type {
  EvaluatedLine,
  ExposureComparison,
  GroupShift,
  LineFlip,
  LineOutcome,
  MeasureChange,
  MeasureInfo,
  Tally,
} from './types.js';

export interface AnalysedBook {
  asOf: string | null;
  lines: EvaluatedLine[];
  measures: Record<string, MeasureInfo>;
}

type Evaluated = EvaluatedLine & { result: LineOutcome };

function measureDiff(before: LineOutcome, after: LineOutcome): Pick<LineFlip, 'added' | 'removed' | 'changed'> {
  const added = Object.keys(after.measures).filter((m) => !(m in before.measures)).sort();
  const removed = Object.keys(before.measures).filter((m) => !(m in after.measures)).sort();
  const changed = Object.keys(after.measures)
    .filter((m) => m in before.measures && before.measures[m] !== after.measures[m])
    .sort()
    .map((m) => ({ measure: m, before: before.measures[m]!, after: after.measures[m]! }));
  return { added, removed, changed };
}

class Shifts {
  private readonly map = new Map<string, GroupShift>();
  add(key: string, direction: 'stricter' | 'looser', value: number): void {
    let s = this.map.get(key);
    if (!s) {
      s = { key, stricter: emptyTally(), looser: emptyTally() };
      this.map.set(key, s);
    }
    addTo(s[direction], value);
  }
  /** Largest movement of value first. */
  list(): GroupShift[] {
    return [...this.map.values()].sort(
      (a, b) => b.stricter.value + b.looser.value - (a.stricter.value + a.looser.value) || a.key.localeCompare(b.key),
    );
  }
  byKey(): GroupShift[] {
    return [...this.map.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/**
 * The same book under two analyses (two as-of dates): which lines flip between outcomes, the
 * measures that explain each flip, and how much value moves. Lines are paired by position, so
 * both analyses must be of the same book; a line that failed in either is left out of the pairing
 * (it is listed in that report's errors).
 */
export function compareExposure(base: AnalysedBook, compare: AnalysedBook, caveats: string[] = []): ExposureComparison {
  if (base.lines.length !== compare.lines.length) {
    throw new InputError([{ path: 'book', message: `the two analyses have ${base.lines.length} and ${compare.lines.length} lines: compare the same book` }]);
  }
  const currency = bookCurrency([...base.lines, ...compare.lines]);
  const baseReport = exposureReport(base.lines, { asOf: base.asOf, measures: base.measures, currency, caveats });
  const compareReport = exposureReport(compare.lines, { asOf: compare.asOf, measures: compare.measures, currency, caveats });
  const cells = new Map<string, { before: Outcome; after: Outcome; count: number; value: number }>();
  const stricter = emptyTally();
  const looser = emptyTally();
  const unchanged = emptyTally();
  const flips: LineFlip[] = [];
  let reasonChanges = 0;
  const newly = new Map<string, Tally>();
  const noLonger = new Map<string, Tally>();
  const tallyOf = (m: Map<string, Tally>, k: string): Tally => {
    let t = m.get(k);
    if (!t) m.set(k, (t = emptyTally()));
    return t;
  };
  const shifts = { destination: new Shifts(), item: new Shifts(), kind: new Shifts(), month: new Shifts() };

  base.lines.forEach((b, i) => {
    const c = compare.lines[i]!;
    if (b.line.id !== c.line.id || b.line.row !== c.line.row) {
      throw new InputError([{ path: `row ${b.line.row}`, message: `line ${b.line.id} is paired with ${c.line.id}: compare the same book in the same order` }]);
    }
    if (!b.result || !c.result) return;
    const before = (b as Evaluated).result;
    const after = (c as Evaluated).result;
    const { line } = b;
    const key = `${before.outcome}>${after.outcome}`;
    const cell = cells.get(key) ?? { before: before.outcome, after: after.outcome, count: 0, value: 0 };
    cell.count += 1;
    cell.value += line.value;
    cells.set(key, cell);
    const diff = measureDiff(before, after);
    for (const m of diff.added) addTo(tallyOf(newly, m), line.value);
    for (const m of diff.removed) addTo(tallyOf(noLonger, m), line.value);
    if (before.outcome === after.outcome) {
      addTo(unchanged, line.value);
      if (diff.added.length || diff.removed.length || diff.changed.length) reasonChanges += 1;
      return;
    }
    const direction = outcomeRank(after.outcome) < outcomeRank(before.outcome) ? 'stricter' : 'looser';
    addTo(direction === 'stricter' ? stricter : looser, line.value);
    const month = monthOf(line);
    shifts.destination.add(line.to, direction, line.value);
    shifts.item.add(line.item, direction, line.value);
    shifts.kind.add(line.kind, direction, line.value);
    shifts.month.add(month, direction, line.value);
    flips.push({ row: line.row, id: line.id, item: line.item, destination: line.to, month, value: line.value, before: before.outcome, after: after.outcome, direction, ...diff });
  });

  const delta = emptyOutcomes();
  for (const o of OUTCOMES) {
    delta[o] = {
      count: compareReport.total.outcomes[o].count - baseReport.total.outcomes[o].count,
      value: compareReport.total.outcomes[o].value - baseReport.total.outcomes[o].value,
    };
  }
  const info = { ...base.measures, ...compare.measures };
  const measureChanges: MeasureChange[] = [...new Set([...newly.keys(), ...noLonger.keys()])]
    .map((m) => ({
      measure: m,
      jurisdiction: info[m]?.jurisdiction ?? '',
      ...(info[m]?.title ? { title: info[m]!.title } : {}),
      ...(info[m]?.titleZh ? { titleZh: info[m]!.titleZh } : {}),
      summary: info[m]?.summary ?? '',
      citation: info[m]?.citation ?? '',
      newlyApplying: newly.get(m) ?? emptyTally(),
      noLongerApplying: noLonger.get(m) ?? emptyTally(),
    }))
    .sort(
      (a, b) =>
        b.newlyApplying.value + b.noLongerApplying.value - (a.newlyApplying.value + a.noLongerApplying.value) || a.measure.localeCompare(b.measure),
    );
  // Biggest value first: the flips a manager asks about.
  flips.sort((a, b) => b.value - a.value || a.row - b.row);
  const rank = (o: Outcome): number => outcomeRank(o);
  return {
    base: baseReport,
    compare: compareReport,
    transitions: [...cells.values()].sort((a, b) => rank(a.before) - rank(b.before) || rank(a.after) - rank(b.after)),
    stricter,
    looser,
    unchanged,
    delta,
    flips,
    reasonChanges,
    measureChanges,
    shifts: { destination: shifts.destination.list(), item: shifts.item.list(), kind: shifts.kind.list(), month: shifts.month.byKey() },
  };
}

