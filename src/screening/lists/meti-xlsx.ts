import { readSheet } from 'read-excel-file/universal';
import { isIsoDate, type IsoDate, type ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { assignContentIds } from './ids.js';
import { listFileError, type ParsedListSource } from './source.js';

/**
 * Japan METI's End User List (外国ユーザーリスト), published as an Excel
 * workbook: title rows (with the revision date), then a header row — No.,
 * country or region (国名・地域名), company or organisation name (企業名・組織名),
 * also known as (別名), type of WMD concern (懸念区分: 生物 biological,
 * 化学 chemical, ミサイル missile, 核 nuclear) — then one row per entity.
 * Columns are found by their header text (Japanese or English), so a moved
 * column is read right and a missing one is refused by name.
 *
 * Ids are content ids: "No." is renumbered at each revision.
 */
export const METI_LIST_ID = 'jp.meti.end-user-list';

const CONCERNS: [RegExp, string][] = [
  [/生物|\bB\b|biolog/i, 'biological'],
  [/化学|\bC\b|chemic/i, 'chemical'],
  [/ミサイル|\bM\b|missile/i, 'missile'],
  [/核|\bN\b|nuclear/i, 'nuclear'],
];

const COLUMNS = {
  country: /国名|地域|country/i,
  name: /企業名|組織名|company|organi[sz]ation/i,
  aka: /別名|also known|a\.?k\.?a/i,
  concern: /懸念|type of wmd|wmd/i,
} as const;

type Cell = string | number | boolean | Date | null | undefined;
const str = (c: unknown): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

const pad = (n: number): string => String(n).padStart(2, '0');
function dateOf(y: number, m: number, d: number): IsoDate | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
}

/** The revision date printed above the header: "令和7年9月29日", "2025年9月29日", "September 29, 2025" or a date cell. */
export function metiRevisionDate(text: string): IsoDate | undefined {
  let m = /令和\s*(\d+|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return dateOf(2018 + (m[1] === '元' ? 1 : Number(m[1])), Number(m[2]), Number(m[3]));
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})/i.exec(text);
  if (m) return dateOf(Number(m[3]), 'january february march april may june july august september october november december'.split(' ').indexOf(m[1]!.toLowerCase()) + 1, Number(m[2]));
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  return m ? dateOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function findHeader(rows: Cell[][], source: string): { at: number; col: Record<keyof typeof COLUMNS, number> } {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const cells = rows[i]!.map(str);
    const find = (re: RegExp): number => cells.findIndex((c) => re.test(c));
    const col = { country: find(COLUMNS.country), name: find(COLUMNS.name), aka: find(COLUMNS.aka), concern: find(COLUMNS.concern) };
    if (col.name >= 0 && col.country >= 0) {
      const missing = (Object.keys(col) as (keyof typeof col)[]).filter((k) => col[k] < 0);
      if (missing.length) throw listFileError(source, `row ${i + 1}`, `header lacks the column(s) ${missing.join(', ')} (expected No., country, company name, also known as, type of WMD concern)`);
      return { at: i, col };
    }
  }
  throw listFileError(source, 'header', 'no header row with a country (国名・地域名) and a company name (企業名・組織名) column in the first 30 rows; not a METI End User List');
}

/** The country of a cell such as "中国 China", "China" or "イラン\nIran". */
function countryOf(cell: string): string | undefined {
  return countryCode(cell) ?? cell.split(/[\s\n/()（）]+/).map((p) => countryCode(p)).find(Boolean) ?? countryCode(cell.replace(/^[^A-Za-z]+/, ''));
}

function entryFrom(cells: string[], col: Record<keyof typeof COLUMNS, number>, where: string, source: string): ListEntry | undefined {
  const name = cells[col.name] ?? '';
  if (!name) {
    if (cells.some(Boolean) && cells[col.country]) throw listFileError(source, where, 'has a country but no company or organisation name');
    return undefined;
  }
  const concernText = cells[col.concern] ?? '';
  const concerns = CONCERNS.filter(([re]) => re.test(concernText)).map(([, c]) => c);
  if (concernText && concerns.length === 0) throw listFileError(source, where, `type of WMD concern ${JSON.stringify(concernText)} is none of 生物, 化学, ミサイル, 核 (B, C, M, N)`);
  const country = countryOf(cells[col.country] ?? '');
  return {
    id: '',
    list: METI_LIST_ID,
    name,
    altNames: (cells[col.aka] ?? '')
      .split(/\s*(?:\n|;|；|、)\s*/)
      .map((a) => a.replace(/^[-・]\s*/, '').trim())
      .filter((a) => a && a !== '-' && a !== name),
    type: 'entity',
    countries: country ? [country] : [],
    addresses: [],
    citation: 'METI End User List (外国ユーザーリスト)',
    programs: concerns,
    remarks: concerns.length ? `Type of WMD concern: ${concerns.join(', ')}` : undefined,
  };
}

/** Reads the workbook's first sheet. Async because the workbook is a zip read by read-excel-file. */
export async function parseMetiEndUserXlsx(content: Uint8Array, source = 'METI End User List'): Promise<ParsedListSource> {
  let rows: Cell[][];
  try {
    const buffer = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;
    rows = (await readSheet(buffer)) as Cell[][];
  } catch (err) {
    throw listFileError(source, undefined, `not an Excel (.xlsx) workbook (${(err as Error).message})`);
  }
  const { at, col } = findHeader(rows, source);
  const entries: ListEntry[] = [];
  for (let i = at + 1; i < rows.length; i++) {
    const e = entryFrom(rows[i]!.map(str), col, `row ${i + 1}`, source);
    if (e) entries.push(e);
  }
  if (entries.length === 0) throw listFileError(source, `row ${at + 2}`, 'no entries below the header');
  const sourceDate = rows.slice(0, at).map((r) => metiRevisionDate(r.map(str).join(' '))).find(Boolean);
  assignContentIds(entries);
  return { entries, sourceDate, sourceDateKind: sourceDate ? 'publisher' : undefined, sourceDateField: sourceDate ? 'revision date above the header' : undefined };
}
