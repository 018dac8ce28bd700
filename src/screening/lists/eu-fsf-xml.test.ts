import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { EU_FSF_LIST_ID, parseEuFsfXml } from './eu-fsf-xml.js';
import { expectOnlyInputErrors } from './garbage.testing.js';

const XML = readFileSync(join(LISTS_DIR, 'fixtures', 'eu_fsf_full_list_layout_sample.xml'), 'utf8');

describe('EU Financial Sanctions Files XML', () => {
  const parsed = parseEuFsfXml(XML, 'eu.xml');

  it('reads each sanctionEntity, dated by the export generationDate', () => {
    expect(parsed.entries).toHaveLength(3);
    expect(parsed).toMatchObject({ sourceDate: '2026-11-30', sourceDateKind: 'publisher', sourceDateField: 'export/@generationDate' });
    expect(new Set(parsed.entries.map((e) => e.list))).toEqual(new Set([EU_FSF_LIST_ID]));
  });

  it('maps names, aliases in other scripts, regulations, programme, countries and addresses', () => {
    const [firm, person, hk] = parsed.entries;
    expect(firm).toMatchObject({ name: 'Quorvane Microelectronics JSC', altNames: ['АО Кворвейн Микроэлектроника'], type: 'entity', countries: ['RU'], startDate: '2024-02-23', programs: ['RUS'], sourceId: '900101' });
    expect(firm!.citation).toBe('2024/745 (OJ L, 2024/745); 2025/933 (OJ L, 2025/933)');
    expect(firm!.addresses).toEqual(['Proezd 4922, 4, Zelenograd, 124498, RUSSIAN FEDERATION']);
    // designationDate wins over the regulation date; "00" (unknown) is no country.
    expect(person).toMatchObject({ name: 'ZENTRIX Chol', altNames: ['Zen Tri Chol'], type: 'individual', countries: ['KP'], startDate: '2017-08-10', addresses: [] });
    expect(person!.remarks).toContain('UN KPi.901');
    expect(hk!.countries).toEqual(['HK']);
  });

  it('ids come from the logicalId: another file order keeps them', () => {
    const ids = new Map(parsed.entries.map((e) => [e.sourceId, e.id]));
    const blocks = XML.match(/<sanctionEntity[\s\S]*?<\/sanctionEntity>/g)!;
    const reversed = XML.replace(blocks.join('\n  '), [...blocks].reverse().join('\n  '));
    expect(reversed).not.toBe(XML);
    for (const e of parseEuFsfXml(reversed).entries) expect(e.id).toBe(ids.get(e.sourceId));
  });

  it('refuses what is not the FSF export, naming the element', () => {
    expect(() => parseEuFsfXml('<html/>', 'eu.xml')).toThrow(/eu\.xml: root element: expected export/);
    expect(() => parseEuFsfXml('<export generationDate="soon"/>', 'eu.xml')).toThrow(/export\/@generationDate: "soon" is not a date/);
    expect(() => parseEuFsfXml('<export><sanctionEntity logicalId="5"><subjectType code="person"/></sanctionEntity></export>', 'eu.xml')).toThrow(/sanctionEntity\[1\] \(logicalId 5\): has no nameAlias/);
    expect(() => parseEuFsfXml(XML.slice(0, 3000), 'eu.xml')).toThrow(/eu\.xml: line \d+, column \d+/);
  });

  it('throws nothing but InputError on garbage', async () => {
    await expectOnlyInputErrors(parseEuFsfXml, XML);
  });
});
