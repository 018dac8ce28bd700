import { parse } from 'csv-parse/sync';
import type { ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { assignIds } from './ids.js';

/**
 * OFAC's legacy CSV files: `sdn.csv` (or the consolidated `cons_prim.csv`),
 * with `add.csv`, `alt.csv` and `sdn_comments.csv` joined on `ent_num`. No
 * header row, `-0- ` for empty, CRLF lines and a trailing SUB (0x1A) byte.
 */
export interface OfacLegacyFiles {
  sdn: string;
  add?: string | undefined;
  alt?: string | undefined;
  comments?: string | undefined;
}

const TYPES: Record<string, ListEntry['type']> = { individual: 'individual', vessel: 'vessel', aircraft: 'aircraft' };

function rows(text: string, columns: number, source: string): string[][] {
  const clean = text.replace(/\u001a/g, '');
  let out: string[][];
  try {
    out = parse(clean, { skip_empty_lines: true, relax_quotes: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
  return out.map((r) => {
    const cells = r.map((c) => (c === '-0-' ? '' : c));
    while (cells.length < columns) cells.push('');
    return cells;
  });
}

export function parseOfacLegacy(files: OfacLegacyFiles, list = 'us.ofac.sdn', source = 'OFAC legacy CSV'): ListEntry[] {
  const byNum = new Map<string, ListEntry>();
  const entries: ListEntry[] = [];
  rows(files.sdn, 12, `${source} (sdn)`).forEach((r, i) => {
    const [num, name, type, program, title, , , , , , , remarks] = r;
    if (!num || !/^\d+$/.test(num)) throw new Error(`${source} (sdn): row ${i + 1}: ent_num ${JSON.stringify(num)} is not a number`);
    if (!name) return;
    const entry: ListEntry = {
      id: '',
      list,
      name,
      altNames: [],
      type: TYPES[(type ?? '').toLowerCase()] ?? 'entity',
      countries: [],
      addresses: [],
      programs: (program ?? '')
        .split(/\]\s*\[|\s*;\s*/)
        .map((p) => p.replace(/[[\]]/g, '').trim())
        .filter(Boolean),
      remarks: [title, remarks].filter(Boolean).join('; ') || undefined,
      sourceId: num,
    };
    byNum.set(num, entry);
    entries.push(entry);
  });
  if (files.add) {
    for (const [num, , street, city, country, remarks] of rows(files.add, 6, `${source} (add)`)) {
      const e = byNum.get(num ?? '');
      if (!e) continue;
      const text = [street, city, country, remarks].filter(Boolean).join(', ');
      if (text) e.addresses.push(text);
      const code = countryCode(country);
      if (code && !e.countries.includes(code)) e.countries.push(code);
    }
  }
  if (files.alt) {
    for (const [num, , , altName] of rows(files.alt, 5, `${source} (alt)`)) {
      const e = byNum.get(num ?? '');
      if (e && altName) e.altNames.push(altName);
    }
  }
  if (files.comments) {
    for (const [num, text] of rows(files.comments, 2, `${source} (comments)`)) {
      const e = byNum.get(num ?? '');
      if (e && text) e.remarks = e.remarks ? `${e.remarks} ${text}` : text;
    }
  }
  return assignIds(entries, (e) => `#${e.sourceId}`);
}
