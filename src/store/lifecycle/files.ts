import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, isIsoDate, type IsoDate, type ListEntry } from '../../domain/index.js';
import type { SourceDateKind } from '../types.js';
import { parseChinaListsCsv, parseCslCsv, parseListExtract, parseOfacLegacy, parsePlainListCsv } from '../../screening/index.js';

export const LIST_FORMATS = ['csl-csv', 'extract-json', 'ofac-legacy', 'plain-csv', 'china-csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export function isListFormat(v: unknown): v is ListFormat {
  return typeof v === 'string' && (LIST_FORMATS as readonly string[]).includes(v);
}

export interface ParsedListFile {
  file: string;
  format: ListFormat;
  sourceDate: IsoDate;
  /** Where `sourceDate` came from. */
  sourceDateKind: SourceDateKind;
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
  if (extname(file).toLowerCase() === '.json') return 'extract-json';
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const cells = first.split(',').map((c) => c.replace(/^"|"$/g, '').trim());
  if (cells.includes('_id') && cells.includes('federal_register_notice')) return 'csl-csv';
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

async function readText(file: string, encoding: BufferEncoding): Promise<string> {
  try {
    return await readFile(file, encoding);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path: file, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})` }]);
  }
}

function parseEntries(format: ListFormat, text: string, file: string, options: ParseListFileOptions, side: Record<string, string | undefined>): { entries: ListEntry[]; sourceDate?: IsoDate | undefined } {
  const name = basename(file);
  switch (format) {
    case 'extract-json': {
      const parsed = parseListExtract(text, name);
      return { entries: parsed.entries, sourceDate: parsed.sourceDate };
    }
    case 'csl-csv':
      return { entries: parseCslCsv(text, name) };
    case 'china-csv':
      return { entries: parseChinaListsCsv(text, name) };
    case 'plain-csv':
      return { entries: parsePlainListCsv(text, options.list, name) };
    case 'ofac-legacy':
      // The consolidated (non-SDN) files hold several OFAC lists in one; without --list they load as one list.
      return { entries: parseOfacLegacy({ sdn: text, add: side.add, alt: side.alt, comments: side.comments }, options.list ?? (/cons_prim/i.test(name) ? 'us.ofac.consolidated' : 'us.ofac.sdn'), name) };
  }
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
  const guessText = await readText(file, 'utf8');
  const format = (options.format as ListFormat | undefined) ?? detectListFormat(file, guessText);
  if (!format) throw new InputError([{ path: file, message: `cannot tell the list format from the name or first line; give --format (${LIST_FORMATS.join(', ')})` }]);
  // OFAC's legacy files are Latin-1, not UTF-8.
  const text = format === 'ofac-legacy' ? await readText(file, 'latin1') : guessText;
  const sidePaths = format === 'ofac-legacy' ? ofacSideFiles(file) : {};
  const side: Record<string, string | undefined> = {};
  for (const [k, p] of Object.entries(sidePaths)) side[k] = await readText(p, 'latin1');
  let parsed: { entries: ListEntry[]; sourceDate?: IsoDate | undefined };
  try {
    parsed = parseEntries(format, text, file, options, side);
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
  const dated: { date: IsoDate; kind: SourceDateKind } | undefined = options.sourceDate
    ? { date: options.sourceDate, kind: 'given' }
    : parsed.sourceDate
      ? { date: parsed.sourceDate, kind: 'publisher' }
      : (options.fallbackSourceDate ?? (fromName && isIsoDate(fromName) ? { date: fromName, kind: 'file-name' } : undefined));
  if (!dated) {
    throw new InputError([{ path: '--source-date', message: `the date the list was published cannot be read from ${basename(file)}; give --source-date YYYY-MM-DD` }]);
  }
  return { file, format, sourceDate: dated.date, sourceDateKind: dated.kind, lists, sideFiles: Object.values(sidePaths) };
}
