import { parse } from 'csv-parse/sync';
import { isIsoDate, type IsoDate, type ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { assignIds } from './ids.js';
import { listFileError, type ParsedListSource } from './source.js';

/**
 * The UK Sanctions List (FCDO) CSV — the list the UK publishes for all its
 * designations since OFSI's Consolidated List closed in January 2026 (the OFSI
 * "ConList" layout is not read here). Layout: a first line "Report Date:
 * DD-Mon-YYYY" (the publisher's date), then a header row, then one row per
 * NAME of a designation (the primary name and each alias on its own row),
 * rows of one designation sharing its "Unique ID" (e.g. RUS0001).
 *
 * Columns read (matched without regard to case, spaces or punctuation):
 * Unique ID, Name 1–Name 6 (Name 6 the surname or entity name), Name type
 * (Primary Name / Alias …), Title, Name non-latin script, Regime Name,
 * Designation Type (Individual / Entity / Ship), Date Designated (DD/MM/YYYY),
 * Address Line 1–6, Address Postal Code, Address Country, Nationality(/ies),
 * Sanctions Imposed, Other Information, OFSI Group ID, UN Reference Number.
 * One list: `uk.sanctions-list`; the regime is each entry's `programs`.
 */
export const UK_LIST_ID = 'uk.sanctions-list';

const REQUIRED = ['uniqueid', 'name6', 'nametype', 'regimename', 'designationtype'] as const;
const TYPES: Record<string, ListEntry['type']> = { individual: 'individual', entity: 'entity', ship: 'vessel' };
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

const key = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** UK dates: DD/MM/YYYY or DD-Mon-YYYY (never the US month-first order). */
export function ukDate(text: string | undefined): IsoDate | undefined {
  const t = text?.trim() ?? '';
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  let s: string | undefined;
  if (m) s = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[-\s]([A-Za-z]{3})[A-Za-z]*[-\s](\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2]!.toLowerCase())) s = `${m[3]}-${String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) s = t;
  return s && isIsoDate(s) ? s : undefined;
}

function rowsOf(text: string, source: string): { reportDate?: IsoDate | undefined; header: string[]; rows: string[][]; firstLine: number } {
  const lines = text.replace(/^\uFEFF/, '');
  const first = /^([^\r\n]*)\r?\n/.exec(lines)?.[1] ?? '';
  const report = /report date\s*:?\s*,?\s*"?([^",]+)"?/i.exec(first);
  const body = report ? lines.slice(first.length).replace(/^\r?\n/, '') : lines;
  let rows: string[][];
  try {
    rows = parse(body, { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw listFileError(source, line ? `line ${line + (report ? 1 : 0)}` : undefined, `not a valid CSV (${(err as Error).message})`);
  }
  const reportDate = report ? ukDate(report[1]) : undefined;
  if (report && !reportDate) throw listFileError(source, 'line 1', `Report Date ${JSON.stringify(report[1]!.trim())} is not a date (DD-Mon-YYYY or DD/MM/YYYY)`);
  return { reportDate, header: (rows[0] ?? []).map(key), rows: rows.slice(1), firstLine: report ? 3 : 2 };
}

export function parseUkSanctionsCsv(text: string, source = 'UK Sanctions List CSV'): ParsedListSource {
  const { reportDate, header, rows, firstLine } = rowsOf(text, source);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw listFileError(source, `line ${firstLine - 1}`, `not a UK Sanctions List CSV; the header lacks ${missing.join(', ')} (expected "Unique ID", "Name 6", "Name type", "Regime Name", "Designation Type", …)`);
  const col = (r: string[], name: string): string => r[header.indexOf(name)]?.trim() ?? '';
  const byId = new Map<string, ListEntry>();
  const order: ListEntry[] = [];
  rows.forEach((r, i) => {
    const where = `line ${firstLine + i}`;
    const id = col(r, 'uniqueid');
    if (!id) throw listFileError(source, where, 'Unique ID is empty');
    const name = ['name1', 'name2', 'name3', 'name4', 'name5', 'name6'].map((c) => col(r, c)).filter(Boolean).join(' ');
    const nonLatin = col(r, 'namenonlatinscript');
    let e = byId.get(id);
    if (!e) {
      const rawType = col(r, 'designationtype');
      const type = TYPES[rawType.toLowerCase()];
      if (!type) throw listFileError(source, where, `Designation Type ${JSON.stringify(rawType)} is not Individual, Entity or Ship`);
      const designated = col(r, 'datedesignated');
      const startDate = ukDate(designated);
      if (designated && !startDate) throw listFileError(source, where, `Date Designated ${JSON.stringify(designated)} is not a date (DD/MM/YYYY)`);
      const regime = col(r, 'regimename');
      e = { id: '', list: UK_LIST_ID, name: '', altNames: [], type, countries: [], addresses: [], citation: `UK Sanctions List, ${id}${regime ? ` (${regime})` : ''}`, startDate, programs: regime ? [regime] : [], sourceId: id };
      const remarks = [col(r, 'sanctionsimposed') && `Sanctions imposed: ${col(r, 'sanctionsimposed')}`, col(r, 'unreferencenumber') && `UN ${col(r, 'unreferencenumber')}`, col(r, 'otherinformation')].filter(Boolean);
      if (remarks.length) e.remarks = remarks.join(' — ');
      byId.set(id, e);
      order.push(e);
    }
    const primary = /primary/i.test(col(r, 'nametype')) && !/variation/i.test(col(r, 'nametype'));
    if (name && primary && !e.name) e.name = name;
    else if (name && name !== e.name && !e.altNames.includes(name)) e.altNames.push(name);
    if (nonLatin && !e.altNames.includes(nonLatin)) e.altNames.push(nonLatin);
    const address = ['addressline1', 'addressline2', 'addressline3', 'addressline4', 'addressline5', 'addressline6', 'addresspostalcode', 'addresscountry'].map((c) => col(r, c)).filter(Boolean).join(', ');
    if (address && !e.addresses.includes(address)) e.addresses.push(address);
    for (const c of [col(r, 'addresscountry'), ...col(r, 'nationalityies').split(/[;,]\s*/), ...col(r, 'nationality').split(/[;,]\s*/)]) {
      const code = countryCode(c);
      if (code && !e.countries.includes(code)) e.countries.push(code);
    }
  });
  for (const e of order) {
    // A designation whose rows are all aliases still needs a name to screen by.
    if (!e.name) e.name = e.altNames.shift() ?? '';
    if (!e.name) throw listFileError(source, `Unique ID ${e.sourceId}`, 'has no name in any of its rows');
  }
  assignIds(order, (e) => `#${e.sourceId}`);
  return { entries: order, sourceDate: reportDate, sourceDateKind: reportDate ? 'publisher' : undefined, sourceDateField: reportDate ? 'Report Date (line 1)' : undefined };
}
