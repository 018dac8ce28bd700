import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvGrammarError, CsvScanner, type CsvRecord } from './csv-records.js';

function scan(chunks: string[], max = 1_000_000): CsvRecord[] {
  const s = new CsvScanner(max);
  return [...chunks.flatMap((c) => s.push(c)), ...s.finish()];
}

/** RFC 4180 quoting: only when the cell needs it. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Cuts a text at the given points (sorted, in range), so records straddle chunk boundaries. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of at) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '华'), maxLength: 8 });
const bookArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

describe('CSV record scanner', () => {
  it('reads back any book of quoted cells exactly, with each record on its own line numbers, however it is chunked', () => {
    fc.assert(
      fc.property(bookArb, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (book, points, eol) => {
        // A lone empty cell is a blank line, which is layout: give every record two cells or a non-empty one.
        const rows = book.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        const text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const got = scan(cut(text, points));
        expect(got.map((r) => r.cells)).toEqual(rows);
        let line = 1;
        rows.forEach((r, i) => {
          expect(got[i]!.line).toBe(line);
          line += r.join(',').split(/\r\n|\n/).length;
          expect(got[i]!.lastLine).toBe(line - 1);
        });
      }),
    );
  });

  it('agrees with csv-parse on well-formed books', () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const rows = book.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        expect(scan([text]).map((r) => r.cells)).toEqual(parse(text, { relax_column_count: true, skip_empty_lines: true }));
      }),
    );
  });

  it('keeps a quote inside an unquoted cell as a character, drops a BOM, skips blank lines and reads a last line without a newline', () => {
    const got = scan(['\uFEFFid,to\n', '\n', 'a"b,CN\r\n\r\n', 'c,DE']);
    expect(got).toEqual([
      { line: 1, lastLine: 1, cells: ['id', 'to'] },
      { line: 3, lastLine: 3, cells: ['a"b', 'CN'] },
      { line: 5, lastLine: 5, cells: ['c', 'DE'] },
    ]);
  });

  it('isolates a record over the size limit to that record, keeping the cells before the long one, and goes on', () => {
    const long = 'x'.repeat(50);
    for (const cell of [long, `"${long}"`, `"${long.slice(0, 20)}""${long}"`]) {
      const got = scan([`id,name,to\nA1,${cell},CN\nA2,ok,DE\n`], 30);
      expect(got.map((r) => [r.line, r.cells[0], r.problem === undefined])).toEqual([
        [1, 'id', true],
        [2, 'A1', false],
        [3, 'A2', true],
      ]);
      expect(got[1]!.problem).toMatch(/characters long, over the limit of 30/);
      expect(got[1]!.cells).toEqual(['A1']);
    }
  });

  it('marks text after a closing quote as that record’s problem and reads the next record', () => {
    const got = scan(['id,name\nA1,"ab"c,d\nA2,e\n']);
    expect(got[1]).toMatchObject({ line: 2, cells: ['A1', 'abc', 'd'] });
    expect(got[1]!.problem).toMatch(/cell 2 has text after its closing quote/);
    expect(got[2]).toEqual({ line: 3, lastLine: 3, cells: ['A2', 'e'] });
  });

  it('stops, naming the line, at a quote that is never closed', () => {
    expect(() => scan(['id,name\nA1,ok\nA2,"runaway\nA3,x\nA4,y\n'])).toThrow(CsvGrammarError);
    try {
      scan(['id,name\nA1,ok\nA2,"runaway\nA3,x\nA4,y\n']);
    } catch (err) {
      expect((err as CsvGrammarError).line).toBe(3);
      expect((err as Error).message).toMatch(/^line 3: a quoted cell opened in this record is never closed \(the file ends inside it, at line 5\)/);
    }
  });

  it('stops as soon as a quoted record runs over several lines past the size limit, not at the end of the file', () => {
    const s = new CsvScanner(40);
    s.push('id,name\nA1,"runaway\n');
    expect(() => s.push('A2,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nA3,y\n')).toThrow(/line 2: a quoted cell .* runs over 2 lines past the record limit of 40/);
  });
});
