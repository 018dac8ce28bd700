import { parse } from 'csv-parse/sync';
import { addDays, type IsoDate, type ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { cleanCitation, parseDate, splitMulti } from './fields.js';
import { assignIds } from './ids.js';

/**
 * Lists with no machine-readable source, kept as plain CSV by hand:
 *
 * - China's designations (`list,name_zh,name_en,aliases,country,announcement,
 *   announcement_date,effective_date,status,status_note,measures,source`): the
 *   Unreliable Entity List, MOFCOM's export-control control list and watch list,
 *   and the MOFA/MOFCOM Anti-Foreign Sanctions Law countermeasures.
 * - A generic layout for any other list (`list,name,aliases,country,citation,
 *   start_date,end_date,status,...`).
 */
export const CHINA_LIST_IDS: Record<string, string> = {
  UEL: 'cn.mofcom.unreliable-entity-list',
  ECCL: 'cn.mofcom.export-control-list',
  WATCH: 'cn.mofcom.watch-list',
  MOFA_COUNTERMEASURE: 'cn.countermeasures',
  MOFCOM_COUNTERMEASURE: 'cn.countermeasures',
};

const STATUSES = new Set(['active', 'suspended', 'removed']);

function csvRows(text: string, source: string): Record<string, string>[] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, comment: '#', comment_no_infix: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
}

function status(value: string | undefined, where: string): ListEntry['status'] {
  const s = (value ?? '').trim().toLowerCase();
  if (!s) return undefined;
  if (!STATUSES.has(s)) throw new Error(`${where}: status ${JSON.stringify(value)} must be active, suspended or removed`);
  return s as ListEntry['status'];
}

/**
 * Suspension window and end of measures from a status note: "suspended … from
 * 2025-05-14 … (to 2026-11-10)", "suspended for one year from 2025-11-10",
 * "stopped (停止执行) from 2025-11-10".
 */
export function windowFromNote(note: string, st: ListEntry['status']): Pick<ListEntry, 'suspendedFrom' | 'suspendedTo' | 'endDate'> {
  const out: Pick<ListEntry, 'suspendedFrom' | 'suspendedTo' | 'endDate'> = {};
  if (st === 'suspended') {
    out.suspendedFrom = /suspended[^.]*?from (\d{4}-\d{2}-\d{2})/i.exec(note)?.[1];
    const to = [...note.matchAll(/\(?\bto (\d{4}-\d{2}-\d{2})\)?/g)].map((m) => m[1]!).at(-1);
    const oneYear = [...note.matchAll(/one year from (\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]!).at(-1);
    out.suspendedTo = to ?? (oneYear ? addYear(oneYear) : undefined);
  } else if (st === 'removed') {
    out.endDate = /stopped[^.]*?from (\d{4}-\d{2}-\d{2})/i.exec(note)?.[1];
  }
  return out;
}

function addYear(date: IsoDate): IsoDate {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return parseDate(next) ?? addDays(date, 365);
}

export function parseChinaListsCsv(text: string, source = 'China lists CSV'): ListEntry[] {
  const entries: ListEntry[] = [];
  csvRows(text, source).forEach((r, i) => {
    const where = `${source}: row ${i + 2}`;
    const list = CHINA_LIST_IDS[r.list ?? ''];
    if (!list) throw new Error(`${where}: list ${JSON.stringify(r.list)} must be one of ${Object.keys(CHINA_LIST_IDS).join(', ')}`);
    const zh = r.name_zh?.trim();
    const en = r.name_en?.trim();
    const name = en || zh;
    if (!name) throw new Error(`${where}: name_en or name_zh is required`);
    const st = status(r.status, where);
    const country = countryCode(r.country);
    const entry: ListEntry = {
      id: '',
      list,
      name,
      altNames: [...(en && zh ? [zh] : []), ...splitMulti(r.aliases)],
      type: 'entity',
      countries: country ? [country] : [],
      addresses: [],
      citation: r.announcement?.trim() || undefined,
      startDate: parseDate(r.effective_date) ?? parseDate(r.announcement_date),
      programs: r.list?.startsWith('MOFA') ? ['MOFA'] : r.list?.startsWith('MOFCOM_') ? ['MOFCOM'] : undefined,
      status: st,
      ...windowFromNote(r.status_note ?? '', st),
      remarks: [r.measures, r.status_note].filter(Boolean).join(' — ') || undefined,
      source: r.source?.trim() || undefined,
    };
    entries.push(entry);
  });
  // One company designated in several announcements is one row per designation.
  return assignIds(entries, (e) => `${e.name}|${e.citation ?? ''}`);
}

/** The generic plain layout; `list` may be fixed by the caller when the file holds one list. */
export function parsePlainListCsv(text: string, fixedList?: string, source = 'plain list CSV'): ListEntry[] {
  const rows = csvRows(text, source);
  if (rows[0] && 'name_en' in rows[0]) return parseChinaListsCsv(text, source);
  const entries: ListEntry[] = [];
  rows.forEach((r, i) => {
    const where = `${source}: row ${i + 2}`;
    const list = fixedList ?? r.list?.trim();
    if (!list) throw new Error(`${where}: list is required`);
    const name = r.name?.trim();
    if (!name) throw new Error(`${where}: name is required`);
    const st = status(r.status, where);
    const countries = splitMulti(r.country ?? r.countries).map((c) => countryCode(c)).filter((c): c is string => !!c);
    entries.push({
      id: '',
      list,
      name,
      altNames: splitMulti(r.aliases),
      type: (['entity', 'individual', 'vessel', 'aircraft'] as const).find((t) => t === r.type?.trim().toLowerCase()),
      countries,
      addresses: splitMulti(r.addresses),
      citation: cleanCitation(r.citation),
      startDate: parseDate(r.start_date),
      endDate: parseDate(r.end_date),
      programs: splitMulti(r.programs),
      licenseRequirement: r.license_requirement?.trim() || undefined,
      licensePolicy: r.license_policy?.trim() || undefined,
      status: st,
      suspendedFrom: parseDate(r.suspended_from),
      suspendedTo: parseDate(r.suspended_to),
      remarks: r.remarks?.trim() || undefined,
      source: r.source?.trim() || undefined,
    });
  });
  return assignIds(entries, (e) => `${e.name}|${e.countries[0] ?? ''}|${e.citation ?? ''}`);
}
