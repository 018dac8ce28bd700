import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { IsoDate, ListEntry, ListVersion, LocalName } from '../domain/index.js';
import {
  createScreener,
  parseChinaListsCsv,
  parseCslCsv,
  parseLexicon,
  parseListExtract,
  parseOfacLegacy,
  parsePlainListCsv,
  parseUnConsolidatedXml,
  type Lexicon,
  type RedlineScreener,
} from '../screening/index.js';
import { LISTS_DIR } from './paths.js';

/**
 * The bundled restricted-party lists: reads data/lists/manifest.json, parses
 * each file with its loader, attaches the curated local-script names, and
 * builds the default screener once per process.
 */
interface ManifestSource {
  file: string;
  format: 'extract-json' | 'csl-csv' | 'china-csv' | 'plain-csv' | 'ofac-legacy' | 'un-xml';
  sourceDate?: IsoDate;
  list?: string;
  exclude?: string[];
  include?: string[];
  /** For ofac-legacy: the add/alt/comments files beside `file`. */
  add?: string;
  alt?: string;
  comments?: string;
}

interface Manifest {
  titles: Record<string, string>;
  sources: ManifestSource[];
  localNames?: string;
}

export interface BundledLists {
  entries: ListEntry[];
  versions: ListVersion[];
}

export function loadLexiconSync(dir = LISTS_DIR): Lexicon {
  const read = (f: string): string => readFileSync(join(dir, 'terms', f), 'utf8');
  return parseLexicon({
    legalForms: read('legal_forms.csv'),
    abbreviations: read('abbreviations.csv'),
    stopwords: read('stopwords.csv'),
    glossaryZh: read('glossary_zh.csv'),
    phrases: read('phrases.csv'),
    numbers: read('numbers.csv'),
    genericWords: read('generic_words.csv'),
  });
}

async function parseSource(dir: string, src: ManifestSource): Promise<{ entries: ListEntry[]; sourceDate?: IsoDate | undefined }> {
  const path = join(dir, src.file);
  const text = await readFile(path, src.format === 'ofac-legacy' ? 'latin1' : 'utf8');
  switch (src.format) {
    case 'extract-json': {
      const parsed = parseListExtract(text, src.file);
      return { entries: parsed.entries, sourceDate: src.sourceDate ?? parsed.sourceDate };
    }
    case 'csl-csv':
      return { entries: parseCslCsv(text, src.file), sourceDate: src.sourceDate };
    case 'china-csv':
      return { entries: parseChinaListsCsv(text, src.file), sourceDate: src.sourceDate };
    case 'plain-csv':
      return { entries: parsePlainListCsv(text, src.list, src.file), sourceDate: src.sourceDate };
    case 'un-xml': {
      const parsed = parseUnConsolidatedXml(text, src.file);
      return { entries: parsed.entries, sourceDate: src.sourceDate ?? parsed.sourceDate };
    }
    case 'ofac-legacy': {
      const side = async (f?: string): Promise<string | undefined> => (f ? readFile(join(dir, f), 'latin1') : undefined);
      const entries = parseOfacLegacy({ sdn: text, add: await side(src.add), alt: await side(src.alt), comments: await side(src.comments) }, src.list, src.file);
      return { entries, sourceDate: src.sourceDate };
    }
  }
}

const CONFIDENCE = new Set(['high', 'medium', 'low']);

/**
 * Attaches curated names (`list,name,name_zh,source[,source_type,confidence,brand_zh]`) to the
 * entries of that list with that name. Every entry of that name gets the row (address variants
 * share a name); a row that names no entry, or has a bad confidence, is an error naming the line.
 * With `missing: 'skip'` (a newer version of a list, where a curated entry may have left it) a row
 * that names no entry is passed over; an entry that already carries that local name keeps one copy.
 */
