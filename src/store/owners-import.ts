import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../domain/index.js';
import { REGISTER_COLUMNS, validateRegisterRows, type RegisterRow } from '../ownership/index.js';
import type { OwnersImport, Store } from './types.js';

const ALIASES: Record<string, (typeof REGISTER_COLUMNS)[number]> = { 'as-of': 'as_of', 'as of': 'as_of', asof: 'as_of', 'as_of_date': 'as_of', pct: 'share' };
const REQUIRED = ['entity', 'owner', 'share', 'as_of'] as const;

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * A file without a double quote anywhere is plain comma-separated lines (RFC 4180 needs quotes
 * for anything else), so it is split directly: csv-parse costs ~20x more per row, which is most
 * of a 100,000-edge import. Anything quoted goes through csv-parse.
 */
function splitPlainCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === '') continue;
    out.push({ record: line.split(',').map((f) => f.trim()), info: { lines: i + 1 } });
  }
  return out;
}

function readCsv(text: string): CsvRecord[] {
  if (!text.includes('"')) return splitPlainCsv(text);
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new InputError([{ path: err.lines ? `line ${err.lines}` : 'file', message: `not readable as CSV: ${err.message}` }]);
  }
}

/** Reads a register CSV (header: entity, owner, share, as_of[, source]); problems name the line. */
export function parseRegisterCsv(text: string): RegisterRow[] {
  const records = readCsv(text);
  if (!records.length) throw new InputError([{ path: 'file', message: `is empty; the first line names the columns ${REGISTER_COLUMNS.join(', ')}` }]);
  const header = records[0]!.record.map((h) => {
    const k = h.trim().toLowerCase();
    return ALIASES[k] ?? k;
  });
  const problems: InputProblem[] = [];
  header.forEach((h, i) => {
    if (!(REGISTER_COLUMNS as readonly string[]).includes(h)) problems.push({ path: `line 1, column ${i + 1}`, message: `unknown column "${records[0]!.record[i]}"; the columns are ${REGISTER_COLUMNS.join(', ')}` });
  });
  for (const r of REQUIRED) if (!header.includes(r)) problems.push({ path: 'line 1', message: `the column "${r}" is missing; the columns are ${REGISTER_COLUMNS.join(', ')}` });
  if (problems.length) throw new InputError(problems);
  const rows: RegisterRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      problems.push({ path: `line ${info.lines}`, message: `has ${record.length} fields, the header has ${header.length}` });
      continue;
    }
    const row: RegisterRow = { line: info.lines };
    header.forEach((h, i) => ((row as unknown as Record<string, string>)[h] = record[i]!));
    rows.push(row);
  }
  if (problems.length) throw new InputError(problems);
  return rows;
}

/**
 * Validates a whole register file, then stores it as one new import. Any bad row rejects the
 * file (InputError naming every bad line) and stores nothing, so what was imported before stays.
 */
export async function importRegisterCsv(store: Store, text: string, options: { source?: string | undefined; keyId?: string | undefined } = {}): Promise<OwnersImport> {
  const rows = parseRegisterCsv(text);
  if (!rows.length) throw new InputError([{ path: 'file', message: 'holds a header but no rows' }]);
  const { edges, problems } = validateRegisterRows(rows);
  if (problems.length) throw new InputError(problems);
  const hash = `sha256:${createHash('sha256').update(text).digest('hex')}`;
  return store.importOwners({ edges, hash, source: options.source, keyId: options.keyId });
}
