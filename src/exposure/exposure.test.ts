import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../domain/index.js';
import { exposureReport, restrictedValue } from './aggregate.js';
import { compareExposure } from './compare.js';
import type { BookLine, EvaluatedLine, Group, LineOutcome, Tally } from './types.js';

// Aggregation and comparison share these builders, so both sets of tests sit in one file.

export function line(row: number, over: Partial<BookLine> = {}): BookLine {
  return { row, id: `L${row}`, date: '2024-03-15', to: 'CN', item: 'NVIDIA H100 SXM5 80GB', kind: 'ic', value: 1000, currency: 'USD', ...over };
}

export function evaluated(l: BookLine, outcome: Outcome, measures: Record<string, Outcome> = {}, jurisdictions: LineOutcome['jurisdictions'] = { US: outcome }): EvaluatedLine {
  return { line: l, result: { outcome, jurisdictions, measures } };
}

const outcome = fc.constantFrom(...OUTCOMES);

export const resultArb: fc.Arbitrary<LineOutcome | string> = fc.oneof(
  { weight: 9, arbitrary: fc.record({
    outcome,
    jurisdictions: fc.dictionary(fc.constantFrom('US', 'JP', 'NL', 'CN'), outcome, { maxKeys: 4 }),
    measures: fc.dictionary(fc.constantFrom('us.a', 'us.b', 'jp.c', 'nl.d', 'cn.e'), outcome, { maxKeys: 3 }),
  }) as fc.Arbitrary<LineOutcome> },
  { weight: 1, arbitrary: fc.constant('items[0].model: unknown model') },
);

const lineFields = fc.record({
  to: fc.constantFrom('CN', 'HK', 'SG', 'DE', 'AE'),
  item: fc.constantFrom('H100', 'A100', 'L4', 'gallium metal', 'etch tool'),
  kind: fc.constantFrom('ic', 'sme', 'material'),
  date: fc.option(fc.constantFrom('2022-06-01', '2023-01-31', '2023-12-01', '2026-09-30'), { nil: undefined }),
  value: fc.integer({ min: 0, max: 5_000_000 }),
});

export function toEvaluated(row: number, fields: Omit<BookLine, 'row' | 'id' | 'currency'>, r: LineOutcome | string): EvaluatedLine {
  const l: BookLine = { row, id: `L${row}`, currency: 'USD', ...fields };
  return typeof r === 'string' ? { line: l, error: r } : { line: l, result: r };
}

/** A book: its lines' fields, and one result per line for each of `analyses` analyses. */
export function bookArb(analyses: number): fc.Arbitrary<EvaluatedLine[][]> {
  return fc
    .array(fc.tuple(lineFields, fc.array(resultArb, { minLength: analyses, maxLength: analyses })), { maxLength: 60 })
    .map((rows) => Array.from({ length: analyses }, (_, a) => rows.map(([fields, results], i) => toEvaluated(i + 1, fields, results[a]!))));
}

const sum = (gs: Group[], pick: (g: Group) => Tally): Tally =>
  gs.reduce((t, g) => ({ count: t.count + pick(g).count, value: t.value + pick(g).value }), { count: 0, value: 0 });

