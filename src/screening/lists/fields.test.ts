import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citationDates, entityListFootnotes, parseDate, splitMulti } from './fields.js';

describe('entityListFootnotes', () => {
  it('reads the footnote digit after the FDP paragraph and at the end of the cell', () => {
    expect(entityListFootnotes('For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2')).toEqual([1]);
    expect(entityListFootnotes('For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)')).toEqual([3]);
    expect(entityListFootnotes('For all items subject to the EAR (See §§ 734.9(e)(2) and 744.11 of the EAR) 4')).toEqual([4]);
    expect(entityListFootnotes('For all items subject to the EAR (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR) 5')).toEqual([5]);
    expect(entityListFootnotes('For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)4')).toEqual([4]);
  });
  it('finds none where the entry has none, and never reads a paragraph number as a footnote', () => {
    expect(entityListFootnotes('For all items subject to the EAR. (See § 744.11 of the EAR)')).toEqual([]);
    expect(entityListFootnotes('For all items subject to the EAR (See §§ 734.9(e)(3) and 744.11 of the EAR)')).toEqual([]);
    expect(entityListFootnotes(undefined)).toEqual([]);
  });
});

describe('dates and citations', () => {
  it('parses the date styles the lists use', () => {
    expect(parseDate('2024-11-25')).toBe('2024-11-25');
    expect(parseDate('November 25, 2024')).toBe('2024-11-25');
    expect(parseDate('03 Jun 2021')).toBe('2021-06-03');
    expect(parseDate('5/21/19')).toBe('2019-05-21');
    expect(parseDate('2/30/2020')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });
  it('collects every date of a multi-notice citation, earliest first', () => {
    expect(citationDates('85 FR 83420, 12/22/20.\n89 FR 96830, 12/5/24')).toEqual(['2020-12-22', '2024-12-05']);
    expect(citationDates('91 FR 35189 (June 10, 2026)')).toEqual(['2026-06-10']);
  });
  it('splits multi-valued cells on ; and "; and"', () => {
    expect(splitMulti('A; B; and C;;')).toEqual(['A', 'B', 'C']);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/), { minLength: 1, maxLength: 5 }), (parts) => {
        const clean = parts.filter((p) => !/^and\b/i.test(p));
        expect(splitMulti(clean.join('; '))).toEqual(clean.map((p) => p.trim()));
      }),
    );
  });
});