export function attachLocalNames(entries: ListEntry[], csvText: string, source = 'local names', options: { missing?: 'error' | 'skip' } = {}): number {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, trim: true, comment: '#' }) as Record<string, string>[];
  const byName = new Map<string, ListEntry[]>();
  for (const e of entries) {
    const key = `${e.list}|${e.name.toLowerCase()}`;
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  let attached = 0;
  rows.forEach((r, i) => {
    if (!r.list || !r.name || !r.name_zh || !r.source) throw new Error(`${source}: row ${i + 2}: list, name, name_zh and source are all required`);
    if (r.confidence && !CONFIDENCE.has(r.confidence)) throw new Error(`${source}: row ${i + 2}: confidence must be high, medium or low, not ${JSON.stringify(r.confidence)}`);
    const targets = byName.get(`${r.list}|${r.name.toLowerCase()}`);
    if (!targets) {
      if (options.missing === 'skip') return;
      throw new Error(`${source}: row ${i + 2}: no ${r.list} entry is named ${JSON.stringify(r.name)}`);
    }
    const local: LocalName = { name: r.name_zh, source: r.source };
    if (r.confidence) local.confidence = r.confidence as LocalName['confidence'];
    if (r.source_type) local.sourceType = r.source_type;
    if (r.brand_zh) local.brand = r.brand_zh;
    for (const e of targets) {
      if (e.localNames?.some((l) => l.name === local.name && l.source === local.source)) continue;
      e.localNames = [...(e.localNames ?? []), { ...local }];
      attached++;
    }
  });
  return attached;
}

/**
 * The curated local-script names (data/lists/cn/cn_names_curated.csv) attached to a newer version
 * of a list — an official file prints these entries in English only, so without them a list
 * update would drop the Chinese names the bundled snapshot carried (and re-loading the very file
 * a snapshot came from would show every curated entry as changed). Rows naming an entry the new
 * version no longer holds are skipped. Returns how many were attached.
 */
export async function attachCuratedLocalNames(entries: ListEntry[], dir = LISTS_DIR): Promise<number> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (!manifest.localNames) return 0;
  return attachLocalNames(entries, await readFile(join(dir, manifest.localNames), 'utf8'), manifest.localNames, { missing: 'skip' });
}

/** SHA-256 of a list's entries in id order: changes exactly when the list's content changes. */
export function listContentHash(entries: readonly ListEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

export async function loadBundledLists(dir = LISTS_DIR): Promise<BundledLists> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const parsed = await Promise.all(manifest.sources.map((s) => parseSource(dir, s)));
  const byList = new Map<string, { entries: ListEntry[]; sourceDate?: IsoDate | undefined }>();
  manifest.sources.forEach((src, i) => {
    const { entries, sourceDate } = parsed[i]!;
    for (const e of entries) {
      if (src.exclude?.includes(e.list) || (src.include && !src.include.includes(e.list))) continue;
      const slot = byList.get(e.list) ?? { entries: [], sourceDate };
      slot.entries.push(e);
      byList.set(e.list, slot);
    }
  });
  const entries = [...byList.values()].flatMap((s) => s.entries);
  if (manifest.localNames) attachLocalNames(entries, await readFile(join(dir, manifest.localNames), 'utf8'), manifest.localNames);
  const versions: ListVersion[] = [...byList.entries()].map(([list, s]) => ({
    list,
    title: manifest.titles[list] ?? list,
    sourceDate: s.sourceDate ?? 'unknown',
    hash: listContentHash(s.entries),
    entries: s.entries.length,
    bundledSnapshot: true,
  }));
  versions.sort((a, b) => a.list.localeCompare(b.list));
  return { entries, versions };
}

let cached: Promise<RedlineScreener> | undefined;

/** The default screener over the bundled lists, built once per process (index build ≤ 2 s). */
export function loadDefaultScreener(): Promise<RedlineScreener> {
  cached ??= (async () => {
    const { entries, versions } = await loadBundledLists();
    return createScreener({ entries, versions, lexicon: loadLexiconSync() });
  })();
  return cached;
}
