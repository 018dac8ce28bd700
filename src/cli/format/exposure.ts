import Table from 'cli-table3';
import { OUTCOMES, type Outcome } from '../../domain/index.js';
import { restrictedValue } from '../../exposure/index.js';
import type { ExposureComparison, ExposureReport, Group, GroupShift, Tally } from '../../exposure/index.js';
import { bold, dim, heading } from './style.js';

/** Readable tables for `redline exposure`: what a manager reads; --json/--csv carry everything. */
const SHORT: Record<Outcome, string> = {
  prohibited: 'prohibited',
  license_required: 'licence',
  review: 'review',
  exception_available: 'exception',
  no_license_required: 'clear',
};

const TOP = 12;

function moneyFormat(currency: string): (n: number) => string {
  const f = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return (n) => f.format(n);
}
const count = new Intl.NumberFormat('en-US');
const pct = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '—');

function table(head: string[]): Table.Table {
  return new Table({ head: head.map((h) => bold(h)), style: { head: [], border: [] } });
}

function groupTable(title: string, groups: Group[], money: (n: number) => string, keyName: string, limit = TOP): string {
  const t = table([keyName, 'lines', 'value', ...OUTCOMES.map((o) => SHORT[o]), 'restricted']);
  for (const g of groups.slice(0, limit)) {
    t.push([g.key, count.format(g.total.count), money(g.total.value), ...OUTCOMES.map((o) => (g.outcomes[o].value ? money(g.outcomes[o].value) : dim('·'))), pct(restrictedValue(g), g.total.value)]);
  }
  const more = groups.length > limit ? dim(`  … ${groups.length - limit} more (all in --json / --csv)`) : '';
  return [heading(title), t.toString(), more].filter(Boolean).join('\n');
}

/** Months roll up into quarters on screen: five years of months is too long a table to read. */
function quarters(months: Group[]): Group[] {
  const out = new Map<string, Group>();
  for (const m of months) {
    const key = m.key.length === 7 ? `${m.key.slice(0, 4)}-Q${Math.ceil(Number(m.key.slice(5, 7)) / 3)}` : m.key;
    const q = out.get(key) ?? { key, outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, { count: 0, value: 0 }])) as Group['outcomes'], total: { count: 0, value: 0 } };
    for (const o of OUTCOMES) {
      q.outcomes[o].count += m.outcomes[o].count;
      q.outcomes[o].value += m.outcomes[o].value;
    }
    q.total.count += m.total.count;
    q.total.value += m.total.value;
    out.set(key, q);
  }
  return [...out.values()];
}

function measureTable(r: ExposureReport, money: (n: number) => string): string {
  const t = table(['measure', 'jur.', 'lines', 'value', 'gives', 'summary']);
  for (const g of r.by.measure.slice(0, TOP)) {
    const gives = OUTCOMES.filter((o) => g.outcomes[o].count).map((o) => `${SHORT[o]} ${count.format(g.outcomes[o].count)}`).join(', ');
    const info = r.measures[g.key];
    t.push([g.key, info?.jurisdiction ?? '', count.format(g.total.count), money(g.total.value), gives, (info?.summary ?? '').slice(0, 70)]);
  }
  return [heading('By measure (a line counts under every measure that weighs on it)'), t.toString()].join('\n');
}

function errorsText(r: ExposureReport, money: (n: number) => string): string {
  if (!r.errorTotal.count) return '';
  const shown = r.errors.slice(0, 5).map((e) => `  row ${e.row} (${e.id}): ${e.message}`);
  const more = r.errors.length > 5 ? [dim(`  … ${r.errors.length - 5} more in --json`)] : [];
  return [bold(`${count.format(r.errorTotal.count)} lines (${money(r.errorTotal.value)}) could not be evaluated:`), ...shown, ...more].join('\n');
}

function caveatsText(caveats: string[]): string {
  return caveats.map((c) => `${bold('Note')}: ${c}`).join('\n');
}

function asOfText(asOf: string | null): string {
  return asOf ? `rules as of ${asOf}` : "each line under the rules of its own date";
}

