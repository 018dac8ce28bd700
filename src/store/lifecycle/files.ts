import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, isIsoDate, type IsoDate, type ListEntry } from '../../domain/index.js';
import {
  parseChinaListsCsv,
  parseCslCsv,
  parseCslJson,
  parseEuFsfXml,
  parseListExtract,
  parseMetiEndUserXlsx,
  parseOfacLegacy,
  parseOfacXml,
  parsePlainListCsv,
  parseUkSanctionsCsv,
  parseUnConsolidatedXml,
  newestEntryDate,
  type ParsedListSource,
} from '../../screening/index.js';
import type { SourceDateKind } from '../types.js';

export const LIST_FORMATS = ['csl-csv', 'extract-json', 'ofac-legacy', 'plain-csv', 'china-csv', 'csl-json', 'ofac-xml', 'un-xml', 'eu-fsf-xml', 'uk-sanctions-csv', 'meti-xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Formats whose files are binary (read as bytes, parsed by `parseListContent`, not `parseEntries`). */
export const BINARY_LIST_FORMATS: readonly ListFormat[] = ['meti-xlsx'];

/**
 * How the version's source date was found: the kinds a loader reports
 * (`publisher`, `newest-entry`; `http-last-modified` and `fetched` come from a
 * fetcher), plus `operator` (given with --source-date) and `file-name` (a date
 * in the file's name).
 */
export type ListSourceDateKind = SourceDateKind;

export function isListFormat(v: unknown): v is ListFormat {
  return typeof v === 'string' && (LIST_FORMATS as readonly string[]).includes(v);
}

export interface ParsedListFile {
  file: string;
  format: ListFormat;
  sourceDate: IsoDate;
  /** Where `sourceDate` came from. */
  sourceDateKind: SourceDateKind;
  /** The field of the file the date was read from, when the file carried it. */
  sourceDateField?: string | undefined;
  /** Entries grouped by list id, each in file order. */
  lists: Map<string, ListEntry[]>;
  /** The OFAC side files read with the main file. */
  sideFiles: string[];
}

export interface ParseListFileOptions {
  format?: string | undefined;
  /** Fixes the list id (plain CSV, OFAC legacy) or keeps only that list (CSL, China CSV). */
  list?: string | undefined;
  /** Keep only these lists, or all but these, from a file that holds several (a CSL file). */
  include?: readonly string[] | undefined;
  exclude?: readonly string[] | undefined;
  sourceDate?: string | undefined;
  /**
   * The date to use when the file carries no publisher's date (a download's Last-Modified, or
   * the fetch time): it comes after the file's own date and before one read from the file name.
   */
  fallbackSourceDate?: { date: IsoDate; kind: SourceDateKind } | undefined;
}

/** Guesses the format from the extension and the first line; `--format` overrides. */
export function detectListFormat(file: string, text: string): ListFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || text.startsWith('PK\u0003\u0004')) return 'meti-xlsx';
  const head = text.replace(/^\uFEFF/, '').slice(0, 4000);
  if (ext === '.json' || /^\s*[{[]/.test(head)) return /"results"\s*:/.test(head) && !/"list_id"\s*:/.test(head) ? 'csl-json' : 'extract-json';
  if (ext === '.xml' || /^\s*</.test(head)) {
    const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[2];
    if (root === 'CONSOLIDATED_LIST') return 'un-xml';
    if (root === 'sdnList') return 'ofac-xml';
    if (root === 'export') return 'eu-fsf-xml';
    return undefined;
  }
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (/^"?report date/.test(first)) return 'uk-sanctions-csv';
  const cells = first.split(',').map((c) => c.replace(/^"|"$/g, '').trim());
  if (cells.includes('_id') && cells.includes('federal_register_notice')) return 'csl-csv';
  if (cells.includes('unique id') && cells.includes('name 6')) return 'uk-sanctions-csv';
  if (cells.includes('name_en') || cells.includes('name_zh')) return 'china-csv';
  if (cells.includes('name')) return 'plain-csv';
  if (/^\d+$/.test(cells[0] ?? '')) return 'ofac-legacy';
  return undefined;
}

/** OFAC publishes `sdn.csv` with `add.csv`, `alt.csv`, `sdn_comments.csv` (and `cons_prim.csv` with `cons_add.csv` …) side by side. */
function ofacSideFiles(file: string): { add?: string; alt?: string; comments?: string } {
  const dir = dirname(file);
  const base = basename(file);
  const found = (name: string): string | undefined => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  const cons = /^(.*)cons_prim(.*)$/i.exec(base);
  if (cons) return clean({ add: found(`${cons[1]}cons_add${cons[2]}`), alt: found(`${cons[1]}cons_alt${cons[2]}`), comments: found(`${cons[1]}cons_comments${cons[2]}`) });
  const sdn = /^(.*)sdn(.*)$/i.exec(base);
  if (sdn) return clean({ add: found(`${sdn[1]}add${sdn[2]}`), alt: found(`${sdn[1]}alt${sdn[2]}`), comments: found(`${sdn[1]}sdn_comments${sdn[2]}`) });
  return {};
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path: file, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})` }]);
  }
}

async function readText(file: string, encoding: BufferEncoding): Promise<string> {
  try {
    return await readFile(file, encoding);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path: file, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})` }]);
  }
}

