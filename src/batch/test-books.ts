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

/**
 * The issue-14 book: a header and `rows` order lines, row `hugeAt` holding a quoted cell of
 * `cellChars` characters (over the reader's record limit), every other row an H100 to Huawei.
 */
export function bookWithHugeCell(rows: number, hugeAt: number, cellChars: number): string {
  const lines = ['id,date,to,model,end_user_name,end_user_country'];
  for (let i = 1; i <= rows; i++) {
    const name = i === hugeAt ? `"${'x'.repeat(cellChars)}"` : 'Huawei Technologies Co. Ltd.';
    lines.push(`R${i},2026-09-30,CN,NVIDIA H100 SXM5 80GB,${name},CN`);
  }
  return `${lines.join('\n')}\n`;
}
