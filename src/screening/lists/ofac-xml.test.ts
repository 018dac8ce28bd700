import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { expectOnlyInputErrors } from './garbage.testing.js';
import { parseOfacLegacy } from './ofac-legacy.js';
import { parseOfacXml } from './ofac-xml.js';

const fixture = (f: string, enc: BufferEncoding = 'utf8'): string => readFileSync(join(LISTS_DIR, 'fixtures', f), enc);
const XML = fixture('ofac_consolidated_nonsdn_2025-12.xml');

describe('OFAC XML (sdnList.xsd)', () => {
  const parsed = parseOfacXml(XML, 'us.ofac.consolidated', 'consolidated.xml');

  it('reads every sdnEntry with its publisher date', () => {
    expect(parsed.entries).toHaveLength((XML.match(/<sdnEntry>/g) ?? []).length);
    expect(parsed).toMatchObject({ sourceDate: '2025-12-01', sourceDateKind: 'publisher', sourceDateField: 'publshInformation/Publish_Date' });
    const haniya = parsed.entries.find((e) => e.sourceId === '9639')!;
    expect(haniya).toMatchObject({ list: 'us.ofac.consolidated', name: 'HANIYA, Ismail Abdul Salah', type: 'individual', programs: ['NS-PLC'] });
    expect(haniya.altNames).toEqual(['HANIYA, Ismail', 'HANIYYA, Ismaeel']);
  });

  it('gives the same entries the same ids, names, aliases and countries as the legacy CSV files it was built from', () => {
    const csv = parseOfacLegacy(
      {
        sdn: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_prim.csv', 'latin1'),
        add: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_add.csv', 'latin1'),
        alt: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_alt.csv', 'latin1'),
      },
      'us.ofac.consolidated',
    );
    const byId = new Map(csv.map((e) => [e.id, e]));
    expect(parsed.entries.map((e) => e.id).sort()).toEqual(csv.map((e) => e.id).sort());
    for (const e of parsed.entries) {
      const c = byId.get(e.id)!;
      expect([e.name, e.altNames, e.type, e.countries]).toEqual([c.name, c.altNames, c.type, c.countries]);
    }
  });

  it('refuses a file that is not OFAC XML, a bad uid and a bad date, naming the element', () => {
    expect(() => parseOfacXml('<html><body>Error 503</body></html>', undefined, 'sdn.xml')).toThrow(/sdn\.xml: root element: expected sdnList, found html/);
    expect(() => parseOfacXml('<sdnList><sdnEntry><uid>x</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>', undefined, 'sdn.xml')).toThrow(/sdnEntry\[1\]: uid "x" is not a number/);
    expect(() => parseOfacXml('<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Ship</sdnType></sdnEntry></sdnList>', undefined, 'sdn.xml')).toThrow(/sdnEntry\[1\] \(uid 1\): sdnType "Ship"/);
    expect(() => parseOfacXml('<sdnList><publshInformation><Publish_Date>13/45/2025</Publish_Date></publshInformation></sdnList>', undefined, 'sdn.xml')).toThrow(/Publish_Date: "13\/45\/2025" is not a date/);
    expect(() => parseOfacXml(XML.slice(0, 20_000), undefined, 'sdn.xml')).toThrow(/sdn\.xml: line \d+, column \d+: not well-formed XML/);
  });

  it('reads an SDN file with one entry as a list of one', () => {
    const one = parseOfacXml('<sdnList><publshInformation><Publish_Date>07/09/2026</Publish_Date></publshInformation><sdnEntry><uid>36</uid><lastName>AEROCARIBBEAN AIRLINES</lastName><sdnType>Entity</sdnType><programList><program>CUBA</program></programList><addressList><address><city>Havana</city><country>Cuba</country></address></addressList></sdnEntry></sdnList>');
    expect(one.entries).toHaveLength(1);
    expect(one.entries[0]).toMatchObject({ list: 'us.ofac.sdn', name: 'AEROCARIBBEAN AIRLINES', countries: ['CU'], addresses: ['Havana, Cuba'], programs: ['CUBA'] });
    expect(one.sourceDate).toBe('2026-07-09');
  });

  it('throws nothing but InputError on garbage', async () => {
    await expectOnlyInputErrors((t, s) => parseOfacXml(t, undefined, s), XML.slice(0, 30_000));
  });
});
