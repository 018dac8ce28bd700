import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { expectOnlyInputErrors } from './garbage.testing.js';
import { parseUkSanctionsCsv, ukDate, UK_LIST_ID } from './uk-sanctions-csv.js';

const CSV = readFileSync(join(LISTS_DIR, 'fixtures', 'uk_sanctions_list_layout_sample.csv'), 'utf8');

describe('UK Sanctions List CSV (FCDO)', () => {
  const parsed = parseUkSanctionsCsv(CSV, 'uk.csv');

  it('folds the name rows of one Unique ID into one entry, dated by the Report Date', () => {
    expect(parsed.entries.map((e) => e.sourceId)).toEqual(['RUS9901', 'DPR9902', 'RUS9903']);
    expect(parsed).toMatchObject({ sourceDate: '2026-11-28', sourceDateKind: 'publisher' });
    const [firm, person, ship] = parsed.entries;
    expect(firm).toMatchObject({ list: UK_LIST_ID, name: 'Quorvane Microelectronics JSC', altNames: ['АО Кворвейн Микроэлектроника', 'Quorvane Micro'], type: 'entity', countries: ['RU'], startDate: '2024-02-24', programs: ['Russia'] });
    expect(firm!.addresses).toEqual(['Proezd 4922, 4, Zelenograd, 124498, Russia']);
    // Name 1 … Name 6 in order: given names first, the surname (Name 6) last.
    expect(person).toMatchObject({ name: 'Chol ZENTRIX', altNames: ['Chol ZEN TRI'], type: 'individual', countries: ['KP'], startDate: '2017-08-10' });
    expect(person!.remarks).toContain('UN KPi.901');
    expect(ship).toMatchObject({ type: 'vessel', name: 'SAMPLE TANKER' });
  });

  it('reads UK dates day first, never month first', () => {
    expect(ukDate('03/06/2025')).toBe('2025-06-03');
    expect(ukDate('28-Nov-2026')).toBe('2026-11-28');
    expect(ukDate('31/02/2025')).toBeUndefined();
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(ukDate(`${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`)).toBe(iso);
      }),
    );
  });

  it('refuses what is not the UK list, naming the line', () => {
    expect(() => parseUkSanctionsCsv('Name,Country\nA,B\n', 'uk.csv')).toThrow(/uk\.csv: line 1: not a UK Sanctions List CSV; the header lacks uniqueid/);
    const header = CSV.split('\n')[1]!;
    expect(() => parseUkSanctionsCsv(`Report Date: 28-Nov-2026\n${header}\n01/01/2026,X1,,,A,,,,,,Primary Name,,,,,,R,Company,UK\n`, 'uk.csv')).toThrow(/uk\.csv: line 3: Designation Type "Company"/);
    expect(() => parseUkSanctionsCsv('Report Date: someday\nx\n', 'uk.csv')).toThrow(/line 1: Report Date "someday" is not a date/);
  });

  it('throws nothing but InputError on garbage', async () => {
    await expectOnlyInputErrors(parseUkSanctionsCsv, CSV);
  });
});
