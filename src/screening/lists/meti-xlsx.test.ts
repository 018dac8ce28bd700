import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { LISTS_DIR } from '../../bundle/paths.js';
import { InputError } from '../../domain/index.js';
import { METI_LIST_ID, metiRevisionDate, parseMetiEndUserXlsx } from './meti-xlsx.js';

const XLSX = readFileSync(join(LISTS_DIR, 'fixtures', 'jp_meti_end_user_list_layout_sample.xlsx'));

const workbook = async (rows: (string | number)[][]): Promise<Uint8Array> =>
  new Uint8Array(await writeXlsxFile(rows.map((r) => r.map((v) => ({ value: v, type: typeof v === 'number' ? Number : String })))).toBuffer());

describe('METI End User List (xlsx)', () => {
  it('reads every row of the workbook below the header, dated by the revision line', async () => {
    const parsed = await parseMetiEndUserXlsx(XLSX, 'eul.xlsx');
    expect(parsed.entries).toHaveLength(8);
    expect(parsed).toMatchObject({ sourceDate: '2025-09-29', sourceDateKind: 'publisher' });
    const zentrix = parsed.entries.find((e) => e.name === 'Zentrix Aerospace Institute')!;
    expect(zentrix).toMatchObject({ list: METI_LIST_ID, countries: ['CN'], altNames: ['Zentrix Institute 21', 'ZAI'], programs: ['missile'] });
    const all = parsed.entries.find((e) => e.name === 'Chonma Test Trading Corporation')!;
    expect(all.programs).toEqual(['biological', 'chemical', 'missile', 'nuclear']);
    expect(all.countries).toEqual(['KP']);
    expect(parsed.entries.find((e) => e.name.startsWith('Harbour Ningbo'))!.name).toBe('Harbour Ningbo Precision Machinery Co.,Ltd.');
    expect(new Set(parsed.entries.map((e) => e.id)).size).toBe(8);
  });

  it('finds columns by header text wherever they are, and names a missing one', async () => {
    const moved = await workbook([
      ['End User List', 'September 29, 2025'],
      ['Type of WMD', 'Company or Organization', 'No.', 'Country or Region', 'Also Known As'],
      ['N', 'Example Nuclear Works', 1, 'Pakistan', ''],
    ]);
    const parsed = await parseMetiEndUserXlsx(moved);
    expect(parsed.entries[0]).toMatchObject({ name: 'Example Nuclear Works', countries: ['PK'], programs: ['nuclear'] });
    expect(parsed.sourceDate).toBe('2025-09-29');
    const noAka = await workbook([['No.', 'Country or Region', 'Company or Organization', 'Type of WMD'], [1, 'Iran', 'X', 'M']]);
    await expect(parseMetiEndUserXlsx(noAka, 'e.xlsx')).rejects.toThrow(/e\.xlsx: row 1: header lacks the column\(s\) aka/);
    const badConcern = await workbook([['No.', '国名・地域名', '企業名・組織名', '別名', '懸念区分'], [1, 'イラン Iran', 'X', '', '爆発物']]);
    await expect(parseMetiEndUserXlsx(badConcern, 'e.xlsx')).rejects.toThrow(/e\.xlsx: row 2: type of WMD concern "爆発物"/);
  });

  it('reads revision dates in the Japanese era, Western and English forms', () => {
    expect(metiRevisionDate('令和7年9月29日改正')).toBe('2025-09-29');
    expect(metiRevisionDate('令和元年5月1日')).toBe('2019-05-01');
    expect(metiRevisionDate('2024年1月31日')).toBe('2024-01-31');
    expect(metiRevisionDate('Revised: January 31, 2024')).toBe('2024-01-31');
    expect(metiRevisionDate('令和7年2月30日')).toBeUndefined();
  });

  it('throws nothing but InputError on bytes that are not a workbook, or a damaged one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.nat(XLSX.length).map((n) => new Uint8Array(XLSX.subarray(0, n))),
          fc.tuple(fc.nat(XLSX.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, b]) => {
            const copy = new Uint8Array(XLSX);
            copy[at] = b;
            return copy;
          }),
        ),
        async (bytes) => {
          try {
            await parseMetiEndUserXlsx(bytes, 'g.xlsx');
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
            expect((err as Error).message.startsWith('g.xlsx')).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
