import { writeFileSync } from 'node:fs';
import { sampleBookHeader, sampleBookLines } from './sample-book.js';

/** Writes the seeded sample book with `rows` rows to `path` (tests). */
export function writeSampleBook(path: string, rows: number, seed = 42): void {
  writeFileSync(path, sampleBookHeader() + [...sampleBookLines(rows, seed)].join(''));
}

/** The row numbers of a result or error file (CSV: first cell; JSONL: `row`), header excluded. */
export function rowNumbers(text: string, format: 'csv' | 'jsonl'): number[] {
  const lines = text.split('\n').filter(Boolean);
  if (format === 'jsonl') return lines.map((l) => (JSON.parse(l) as { row: number }).row);
  return lines.slice(1).map((l) => Number(l.slice(0, l.indexOf(','))));
}