export function formatExposureReport(r: ExposureReport, source: string): string {
  const money = moneyFormat(r.currency);
  const totals = table(['outcome', 'lines', 'value', 'share of value']);
  for (const o of OUTCOMES) totals.push([SHORT[o], count.format(r.total.outcomes[o].count), money(r.total.outcomes[o].value), pct(r.total.outcomes[o].value, r.total.total.value)]);
  totals.push([bold('total'), bold(count.format(r.total.total.count)), bold(money(r.total.total.value)), '']);
  return [
    `${bold('Exposure')} of ${source}: ${count.format(r.total.total.count)} lines, ${money(r.total.total.value)}, ${asOfText(r.asOf)}`,
    caveatsText(r.caveats),
    totals.toString(),
    errorsText(r, money),
    ownershipText(r, money),
    groupTable('By jurisdiction (that jurisdiction\'s outcome)', r.by.jurisdiction, money, 'jurisdiction'),
    measureTable(r, money),
    groupTable('By destination', r.by.destination, money, 'to'),
    groupTable('By item', r.by.item, money, 'item'),
    groupTable('By kind', r.by.kind, money, 'kind'),
    groupTable('By quarter (months in --json / --csv)', quarters(r.by.month), money, 'quarter', 40),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Lines a 50 percent rule reaches only through the party's owners (docs/ownership.md). */
function ownershipText(r: ExposureReport, money: (n: number) => string): string {
  const via = r.throughOwnership;
  if (!via?.total.count) return '';
  const lines = via.byMeasure.map((g) => `  ${g.key}: ${tallyText(g.total, money)}`);
  return [`${bold('Reached only through ownership')}: ${tallyText(via.total, money)} (a 50 percent rule gives these lines their outcome)`, ...lines].join('\n');
}

function tallyText(t: Tally, money: (n: number) => string): string {
  return `${count.format(t.count)} lines, ${money(t.value)}`;
}

function shiftTable(title: string, shifts: GroupShift[], money: (n: number) => string, keyName: string): string {
  const t = table([keyName, 'stricter lines', 'stricter value', 'looser lines', 'looser value']);
  for (const s of shifts.slice(0, TOP)) t.push([s.key, count.format(s.stricter.count), money(s.stricter.value), count.format(s.looser.count), money(s.looser.value)]);
  return [heading(title), t.toString()].join('\n');
}

export function formatExposureComparison(c: ExposureComparison, source: string): string {
  const money = moneyFormat(c.base.currency);
  const a = c.base.asOf ?? 'line dates';
  const b = c.compare.asOf ?? 'line dates';
  const totals = table(['outcome', `lines ${a}`, `value ${a}`, `lines ${b}`, `value ${b}`, 'change in value']);
  for (const o of OUTCOMES) {
    const d = c.delta[o].value;
    totals.push([SHORT[o], count.format(c.base.total.outcomes[o].count), money(c.base.total.outcomes[o].value), count.format(c.compare.total.outcomes[o].count), money(c.compare.total.outcomes[o].value), d ? `${d > 0 ? '+' : ''}${money(d)}` : dim('·')]);
  }
  const transitions = table(['from', 'to', 'lines', 'value']);
  for (const t of c.transitions.filter((x) => x.before !== x.after)) transitions.push([SHORT[t.before], SHORT[t.after], count.format(t.count), money(t.value)]);
  const measures = table(['measure', 'jur.', 'newly applying', 'no longer applying', 'summary']);
  for (const m of c.measureChanges.slice(0, TOP)) {
    measures.push([m.measure, m.jurisdiction, m.newlyApplying.count ? tallyText(m.newlyApplying, money) : dim('·'), m.noLongerApplying.count ? tallyText(m.noLongerApplying, money) : dim('·'), m.summary.slice(0, 60)]);
  }
  const flips = table(['line', 'month', 'to', 'item', 'value', `${a} → ${b}`, 'why']);
  for (const f of c.flips.slice(0, 15)) {
    const why = [...f.added.map((m) => `+ ${m}`), ...f.removed.map((m) => `− ${m}`), ...f.changed.map((x) => `~ ${x.measure}`)].join('\n');
    flips.push([f.id, f.month, f.destination, f.item, money(f.value), `${SHORT[f.before]} → ${SHORT[f.after]}`, why]);
  }
  const summary = [
    `${bold('Stricter')}: ${tallyText(c.stricter, money)}   ${bold('looser')}: ${tallyText(c.looser, money)}   ${bold('unchanged')}: ${tallyText(c.unchanged, money)}`,
    c.reasonChanges ? dim(`${count.format(c.reasonChanges)} more lines keep their outcome for different reasons`) : '',
  ].filter(Boolean).join('\n');
  return [
    `${bold('Exposure compared')} for ${source}: ${asOfText(c.base.asOf)} → ${asOfText(c.compare.asOf)}`,
    caveatsText(c.base.caveats),
    totals.toString(),
    summary,
    errorsText(c.compare, money),
    c.transitions.some((x) => x.before !== x.after) ? [heading('Where lines moved'), transitions.toString()].join('\n') : dim('No line changes outcome between the two dates.'),
    c.measureChanges.length ? [heading('Measures behind the change'), measures.toString()].join('\n') : '',
    c.flips.length ? shiftTable('By destination', c.shifts.destination, money, 'to') : '',
    c.flips.length ? shiftTable('By item', c.shifts.item, money, 'item') : '',
    c.flips.length ? [heading(`Biggest flips (${count.format(c.flips.length)} in all; every one in --json, or --flips <file> for CSV)`), flips.toString()].join('\n') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