describe('exposureReport', () => {
  const book = [
    evaluated(line(1, { to: 'CN', value: 500_000 }), 'license_required', { 'us.ear.ac.license.d-groups': 'license_required' }),
    evaluated(line(2, { to: 'CN', item: 'NVIDIA L4', value: 20_000, date: '2024-04-02' }), 'review', { 'us.ear.ac.license.hq-macau-d5': 'review' }),
    evaluated(line(3, { to: 'DE', value: 300_000 }), 'no_license_required'),
    evaluated(line(4, { to: 'SG', value: 100_000, date: undefined }), 'exception_available', { 'us.ear.ac.license.d-groups': 'exception_available' }),
    { line: line(5, { value: 7_000 }), error: 'items[0].model: unknown model "H1000"' },
  ];
  const r = exposureReport(book, { asOf: '2026-09-30' });

  it('counts lines and value by outcome for the whole book', () => {
    expect(r.total.total).toEqual({ count: 4, value: 920_000 });
    expect(r.total.outcomes.license_required).toEqual({ count: 1, value: 500_000 });
    expect(r.total.outcomes.review).toEqual({ count: 1, value: 20_000 });
    expect(r.total.outcomes.exception_available).toEqual({ count: 1, value: 100_000 });
    expect(r.total.outcomes.no_license_required).toEqual({ count: 1, value: 300_000 });
    expect(r.total.outcomes.prohibited).toEqual({ count: 0, value: 0 });
    expect(r.currency).toBe('USD');
  });

  it('keeps lines that could not be evaluated as errors with their value, never in an outcome', () => {
    expect(r.errors).toEqual([{ row: 5, id: 'L5', value: 7_000, message: 'items[0].model: unknown model "H1000"' }]);
    expect(r.errorTotal).toEqual({ count: 1, value: 7_000 });
  });

  it('breaks down by destination, most restricted value first', () => {
    expect(r.by.destination.map((g) => g.key)).toEqual(['CN', 'DE', 'SG']);
    expect(restrictedValue(r.by.destination[0]!)).toBe(520_000);
  });

  it('breaks down by measure with the outcome the measure gives each line', () => {
    const d = r.by.measure.find((g) => g.key === 'us.ear.ac.license.d-groups')!;
    expect(d.outcomes.license_required.value).toBe(500_000);
    expect(d.outcomes.exception_available.value).toBe(100_000);
    expect(d.total.count).toBe(2);
  });

  it('breaks down by month in calendar order, undated last', () => {
    expect(r.by.month.map((g) => g.key)).toEqual(['2024-03', '2024-04', 'undated']);
  });

  it('refuses a book in two currencies, naming the line', () => {
    const mixed = [evaluated(line(1), 'review'), evaluated(line(2, { currency: 'EUR' }), 'review')];
    expect(() => exposureReport(mixed, { asOf: null })).toThrow(/row 2 \(L2\)\.currency: EUR differs from the book's USD/);
  });

  it('property: every partition of the book adds up to the book, outcome by outcome', () => {
    fc.assert(
      fc.property(bookArb(1), ([lines]) => {
        const rep = exposureReport(lines!, { asOf: null });
        const evaluatedLines = lines!.filter((l) => l.result);
        expect(rep.total.total.count).toBe(evaluatedLines.length);
        expect(rep.total.total.value).toBe(evaluatedLines.reduce((v, l) => v + l.line.value, 0));
        expect(rep.total.total.count + rep.errorTotal.count).toBe(lines!.length);
        for (const dim of ['destination', 'item', 'kind', 'month'] as const) {
          expect(sum(rep.by[dim], (g) => g.total)).toEqual(rep.total.total);
          for (const o of OUTCOMES) expect(sum(rep.by[dim], (g) => g.outcomes[o])).toEqual(rep.total.outcomes[o]);
        }
        // Each jurisdiction sees every evaluated line exactly once.
        for (const j of rep.by.jurisdiction) expect(j.total).toEqual(rep.total.total);
        // A measure row can only hold lines of the book.
        for (const m of rep.by.measure) expect(m.total.count).toBeLessThanOrEqual(rep.total.total.count);
      }),
    );
  });
});

const D_GROUPS = 'us.ear.ac.license.d-groups';
const H20 = 'us.ear.744.23.b.is-informed.h20-class';

describe('compareExposure', () => {
  const lines = [line(1, { value: 400_000 }), line(2, { item: 'NVIDIA H20', value: 90_000 }), line(3, { to: 'DE', value: 10_000 }), line(4, { to: 'SG', value: 5_000 })];
  const base = {
    asOf: '2022-06-01',
    measures: {},
    lines: [
      evaluated(lines[0]!, 'no_license_required'),
      evaluated(lines[1]!, 'no_license_required'),
      evaluated(lines[2]!, 'no_license_required'),
      evaluated(lines[3]!, 'license_required', { 'us.old': 'license_required' }),
    ],
  };
  const later = {
    asOf: '2026-09-30',
    measures: { [D_GROUPS]: { jurisdiction: 'US', summary: '3A090.a items to D:1/D:4/D:5 need a licence', citation: '15 CFR 742.6(a)(6)(iii)(A)' } },
    lines: [
      evaluated(lines[0]!, 'license_required', { [D_GROUPS]: 'license_required' }),
      evaluated(lines[1]!, 'review', { [H20]: 'review' }),
      evaluated(lines[2]!, 'no_license_required'),
      evaluated(lines[3]!, 'no_license_required'),
    ],
  };
  const c = compareExposure(base, later);

  it('lists the lines that flip, biggest value first, with the measures that newly apply', () => {
    expect(c.flips.map((f) => [f.id, f.before, f.after, f.direction])).toEqual([
      ['L1', 'no_license_required', 'license_required', 'stricter'],
      ['L2', 'no_license_required', 'review', 'stricter'],
      ['L4', 'license_required', 'no_license_required', 'looser'],
    ]);
    expect(c.flips[0]!.added).toEqual([D_GROUPS]);
    expect(c.flips[2]!.removed).toEqual(['us.old']);
  });

  it('says how much value moves each way and leaves unchanged lines alone', () => {
    expect(c.stricter).toEqual({ count: 2, value: 490_000 });
    expect(c.looser).toEqual({ count: 1, value: 5_000 });
    expect(c.unchanged).toEqual({ count: 1, value: 10_000 });
    expect(c.delta.license_required).toEqual({ count: 0, value: -5_000 + 400_000 });
    expect(c.delta.no_license_required).toEqual({ count: -1, value: -490_000 + 5_000 });
  });

  it('names each measure behind the change with its citation and the value it reaches', () => {
    const m = c.measureChanges.find((x) => x.measure === D_GROUPS)!;
    expect(m.citation).toBe('15 CFR 742.6(a)(6)(iii)(A)');
    expect(m.newlyApplying).toEqual({ count: 1, value: 400_000 });
    expect(c.measureChanges[0]!.measure).toBe(D_GROUPS);
  });

  it('shows where the value moved, by destination', () => {
    const cn = c.shifts.destination.find((s) => s.key === 'CN')!;
    expect(cn.stricter).toEqual({ count: 2, value: 490_000 });
  });

  it('counts a line whose outcome holds while its reasons change, without calling it a flip', () => {
    const b = { asOf: 'a', measures: {}, lines: [evaluated(line(1), 'license_required', { 'us.x': 'license_required' })] };
    const a = { asOf: 'b', measures: {}, lines: [evaluated(line(1), 'license_required', { 'us.y': 'license_required' })] };
    const r = compareExposure(b, a);
    expect(r.flips).toEqual([]);
    expect(r.reasonChanges).toBe(1);
    expect(r.measureChanges.map((m) => [m.measure, m.newlyApplying.count, m.noLongerApplying.count])).toEqual([['us.x', 0, 1], ['us.y', 1, 0]]);
  });

  it('refuses to pair two different books', () => {
    const other = { ...later, lines: later.lines.slice(0, 3) };
    expect(() => compareExposure(base, other)).toThrow(/compare the same book/);
  });

  it('property: transitions account for every paired line and their value, and the deltas match the reports', () => {
    fc.assert(
      fc.property(bookArb(2), ([a, b]) => {
        const r = compareExposure({ asOf: 'a', lines: a!, measures: {} }, { asOf: 'b', lines: b!, measures: {} });
        const paired = a!.filter((l, i) => l.result && b![i]!.result);
        const pairedValue = paired.reduce((v, l) => v + l.line.value, 0);
        expect(r.transitions.reduce((n, t) => n + t.count, 0)).toBe(paired.length);
        expect(r.transitions.reduce((n, t) => n + t.value, 0)).toBe(pairedValue);
        expect(r.stricter.count + r.looser.count + r.unchanged.count).toBe(paired.length);
        expect(r.stricter.value + r.looser.value + r.unchanged.value).toBe(pairedValue);
        expect(r.flips.length).toBe(r.stricter.count + r.looser.count);
        for (const o of OUTCOMES) expect(r.delta[o].value).toBe(r.compare.total.outcomes[o].value - r.base.total.outcomes[o].value);
        for (const f of r.flips) expect(f.before).not.toBe(f.after);
      }),
    );
  });
});
