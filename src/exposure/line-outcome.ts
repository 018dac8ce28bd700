import { worseOf, type Determination, type Finding, type Outcome } from '../domain/index.js';
import type { LineOutcome, MeasureInfo } from './types.js';

/**
 * Reduces a determination to what exposure analysis counts: the overall and per-jurisdiction
 * outcomes, and the measures that weigh on the line. A finding whose outcome is clear (a review
 * policy, an informational note) does not weigh on the line, so it is left out.
 */
export function lineOutcome(d: Determination): { result: LineOutcome; measures: Record<string, MeasureInfo> } {
  const jurisdictions: LineOutcome['jurisdictions'] = {};
  const weighing: Record<string, Outcome> = {};
  const measures: Record<string, MeasureInfo> = {};
  const note = (f: Finding): void => {
    if (f.outcome === 'no_license_required') return;
    const before = weighing[f.measure];
    weighing[f.measure] = before === undefined ? f.outcome : worseOf(before, f.outcome);
    measures[f.measure] ??= { jurisdiction: f.jurisdiction, ...(f.title ? { title: f.title } : {}), ...(f.titleZh ? { titleZh: f.titleZh } : {}), summary: f.summary, citation: f.citation };
  };
  for (const j of d.jurisdictions) {
    jurisdictions[j.jurisdiction] = j.outcome;
    j.findings.forEach(note);
  }
  d.redFlags.forEach(note);
  const result: LineOutcome = { outcome: d.outcome, jurisdictions, measures: weighing };
  const via = ownershipOnly(d);
  if (via.length) result.throughOwnership = via;
  return { result, measures };
}

/** The ownership measures without which the line would come out better (none when others suffice). */
function ownershipOnly(d: Determination): string[] {
  const all = [...d.jurisdictions.flatMap((j) => j.findings), ...d.redFlags];
  const via = all.filter((f) => f.viaOwnership && f.outcome !== 'no_license_required');
  if (!via.length) return [];
  let without: Outcome = 'no_license_required';
  for (const f of all) if (!f.viaOwnership) without = worseOf(without, f.outcome);
  const viaWorst = via.reduce<Outcome>((o, f) => worseOf(o, f.outcome), 'no_license_required');
  if (worseOf(without, viaWorst) === without) return [];
  return [...new Set(via.map((f) => f.measure))];
}
