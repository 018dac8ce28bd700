import { InputError, OUTCOMES, type IsoDate, type Outcome } from '../domain/index.js';
import type { BookLine, Dimension, EvaluatedLine, ExposureReport, Group, MeasureInfo, OutcomeTally, Tally } from './types.js';

export const UNDATED = 'undated';

export function emptyTally(): Tally {
  return { count: 0, value: 0 };
}

export function emptyOutcomes(): OutcomeTally {
  return Object.fromEntries(OUTCOMES.map((o) => [o, emptyTally()])) as OutcomeTally;
}

export function addTo(t: Tally, value: number): void {
  t.count += 1;
  t.value += value;
}

/** The month a line falls in (YYYY-MM), or `undated`. */
export function monthOf(line: BookLine): string {
  return line.date ? line.date.slice(0, 7) : UNDATED;
}

/** Value on the line that is not clear to ship: everything worse than `exception_available`. */
export function restrictedValue(g: Group): number {
  return g.outcomes.prohibited.value + g.outcomes.license_required.value + g.outcomes.review.value;
}

class Groups {
  private readonly map = new Map<string, Group>();
  add(key: string, outcome: Outcome, value: number): void {
    let g = this.map.get(key);
    if (!g) {
      g = { key, outcomes: emptyOutcomes(), total: emptyTally() };
      this.map.set(key, g);
    }
    addTo(g.outcomes[outcome], value);
    addTo(g.total, value);
  }
  /** Most restricted value first, then most value, then by key, so the order is stable. */
  byExposure(): Group[] {
    return [...this.map.values()].sort(
      (a, b) => restrictedValue(b) - restrictedValue(a) || b.total.value - a.total.value || a.key.localeCompare(b.key),
    );
  }
  byKey(): Group[] {
    return [...this.map.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/**
 * Exposure sums values, so a book must be in one currency: summing EUR and USD would give a
 * number that means nothing. A line without a currency is taken to be in the book's currency.
 */
export function bookCurrency(lines: readonly { line: BookLine }[], fallback = 'USD'): string {
  const first = lines.find((l) => l.line.currency)?.line.currency ?? fallback;
  const other = lines.find((l) => l.line.currency && l.line.currency !== first);
  if (other) {
    throw new InputError([
      {
        path: `row ${other.line.row}${other.line.id ? ` (${other.line.id})` : ''}.currency`,
        message: `${other.line.currency} differs from the book's ${first}: exposure adds values up, so convert the book to one currency first`,
      },
    ]);
  }
  return first;
}

/** Counts and values of the book's lines by outcome, broken down by each dimension. */
export function exposureReport(
  lines: readonly EvaluatedLine[],
  options: { asOf: IsoDate | null; measures?: Record<string, MeasureInfo>; currency?: string; caveats?: string[] },
): ExposureReport {
  const currency = options.currency ?? bookCurrency(lines);
  const total: Group = { key: 'book', outcomes: emptyOutcomes(), total: emptyTally() };
  const groups = Object.fromEntries(
    (['jurisdiction', 'measure', 'destination', 'item', 'kind', 'month'] as Dimension[]).map((d) => [d, new Groups()]),
  ) as Record<Dimension, Groups>;
  const jurisdictions = new Set<string>();
  for (const l of lines) if (l.result) for (const j of Object.keys(l.result.jurisdictions)) jurisdictions.add(j);
  const errors: ExposureReport['errors'] = [];
  const errorTotal = emptyTally();
  const viaTotal: Group = { key: 'through ownership', outcomes: emptyOutcomes(), total: emptyTally() };
  const viaMeasures = new Groups();
  for (const l of lines) {
    const { line } = l;
    if (!l.result) {
      errors.push({ row: line.row, id: line.id, value: line.value, message: l.error });
      addTo(errorTotal, line.value);
      continue;
    }
    const { outcome } = l.result;
    addTo(total.outcomes[outcome], line.value);
    addTo(total.total, line.value);
    groups.destination.add(line.to, outcome, line.value);
    groups.item.add(line.item, outcome, line.value);
    groups.kind.add(line.kind, outcome, line.value);
    groups.month.add(monthOf(line), outcome, line.value);
    // A jurisdiction with no answer for this line has nothing to say about it: clear there.
    for (const j of jurisdictions) groups.jurisdiction.add(j, l.result.jurisdictions[j as keyof typeof l.result.jurisdictions] ?? 'no_license_required', line.value);
    for (const [measure, o] of Object.entries(l.result.measures)) groups.measure.add(measure, o, line.value);
    if (l.result.throughOwnership?.length) {
      addTo(viaTotal.outcomes[outcome], line.value);
      addTo(viaTotal.total, line.value);
      for (const m of l.result.throughOwnership) viaMeasures.add(m, outcome, line.value);
    }
  }
  return {
    asOf: options.asOf,
    currency,
    total,
    by: {
      jurisdiction: groups.jurisdiction.byKey(),
      measure: groups.measure.byExposure(),
      destination: groups.destination.byExposure(),
      item: groups.item.byExposure(),
      kind: groups.kind.byExposure(),
      month: groups.month.byKey(),
    },
    measures: options.measures ?? {},
    errors,
    errorTotal,
    caveats: options.caveats ?? [],
    throughOwnership: { total: viaTotal.total, byMeasure: viaMeasures.byExposure() },
  };
}