type ParsedEntries = Pick<ParsedListSource, 'entries' | 'sourceDate' | 'sourceDateKind' | 'sourceDateField'>;

/** The OFAC list an OFAC file holds: the consolidated (non-SDN) files load as one list unless --list says otherwise. */
function ofacList(name: string, options: ParseListFileOptions): string {
  return options.list ?? (/cons_prim|consolidated|cons\b/i.test(name) ? 'us.ofac.consolidated' : 'us.ofac.sdn');
}

/** Parses a text format (every format but the binary ones, see `parseListContent`). Loader errors propagate as thrown. */
export function parseEntries(format: ListFormat, text: string, file: string, options: ParseListFileOptions, side: Record<string, string | undefined>): ParsedEntries {
  const name = basename(file);
  switch (format) {
    case 'extract-json': {
      const parsed = parseListExtract(text, name);
      return { entries: parsed.entries, sourceDate: parsed.sourceDate, sourceDateKind: parsed.sourceDate ? 'publisher' : undefined, sourceDateField: parsed.sourceDate ? 'extracted' : undefined };
    }
    case 'csl-csv': {
      // The CSV carries no date of its own: the newest start date is a lower bound, used only when nothing better is known.
      const entries = parseCslCsv(text, name);
      const newest = newestEntryDate(entries);
      return { entries, sourceDate: newest, sourceDateKind: newest ? 'newest-entry' : undefined, sourceDateField: newest ? 'start_date (newest)' : undefined };
    }
    case 'china-csv':
      return { entries: parseChinaListsCsv(text, name) };
    case 'plain-csv':
      return { entries: parsePlainListCsv(text, options.list, name) };
    case 'ofac-legacy':
      return { entries: parseOfacLegacy({ sdn: text, add: side.add, alt: side.alt, comments: side.comments }, ofacList(name, options), name) };
    case 'csl-json':
      return parseCslJson(text, name);
    case 'ofac-xml':
      return parseOfacXml(text, ofacList(name, options), name);
    case 'un-xml':
      return parseUnConsolidatedXml(text, name);
    case 'eu-fsf-xml':
      return parseEuFsfXml(text, name);
    case 'uk-sanctions-csv':
      return parseUkSanctionsCsv(text, name);
    case 'meti-xlsx':
      throw new InputError([{ path: name, message: 'meti-xlsx is a binary (Excel) format; read it with parseListContent' }]);
  }
}

/** Parses any format from its content: bytes for the binary formats, text (or bytes, decoded as UTF-8) for the rest. */
export async function parseListContent(format: ListFormat, content: string | Uint8Array, file: string, options: ParseListFileOptions = {}, side: Record<string, string | undefined> = {}): Promise<ParsedEntries> {
  if (format === 'meti-xlsx') {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return parseMetiEndUserXlsx(bytes, basename(file));
  }
  const text = typeof content === 'string' ? content : new TextDecoder(format === 'ofac-legacy' ? 'latin1' : 'utf-8').decode(content);
  return parseEntries(format, text, file, options, side);
}

