import { describe, expect, it } from 'vitest';
import type { Determination, Finding, Outcome } from '../domain/index.js';
import { lineOutcome } from './line-outcome.js';
import { exposureReport } from './aggregate.js';
import type { BookLine, EvaluatedLine } from './types.js';

const finding = (measure: string, outcome: Outcome, viaOwnership?: 'bisAffiliates'): Finding => ({
  measure, effect: 'license_required', citation: 'c', summary: 's', because: [], outcome, jurisdiction: 'US', instrument: 'i', confidence: 'high', ...(viaOwnership ? { viaOwnership } : {}),
});
const det = (outcome: Outcome, findings: Finding[]): Determination => ({
  outcome, asOf: '2025-10-01', jurisdictions: [{ jurisdiction: 'US', outcome, findings, exceptions: [] }], classifications: [], screening: [], redFlags: [], missing: [], ruleset: { version: 't', hash: 'h' }, lists: {},
});
const line = (row: number, value: number): BookLine => ({ row, id: `L${row}`, to: 'MY', item: 'x', kind: 'material', value, currency: 'USD' });

describe('exposure through ownership', () => {
  it('counts a line only when a 50 percent rule alone gives it its outcome', () => {
    const only = lineOutcome(det('license_required', [finding('us.ear.744.11.affiliates-50pct', 'license_required', 'bisAffiliates')])).result;
    const also = lineOutcome(det('license_required', [finding('us.ear.744.11.entity-list', 'license_required'), finding('us.ear.744.11.affiliates-50pct', 'license_required', 'bisAffiliates')])).result;
    const worse = lineOutcome(det('license_required', [finding('us.ear.ac', 'review'), finding('us.ear.744.11.affiliates-50pct', 'license_required', 'bisAffiliates')])).result;
    expect(only.throughOwnership).toEqual(['us.ear.744.11.affiliates-50pct']);
    expect(also.throughOwnership).toBeUndefined();
    expect(worse.throughOwnership).toEqual(['us.ear.744.11.affiliates-50pct']);
    const lines: EvaluatedLine[] = [
      { line: line(1, 100), result: only },
      { line: line(2, 50), result: also },
      { line: line(3, 7), result: lineOutcome(det('no_license_required', [])).result },
    ];
    const r = exposureReport(lines, { asOf: null });
    expect(r.throughOwnership.total).toEqual({ count: 1, value: 100 });
    expect(r.throughOwnership.byMeasure.map((g) => [g.key, g.outcomes.license_required.value])).toEqual([['us.ear.744.11.affiliates-50pct', 100]]);
  });
});
