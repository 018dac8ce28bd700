import { factLabel, InputError, JURISDICTIONS, type Determination, type InputProblem, type IsoDate } from '../domain/index.js';
import type { Redline } from '../bundle/redline.js';
import { columnOfPath, transactionFromCsvRecord } from './csv-row.js';

/**
 * One input row as the reader hands it on: a CSV record (columns → cells) or one JSON Lines line.
 * `row` counts rows from 1 after any header; `line` is the line of the file the row starts on.
 */
export type RawRow =
  | { row: number; line?: number | undefined; csv: Record<string, string | undefined> }
  | { row: number; line?: number | undefined; json: string }
  /** A row the reader already knows is bad (wrong number of cells, a record the CSV parser could not read). */
  | { row: number; line?: number | undefined; problem: string; id?: string | undefined };

/** The answer for one row: a compact determination summary, or the problems that stopped it. */
export type RowResult =
  | {
      row: number;
      line?: number | undefined;
      id?: string | undefined;
      outcome: Determination['outcome'];
      jurisdictions: Partial<Record<string, string>>;
      measures: string[];
      missing: string[];
      /** `missing` in the input's own words: CSV column names for a CSV book, the form's labels otherwise. */
      missingFields?: string[];
    }
  | { row: number; line?: number | undefined; id?: string | undefined; error: string; problems: InputProblem[] };

/** Ids are echoed back to find the line by; a runaway cell is cut to this many characters. */
export const MAX_ECHOED_ID = 100;

/** An id as echoed in answers: trimmed, and cut (with …) when longer than MAX_ECHOED_ID. */
export function echoedId(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  return v.length > MAX_ECHOED_ID ? `${v.slice(0, MAX_ECHOED_ID)}…` : v;
}

export function isRowError(r: RowResult): r is Extract<RowResult, { error: string }> {
  return 'error' in r;
}

/** Parses one JSON Lines line into a transaction input; a syntax error names the column. */
export function transactionFromJsonLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    throw new InputError([{ path: pos ? `column ${Number(pos[1]) + 1}` : '', message: `invalid JSON (${msg})` }]);
  }
}

function idOf(raw: RawRow): string | undefined {
  if ('problem' in raw) return echoedId(raw.id);
  if ('csv' in raw) return echoedId(raw.csv.id);
  // Cheap id sniff for error rows, so a caller can find the line in their own system.
  const m = /"id"\s*:\s*"((?:[^"\\]|\\.){0,200})"/.exec(raw.json);
  return m ? echoedId(m[1]) : undefined;
}

/** A missing-fact note with its transaction path renamed to the CSV column it came from. */
function missingAsColumn(m: string, origins: Origins): string {
  const noted = /^((?:parties|items)\[\d+\]):\s*(.*)$/s.exec(m);
  if (noted) return `${columnOfPath(noted[1]!, origins)}: ${noted[2]}`;
  return /^[a-zA-Z]+(\[\d+\])?(\.[\w.[\]]+)?$/.test(m) ? columnOfPath(m, origins) : m;
}

type Origins = Parameters<typeof columnOfPath>[1];

function summarise(row: number, line: number | undefined, d: Determination, origins?: Origins): RowResult {
  const jurisdictions: Partial<Record<string, string>> = {};
  const measures = new Set<string>();
  for (const j of d.jurisdictions) {
    jurisdictions[j.jurisdiction] = j.outcome;
    for (const f of j.findings) measures.add(f.measure);
  }
  for (const f of d.redFlags) measures.add(f.measure);
  const missingFields = d.missing.map((m) => (origins ? missingAsColumn(m, origins) : factLabel(m)));
  return { row, ...(line !== undefined ? { line } : {}), id: d.id, outcome: d.outcome, jurisdictions, measures: [...measures], missing: d.missing, ...(missingFields.length ? { missingFields } : {}) };
}

/** A row's transaction and full determination, for callers that record them (API batches). */
export type KeepDetermination = (row: number, input: unknown, determination: Determination) => void;

/** Determines one row. Bad input becomes an error row; any other failure is a bug and propagates. */
export function processRow(raw: RawRow, redline: Redline, asOf: IsoDate | undefined, keep?: KeepDetermination): RowResult {
  let origins: Origins | undefined;
  try {
    let tx: unknown;
    if ('problem' in raw) throw new InputError([{ path: '', message: raw.problem }]);
    if ('csv' in raw) {
      const built = transactionFromCsvRecord(raw.csv);
      tx = built.tx;
      origins = built.origins;
    } else {
      tx = transactionFromJsonLine(raw.json);
      if (tx === null || typeof tx !== 'object' || Array.isArray(tx)) {
        throw new InputError([{ path: '', message: 'each line must be one JSON object (a transaction)' }]);
      }
    }
    const d = redline.check(tx, { asOf });
    keep?.(raw.row, tx, d);
    return summarise(raw.row, raw.line, d, origins);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const problems = origins ? err.problems.map((p) => ({ path: columnOfPath(p.path, origins!), message: p.message })) : err.problems;
    const error = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    return { row: raw.row, ...(raw.line !== undefined ? { line: raw.line } : {}), id: idOf(raw), error, problems };
  }
}

/** Output formats by file extension: `.csv` or JSON Lines (`.jsonl`, `.ndjson`, anything else). */
export type OutputFormat = 'csv' | 'jsonl';
export function formatOf(path: string): OutputFormat {
  return /\.csv$/i.test(path) ? 'csv' : 'jsonl';
}

const JURISDICTION_COLUMNS = JURISDICTIONS.map((j) => j.toLowerCase());
/** `line` (the line of the input file the row starts on) came last, so older readers of the columns before it are unaffected. */
export const RESULT_CSV_HEADER = `row,id,outcome,${JURISDICTION_COLUMNS.join(',')},measures,missing,error,line\n`;
export const ERROR_CSV_HEADER = 'row,id,error,line\n';

/** Quotes a CSV cell only when it must (RFC 4180), and defuses spreadsheet formulas. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultLine(r: RowResult, format: OutputFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(r)}\n`;
  if (isRowError(r)) return `${r.row},${csvCell(r.id)},,${JURISDICTIONS.map(() => '').join(',')},,,${csvCell(r.error)},${r.line ?? ''}\n`;
  const js = JURISDICTIONS.map((j) => r.jurisdictions[j] ?? '').join(',');
  return `${r.row},${csvCell(r.id)},${r.outcome},${js},${csvCell(r.measures.join(' '))},${csvCell((r.missingFields ?? r.missing).join('; '))},,${r.line ?? ''}\n`;
}

export function errorLine(r: Extract<RowResult, { error: string }>, format: OutputFormat): string {
  if (format === 'jsonl') return `${JSON.stringify({ row: r.row, line: r.line, id: r.id, error: r.error, problems: r.problems })}\n`;
  return `${r.row},${csvCell(r.id)},${csvCell(r.error)},${r.line ?? ''}\n`;
}
