import { OUTCOMES } from '../domain/outcome.js';
import type { Dimension, ExposureComparison, ExposureReport, Group } from './types.js';

/**
 * Exports for spreadsheets. Long format (one row per breakdown cell) so a pivot table can slice
 * it any way. This module imports only the outcome list and types, so the web app bundles it too.
 */
function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(table: (string | number)[][]): string {
  return `${table.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const money = (n: number): number => Math.round(n * 100) / 100;

function groupRows(asOf: string, dimension: string, g: Group, currency: string): (string | number)[][] {
  return OUTCOMES.filter((o) => g.outcomes[o].count > 0).map((o) => [asOf, dimension, g.key, o, g.outcomes[o].count, money(g.outcomes[o].value), currency]);
}

const DIMENSION_ORDER: Dimension[] = ['jurisdiction', 'measure', 'destination', 'item', 'kind', 'month'];

/** Every breakdown of one or two reports: as_of, dimension, key, outcome, count, value, currency. */
export function breakdownCsv(result: ExposureReport | ExposureComparison): string {
  const reports = 'flips' in result ? [result.base, result.compare] : [result];
  const table: (string | number)[][] = [['as_of', 'dimension', 'key', 'outcome', 'count', 'value', 'currency']];
  for (const r of reports) {
    const asOf = r.asOf ?? 'line date';
    table.push(...groupRows(asOf, 'book', r.total, r.currency));
    for (const d of DIMENSION_ORDER) for (const g of r.by[d]) table.push(...groupRows(asOf, d, g, r.currency));
    if (r.errorTotal.count) table.push([asOf, 'book', 'book', 'error', r.errorTotal.count, money(r.errorTotal.value), r.currency]);
  }
  return rows(table);
}

/** The lines that flip between the two dates, with the measures that explain each flip. */
export function flipsCsv(c: ExposureComparison): string {
  const table: (string | number)[][] = [
    ['row', 'id', 'month', 'destination', 'item', 'value', 'currency', `outcome_${c.base.asOf ?? 'base'}`, `outcome_${c.compare.asOf ?? 'compare'}`, 'direction', 'measures_added', 'measures_removed', 'measures_changed'],
  ];
  for (const f of c.flips) {
    table.push([
      f.row, f.id, f.month, f.destination, f.item, money(f.value), c.base.currency, f.before, f.after, f.direction,
      f.added.join(' '), f.removed.join(' '), f.changed.map((x) => `${x.measure}:${x.before}>${x.after}`).join(' '),
    ]);
  }
  return rows(table);
}