/**
 * Reads a list file with the screening loaders. Anything wrong with the file
 * or the options is bad input (exit 2) naming the file and what would be right.
 */
export async function parseListFile(file: string, options: ParseListFileOptions = {}): Promise<ParsedListFile> {
  if (options.format !== undefined && !isListFormat(options.format)) {
    throw new InputError([{ path: '--format', message: `"${options.format}" is not one of ${LIST_FORMATS.join(', ')}` }]);
  }
  if (options.sourceDate !== undefined && !isIsoDate(options.sourceDate)) {
    throw new InputError([{ path: '--source-date', message: `"${options.sourceDate}" is not a real date written YYYY-MM-DD` }]);
  }
  const guessText = extname(file).toLowerCase() === '.xlsx' ? 'PK\u0003\u0004' : await readText(file, 'utf8');
  const format = (options.format as ListFormat | undefined) ?? detectListFormat(file, guessText);
  if (!format) throw new InputError([{ path: file, message: `cannot tell the list format from the name or first line; give --format (${LIST_FORMATS.join(', ')})` }]);
  // OFAC's legacy files are Latin-1, not UTF-8.
  const text = format === 'ofac-legacy' ? await readText(file, 'latin1') : BINARY_LIST_FORMATS.includes(format) ? '' : guessText;
  const sidePaths = format === 'ofac-legacy' ? ofacSideFiles(file) : {};
  const side: Record<string, string | undefined> = {};
  for (const [k, p] of Object.entries(sidePaths)) side[k] = await readText(p, 'latin1');
  let parsed: ParsedEntries;
  try {
    parsed = BINARY_LIST_FORMATS.includes(format) ? await parseListContent(format, await readBytes(file), file, options) : parseEntries(format, text, file, options, side);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([{ path: file, message: `not a valid ${format} file: ${(err as Error).message}` }]);
  }
  const lists = new Map<string, ListEntry[]>();
  for (const e of parsed.entries) {
    if (options.list && e.list !== options.list) continue;
    if ((options.include && !options.include.includes(e.list)) || options.exclude?.includes(e.list)) continue;
    const slot = lists.get(e.list);
    if (slot) slot.push(e);
    else lists.set(e.list, [e]);
  }
  if (lists.size === 0) {
    throw new InputError([{ path: file, message: options.list ? `holds no entries of list ${options.list}` : 'holds no list entries' }]);
  }
  const fromName = /(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1];
  const nameDate = fromName && isIsoDate(fromName) ? fromName : undefined;
  // Best first: the operator's date, the publisher's, the download's (HTTP Last-Modified, fetch
  // time), a date in the file's name, and last the newest entry's date (only a lower bound).
  const publisher = parsed.sourceDate && parsed.sourceDateKind !== 'newest-entry' ? parsed.sourceDate : undefined;
  const newestEntry = parsed.sourceDate && parsed.sourceDateKind === 'newest-entry' ? parsed.sourceDate : undefined;
  const dated: { date: IsoDate; kind: SourceDateKind; field?: string | undefined } | undefined = options.sourceDate
    ? { date: options.sourceDate, kind: 'given', field: '--source-date' }
    : publisher
      ? { date: publisher, kind: parsed.sourceDateKind ?? 'publisher', field: parsed.sourceDateField }
      : (options.fallbackSourceDate ??
        (nameDate ? { date: nameDate, kind: 'file-name', field: 'file name' } : newestEntry ? { date: newestEntry, kind: 'newest-entry', field: parsed.sourceDateField } : undefined));
  if (!dated) {
    throw new InputError([{ path: '--source-date', message: `the date the list was published cannot be read from ${basename(file)}; give --source-date YYYY-MM-DD` }]);
  }
  return { file, format, sourceDate: dated.date, sourceDateKind: dated.kind, sourceDateField: dated.field, lists, sideFiles: Object.values(sidePaths) };
}
