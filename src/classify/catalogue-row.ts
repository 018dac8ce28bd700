import { isCountryCode, type CatalogueInfo, type IcItem, type PerformanceFigure } from '../domain/index.js';

/** One CSV row of data/catalogue/chips.csv, as text (csv-parse with `columns: true`). */
export type CatalogueRow = Readonly<Record<string, string | undefined>>;

/** A catalogue product: the IC description it stands for, plus what the catalogue knows about it. */
export interface CatalogueEntry {
  name: string;
  /** The IC description a reference to this product resolves to (shared: never mutate). */
  ic: Readonly<IcItem>;
  /** Country of the vendor (the `origin` column), used when the reference gives none. */
  origin?: string | undefined;
  info: CatalogueInfo;
}

const REQUIRED = ['name', 'vendor', 'datacenter_marketed', 'peak_dense_tops', 'bit_length', 'die_area_mm2', 'expected_eccn'] as const;

/** A row that does not make sense; the message names the row, the column and what would be right. */
export class CatalogueRowError extends Error {
  constructor(rowNumber: number, name: string | undefined, message: string) {
    super(`catalogue row ${rowNumber}${name ? ` (${name})` : ''}: ${message}`);
    this.name = 'CatalogueRowError';
  }
}

/**
 * Turns one row into an entry. `rowNumber` is the 1-based data row (the header is row 0), so a
 * message points at the line a person has to fix.
 */
export function entryFromRow(row: CatalogueRow, rowNumber: number): CatalogueEntry {
  const text = (col: string): string => (row[col] ?? '').trim();
  const fail = (message: string): never => {
    throw new CatalogueRowError(rowNumber, text('name') || undefined, message);
  };
  for (const col of REQUIRED) if (row[col] === undefined) fail(`column "${col}" is missing`);
  const name = text('name');
  if (name === '') fail('"name" is empty');

  const number = (col: string): number | undefined => {
    const v = text(col);
    if (v === '') return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) fail(`"${col}" is "${v}"; it must be a non-negative number or empty`);
    return n;
  };
  const tops = number('peak_dense_tops');
  const bits = number('bit_length');
  const area = number('die_area_mm2');
  if ((tops === undefined) !== (bits === undefined)) fail('"peak_dense_tops" and "bit_length" must both be given or both be empty');
  if (bits !== undefined && (!Number.isInteger(bits) || bits < 1 || bits > 128)) fail(`"bit_length" is ${bits}; it must be a whole number from 1 to 128`);
  if (area === 0) fail('"die_area_mm2" is 0; leave it empty when the area is not published');

  const dc = text('datacenter_marketed').toLowerCase();
  if (dc !== '' && dc !== 'yes' && dc !== 'no') fail(`"datacenter_marketed" is "${dc}"; use yes, no or leave it empty`);

  const origin = text('origin');
  if (origin !== '' && !isCountryCode(origin)) fail(`"origin" is "${origin}"; it must be an ISO country code such as US or CN`);

  const vendor = text('vendor') || undefined;
  const performance: PerformanceFigure[] | undefined =
    tops !== undefined && bits !== undefined ? [Object.freeze({ bits, tops })] : undefined;
  const ic: IcItem = { kind: 'ic', name, model: name };
  if (vendor !== undefined) ic.vendor = vendor;
  if (dc !== '') ic.datacenter = dc === 'yes';
  if (performance !== undefined) ic.performance = Object.freeze(performance) as PerformanceFigure[];
  // die_area_mm2 is already the applicable area (rules.md §9): one non-planar logic die stands for it.
  if (area !== undefined) ic.dies = Object.freeze([Object.freeze({ areaMm2: area, nonPlanar: true })]) as IcItem['dies'];
  const memBw = number('mem_bw_gbs');
  if (memBw !== undefined) ic.memoryBandwidthGBs = memBw;
  const io = number('interconnect_gbs');
  if (io !== undefined) ic.interconnectGBs = io;

  const info: CatalogueInfo = {
    name,
    vendor,
    tags: Object.freeze(text('tags')
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t.length > 0)) as string[],
    source: text('source') || undefined,
    confidence: text('confidence') || undefined,
    note: text('note') || undefined,
    expectedCode: text('expected_eccn') || undefined,
  };
  return { name, ic: Object.freeze(ic), origin: origin || undefined, info: Object.freeze(info) };
}
