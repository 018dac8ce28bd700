import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { InputError } from '../domain/index.js';
import { checkCsvHeader } from './csv-row.js';
import type { RawRow } from './rows.js';

export type InputFormat = 'csv' | 'jsonl';

/** `.csv` is CSV; `.jsonl`, `.ndjson` and `.json` are JSON Lines; anything else is a bad-input error. */
export function inputFormatOf(path: string): InputFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return 'jsonl';
  throw new InputError([{ path, message: 'the order book must be a .csv or a .jsonl (JSON Lines) file' }]);
}

export type ReadRow = RawRow;

/** A single record longer than this is a runaway quote, not an order line. */
const MAX_RECORD_CHARS = 1_000_000;

async function* csvRows(input: Readable, source: string): AsyncGenerator<ReadRow> {
  const skipped: string[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      on_skip: (err) => {
        skipped.push(err?.message ?? 'unreadable CSV record');
        return undefined;
      },
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let header: string[] | undefined;
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = checkCsvHeader(record, `${source}: header`);
      continue;
    }
    // A skipped record is still a row: it is answered with an error, never dropped.
    while (skipped.length) yield { row: ++row, problem: skipped.shift()! };
    row++;
    if (record.length !== header.length) {
      yield { row, problem: `has ${record.length} cells; the header has ${header.length}`, id: header[0] === 'id' ? record[0] : undefined };
      continue;
    }
    const csv: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) csv[header[i]!] = record[i]!;
    yield { row, csv };
  }
  while (skipped.length) yield { row: ++row, problem: skipped.shift()! };
  if (!header) throw new InputError([{ path: source, message: 'the file is empty: a CSV order book needs a header row (see docs/batch.md)' }]);
}

async function* jsonlRows(input: Readable): AsyncGenerator<ReadRow> {
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    // Blank lines are layout, not rows (docs/batch.md).
    if (!line.trim()) continue;
    yield { row: ++row, json: line };
  }
}

/** Streams the rows of an order book, numbered from 1 in input order, holding one record at a time. */
export function readRows(input: Readable, format: InputFormat, source: string): AsyncGenerator<ReadRow> {
  return format === 'csv' ? csvRows(input, source) : jsonlRows(input);
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
