import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { InputError } from '../../domain/index.js';
import { parseUnConsolidatedXml, UN_LIST_ID } from './un-xml.js';

const REAL = readFileSync(join(LISTS_DIR, 'un', 'un_sc_consolidated_2026-02-27.xml'), 'utf8');

describe('UN Security Council consolidated XML', () => {
  const parsed = parseUnConsolidatedXml(REAL, 'un.xml');

  it('reads every individual and entity of the real 2026-02-27 file, dated by dateGenerated', () => {
    const individuals = (REAL.match(/<INDIVIDUAL>/g) ?? []).length;
    const entities = (REAL.match(/<ENTITY>/g) ?? []).length;
    expect(parsed.entries).toHaveLength(individuals + entities);
    expect(parsed.entries.filter((e) => e.type === 'entity')).toHaveLength(entities);
    expect(parsed).toMatchObject({ sourceDate: '2026-02-27', sourceDateKind: 'publisher', sourceDateField: 'CONSOLIDATED_LIST/@dateGenerated' });
    expect(new Set(parsed.entries.map((e) => e.list))).toEqual(new Set([UN_LIST_ID]));
  });

  it('maps reference number, regime, listing date, aliases, nationality and address', () => {
    const badege = parsed.entries.find((e) => e.sourceId === 'CDi.001')!;
    expect(badege).toMatchObject({ name: 'ERIC BADEGE', type: 'individual', startDate: '2012-12-31', programs: ['DRC'] });
    expect(badege.countries).toEqual(expect.arrayContaining(['CD', 'RW']));
    expect(badege.addresses).toEqual(['Rwanda (as of early 2016)']);
    expect(badege.citation).toBe('UN Security Council DRC sanctions list, CDi.001');
    const withAliases = parsed.entries.filter((e) => e.type === 'entity' && e.altNames.length > 0);
    expect(withAliases.length).toBeGreaterThan(50);
  });

  it('gives each listing an id from its permanent reference number, unique and stable', () => {
    const ids = parsed.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseUnConsolidatedXml(REAL).entries.map((e) => e.id)).toEqual(ids);
    // Another file order does not move an id.
    const first = parsed.entries[0]!;
    const reordered = REAL.replace(/<INDIVIDUALS>\s*(<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>)([\s\S]*?)(\s*<\/INDIVIDUALS>)/, (_m, one: string, rest: string, end: string) => `<INDIVIDUALS>${rest}${one}${end}`);
    expect(parseUnConsolidatedXml(reordered).entries.find((e) => e.sourceId === first.sourceId)!.id).toBe(first.id);
  });

  it('refuses a truncated download and an HTML error page, naming the line', () => {
    expect(() => parseUnConsolidatedXml(REAL.slice(0, 50_000), 'un.xml')).toThrow(InputError);
    expect(() => parseUnConsolidatedXml(REAL.slice(0, 50_000), 'un.xml')).toThrow(/un\.xml: line \d+, column \d+: not well-formed XML/);
    expect(() => parseUnConsolidatedXml('<html><body>Service Unavailable</body></html>', 'un.xml')).toThrow(/un\.xml: root element: expected CONSOLIDATED_LIST, found html/);
    expect(() => parseUnConsolidatedXml('<CONSOLIDATED_LIST dateGenerated="x"><ENTITIES><ENTITY><FIRST_NAME>A</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>', 'un.xml')).toThrow(/ENTITY\[1\]: "A" has no REFERENCE_NUMBER/);
  });

  it('throws nothing but InputError on any garbage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `<CONSOLIDATED_LIST>${s}</CONSOLIDATED_LIST>`), fc.nat(60_000).map((n) => REAL.slice(0, n))), (s) => {
        try {
          parseUnConsolidatedXml(s, 'g.xml');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect((err as Error).message).toMatch(/^g\.xml/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
