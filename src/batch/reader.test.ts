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

/** The issue-14 book: 2,001 data rows, the second of which holds a cell longer than the record limit. */
function bookWithHugeCell(rows: number, hugeAt: number, cellChars: number): string {
  const lines = ['id,to,model'];
  for (let i = 1; i <= rows; i++) lines.push(`R${i},CN,${i === hugeAt ? `"${'x'.repeat(cellChars)}"` : 'NVIDIA H100 SXM5 80GB'}`);
  return `${lines.join('\n')}\n`;
}

describe('data loss: one record over the size limit discarded the rest of the book', () => {
  it('a 2,002-line book whose 2nd data row holds a 1.2 MB cell gives 2,001 rows: 2,000 to answer and 1 bad row with its line and id', async () => {
    const text = bookWithHugeCell(2001, 2, 1_200_000);
    // In small chunks, as a file stream delivers it.
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65_536) chunks.push(text.slice(i, i + 65_536));
    const rows: RawRow[] = [];
    for await (const r of readRows(Readable.from(chunks), 'csv', 'book')) rows.push(r);
    expect(rows).toHaveLength(2001);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 2001 }, (_, i) => i + 1));
    const bad = rows.filter((r) => 'problem' in r);
    expect(bad).toEqual([{ row: 2, line: 3, id: 'R2', problem: expect.stringMatching(/^line 3: the record is 1,200,0\d\d characters long/) }]);
    expect(rows[2]).toEqual({ row: 3, line: 4, csv: { id: 'R3', to: 'CN', model: 'NVIDIA H100 SXM5 80GB' } });
    expect(rows.at(-1)).toMatchObject({ row: 2001, line: 2002 });
  });

  it('a runaway quote stops the book with bad input naming its line, after the rows before it — never a silent early end', async () => {
    const text = 'id,to,model\nR1,CN,L4\nR2,CN,"H100\nR3,CN,L4\nR4,CN,L4\n';
    const got: RawRow[] = [];
    const run = async () => {
      for await (const r of readRows(Readable.from([text]), 'csv', 'book')) got.push(r);
    };
    await expect(run()).rejects.toBeInstanceOf(InputError);
    await expect(run()).rejects.toThrow(/book: line 3: a quoted cell opened in this record is never closed .*\(the 1 rows before it were answered\)/);
    expect(got[0]).toMatchObject({ row: 1, line: 2 });
  });

  it('an id in a bad row is echoed cut short, not whole', async () => {
    const rows = await rowsOf(`id,to,model\n${'I'.repeat(5000)},CN\n`, 'csv');
    expect(rows[0]).toMatchObject({ row: 1, id: `${'I'.repeat(100)}…` });
  });
});

describe('reading order books', () => {
  it('numbers CSV rows from 1 after the header, skipping blank lines, keeping quoted newlines in a cell', async () => {
    const rows = await rowsOf('\uFEFFid,to,model\nA,CN,"H20\nx"\n\nB,DE,L4\n', 'csv');
    expect(rows).toEqual([
      { row: 1, line: 2, csv: { id: 'A', to: 'CN', model: 'H20\nx' } },
      { row: 2, line: 5, csv: { id: 'B', to: 'DE', model: 'L4' } },
    ]);
  });

  it('turns a row with the wrong number of cells into a bad row, never dropping it', async () => {
    const rows = await rowsOf('id,to,model\nA,CN\nB,DE,L4,extra\nC,NL,L4\n', 'csv');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ row: 1, line: 2, problem: 'line 2: has 2 cells; the header has 3', id: 'A' });
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
      { row: 1, line: 1, json: '{"to":"CN"}' },
      { row: 2, line: 4, json: '{bad' },
    ]);
  });

  it('a JSON Lines book with a byte-order mark reads its first row as JSON (BOM-tolerant JSONL)', async () => {
    const rows = await rowsOf('\uFEFF{"to":"CN"}\n{"to":"DE"}\n', 'jsonl');
    expect(rows.map((r) => 'json' in r && JSON.parse(r.json))).toEqual([{ to: 'CN' }, { to: 'DE' }]);
  });

  it('knows formats by extension', () => {
    expect(inputFormatOf('book.CSV')).toBe('csv');
    expect(inputFormatOf('book.ndjson')).toBe('jsonl');
    expect(() => inputFormatOf('book.xlsx')).toThrow(InputError);
  });
});
