import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { inputFormatOf, readRows } from './reader.js';
import type { RawRow } from './rows.js';

async function rowsOf(text: string, format: 'csv' | 'jsonl'): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of readRows(Readable.from([text]), format, 'book')) out.push(r);
  return out;
}

describe('reading order books', () => {
  it('numbers CSV rows from 1 after the header, skipping blank lines, keeping quoted newlines in a cell', async () => {
    const rows = await rowsOf('\uFEFFid,to,model\nA,CN,"H20\nx"\n\nB,DE,L4\n', 'csv');
    expect(rows).toEqual([
      { row: 1, csv: { id: 'A', to: 'CN', model: 'H20\nx' } },
      { row: 2, csv: { id: 'B', to: 'DE', model: 'L4' } },
    ]);
  });

  it('turns a row with the wrong number of cells into a bad row, never dropping it', async () => {
    const rows = await rowsOf('id,to,model\nA,CN\nB,DE,L4,extra\nC,NL,L4\n', 'csv');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ row: 1, problem: 'has 2 cells; the header has 3', id: 'A' });
    expect('problem' in rows[1]!).toBe(true);
    expect('csv' in rows[2]!).toBe(true);
  });

  it('refuses a bad header or an empty file as bad input for the whole book', async () => {
    await expect(rowsOf('id,to,colour\n', 'csv')).rejects.toBeInstanceOf(InputError);
    await expect(rowsOf('', 'csv')).rejects.toThrow(/empty/);
  });

  it('reads JSON Lines a line at a time, blank lines being layout', async () => {
    const rows = await rowsOf('{"to":"CN"}\n\n  \n{bad\n', 'jsonl');
    expect(rows).toEqual([
      { row: 1, json: '{"to":"CN"}' },
      { row: 2, json: '{bad' },
    ]);
  });

  it('knows formats by extension', () => {
    expect(inputFormatOf('book.CSV')).toBe('csv');
    expect(inputFormatOf('book.ndjson')).toBe('jsonl');
    expect(() => inputFormatOf('book.xlsx')).toThrow(InputError);
  });
});
