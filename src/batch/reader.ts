import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../domain/index.js';
import { CsvGrammarError, csvRecords } from './csv-records.js';
import { checkCsvHeader } from './csv-row.js';
import { echoedId, type RawRow } from './rows.js';

export type InputFormat = 'csv' | 'jsonl';

/** `.csv` is CSV; `.jsonl`, `.ndjson` and `.json` are JSON Lines; anything else is a bad-input error. */
export function inputFormatOf(path: string): InputFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return 'jsonl';
  throw new InputError([{ path, message: 'the order book must be a .csv or a .jsonl (JSON Lines) file' }]);
}

export type ReadRow = RawRow;

/** A single record longer than this is a runaway cell or quote, not an order line. */
export const MAX_RECORD_CHARS = 1_000_000;

/** A book that breaks the CSV grammar where no record can be isolated: bad input, naming the line. */
function grammarStop(source: string, err: CsvGrammarError, rowsBefore: number): InputError {
  const before = rowsBefore ? ` (the ${rowsBefore.toLocaleString('en-US')} rows before it were answered)` : '';
  return new InputError([{ path: `${source}: line ${err.line}`, message: `${err.message.replace(/^line \d+: /, '')}${before}` }]);
}

async function* csvRows(input: Readable, source: string, maxRecordChars = MAX_RECORD_CHARS): AsyncGenerator<ReadRow> {
  let header: string[] | undefined;
  let idAt = -1;
  let row = 0;
  try {
    for await (const record of csvRecords(input, maxRecordChars)) {
      if (!header) {
        if (record.problem) throw new InputError([{ path: `${source}: header (line ${record.line})`, message: record.problem }]);
        header = checkCsvHeader(record.cells, `${source}: header`);
        idAt = header.indexOf('id');
        continue;
      }
      row++;
      const line = record.line;
      const id = idAt >= 0 ? echoedId(record.cells[idAt]) : undefined;
      const at = record.lastLine > line ? `lines ${line}–${record.lastLine}` : `line ${line}`;
      if (record.problem) {
        yield { row, line, problem: `${at}: ${record.problem}`, id };
        continue;
      }
      if (record.cells.length !== header.length) {
        yield { row, line, problem: `${at}: has ${record.cells.length} cells; the header has ${header.length}`, id };
        continue;
      }
      const csv: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) csv[header[i]!] = record.cells[i]!;
      yield { row, line, csv };
    }
  } catch (err) {
    if (err instanceof CsvGrammarError) throw grammarStop(source, err, row);
    throw err;
  }
  if (!header) throw new InputError([{ path: source, message: 'the file is empty: a CSV order book needs a header row (see docs/batch.md)' }]);
}

async function* jsonlRows(input: Readable): AsyncGenerator<ReadRow> {
  let row = 0;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    // A byte-order mark is how some editors start a UTF-8 file, not part of the first row.
    const json = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // Blank lines are layout, not rows (docs/batch.md).
    if (!json.trim()) continue;
    if (json.length > MAX_RECORD_CHARS) {
      yield { row: ++row, line, problem: `line ${line}: the line is ${json.length.toLocaleString('en-US')} characters long, over the limit of ${MAX_RECORD_CHARS.toLocaleString('en-US')}: a line this long is not an order line` };
      continue;
    }
    yield { row: ++row, line, json };
  }
}

/**
 * Streams the rows of an order book, numbered from 1 in input order with the line each starts on,
 * holding one record at a time. Every record comes out, as a row or as a bad row; a book whose
 * grammar leaves no way to tell its rows apart (a quote never closed) ends in an InputError
 * naming the line, never in a silent early end.
 */
export function readRows(input: Readable, format: InputFormat, source: string, maxRecordChars?: number): AsyncGenerator<ReadRow> {
  return format === 'csv' ? csvRows(input, source, maxRecordChars) : jsonlRows(input);
}

/** Opens a file for reading, turning "no such file" into a bad-input error before any work starts. */
export async function openInput(path: string): Promise<Readable> {
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) =>
      reject(new InputError([{ path, message: err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code ?? 'error'})` }])),
    );
  });
  return stream;
}
