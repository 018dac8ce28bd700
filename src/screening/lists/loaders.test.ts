import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { parseCslCsv } from './csl.js';
import { parseListExtract } from './extract-json.js';
import { parseOfacLegacy } from './ofac-legacy.js';
import { parseChinaListsCsv, parsePlainListCsv, windowFromNote } from './plain-csv.js';

const read = (f: string, enc: BufferEncoding = 'utf8'): string => readFileSync(join(LISTS_DIR, f), enc);

describe('CSL CSV', () => {
  it('reads the current layout (quoted, sha224 ids) into entries of the right sub-lists', () => {
    const entries = parseCslCsv(read('fixtures/us_csl_format_sample_2025-06.csv'));
    expect(entries).toHaveLength(13);
    const meu = entries.find((e) => e.list === 'us.bis.meu')!;
    expect(meu.name).toBe('Academy of Aerospace Solid Propulsion Technology (AASPT)');
    expect(meu.countries).toEqual(['CN']);
    expect(meu.startDate).toBe('2020-12-23');
    const sdn = entries.find((e) => e.name === 'RIM, Ryong Nam')!;
    expect(sdn).toMatchObject({ list: 'us.ofac.sdn', type: 'individual' });
    expect(sdn.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
  });
  it('reads the 2022 bulk layout and keeps ids stable between loads', () => {
    const text = read('us/us_csl_consolidated_2022-05.csv');
    const a = parseCslCsv(text);
    expect(a).toHaveLength(14160);
    expect(new Set(a.map((e) => e.id)).size).toBe(a.length);
    const b = parseCslCsv(text);
    expect(b.map((e) => e.id)).toEqual(a.map((e) => e.id));
    const huawei = a.find((e) => e.list === 'us.bis.entity-list' && e.name === 'Huawei Technologies Co., Ltd. (Huawei)')!;
    expect(huawei.licensePolicy).toBe('Presumption of denial');
    expect(huawei.altNames).toContain('Huawei Technology');
  });
  it('names the file and the problem for a file that is not a CSL', () => {
    expect(() => parseCslCsv('a,b\n1,2\n', 'x.csv')).toThrow(/x\.csv: not a CSL file; missing column\(s\) source/);
  });
});

describe('JSON list extracts', () => {
  it('maps the Entity List extract with footnotes, FR citation and start date', () => {
    const { list, sourceDate, entries } = parseListExtract(read('us/nsfreg_bis_entity_list_2026-07-09.json'));
    expect(list).toBe('us.bis.entity-list');
    expect(sourceDate).toBe('2026-07-09');
    expect(entries).toHaveLength(3409);
    const smic = entries.find((e) => e.name === 'Semiconductor Manufacturing International Corporation (SMIC)')!;
    expect(smic).toMatchObject({ countries: ['CN'], footnotes: [5], citation: '85 FR 83420, 12/22/20', startDate: '2020-12-22' });
    const huawei = entries.find((e) => e.name === 'Huawei Technologies Co., Ltd.' && e.countries[0] === 'CN')!;
    expect(huawei.footnotes).toEqual([1]);
    expect(entries.filter((e) => e.footnotes?.includes(3)).length).toBeGreaterThan(700);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
  it('reads DPL expiry, CMIC programme and lapsed ISN sanctions', () => {
    const dpl = parseListExtract(read('us/nsfreg_bis_dpl_2026-07-09.json')).entries;
    expect(dpl.find((e) => e.name === 'ELDAR REZVANOV')?.endDate).toBe('2028-07-24');
    const cmic = parseListExtract(read('us/nsfreg_ofac_nscmic_2026-07-09.json')).entries;
    expect(cmic.find((e) => e.name === 'China State Shipbuilding Corporation')?.programs).toEqual(['CMIC-EO13959']);
    const isn = parseListExtract(read('us/nsfreg_state_nonproliferation_2026-07-09.json')).entries;
    expect(isn.find((e) => e.name === 'Liyang Yunlong')).toMatchObject({ status: 'removed', endDate: '2004-05-09' });
  });
  it('rejects an unknown list id, naming the ids it knows', () => {
    expect(() => parseListExtract('{"list_id":"x","entities":[]}', 'f.json')).toThrow(/f\.json: unknown list_id "x"; expected one of bis-entity-list/);
  });
});

describe('OFAC legacy CSV', () => {
  it('joins prim/add/alt/comments on ent_num, reading -0- as empty', () => {
    const entries = parseOfacLegacy(
      {
        sdn: read('fixtures/ofac_consolidated_nonsdn_legacy_2025-12_cons_prim.csv', 'latin1'),
        add: read('fixtures/ofac_consolidated_nonsdn_legacy_2025-12_cons_add.csv', 'latin1'),
        alt: read('fixtures/ofac_consolidated_nonsdn_legacy_2025-12_cons_alt.csv', 'latin1'),
        comments: read('fixtures/ofac_consolidated_nonsdn_legacy_2025-12_cons_comments.csv', 'latin1'),
      },
      'us.ofac.consolidated',
    );
    expect(entries).toHaveLength(442);
    const haniya = entries.find((e) => e.sourceId === '9639')!;
    expect(haniya).toMatchObject({ name: 'HANIYA, Ismail Abdul Salah', type: 'individual', programs: ['NS-PLC'] });
    expect(haniya.altNames).toEqual(['HANIYA, Ismail', 'HANIYYA, Ismaeel']);
    expect(entries.every((e) => !e.name.includes('-0-') && e.addresses.every((a) => !a.includes('-0-')))).toBe(true);
  });
});

describe('plain CSV (China lists and the generic layout)', () => {
  const china = parseChinaListsCsv(read('cn/cn_mofcom_lists.csv'));
  it('keeps every designation row with its list, Chinese name and announcement', () => {
    expect(china).toHaveLength(296);
    const lm = china.find((e) => e.list === 'cn.mofcom.unreliable-entity-list' && e.name === 'Lockheed Martin Corporation')!;
    expect(lm.altNames).toContain('洛克希德·马丁公司');
    expect(lm.citation).toMatch(/2023年第1号/);
    expect(lm.startDate).toBe('2023-02-16');
    expect(new Set(china.map((e) => e.list))).toEqual(
      new Set(['cn.mofcom.unreliable-entity-list', 'cn.mofcom.export-control-list', 'cn.mofcom.watch-list', 'cn.countermeasures']),
    );
  });
  it('reads suspension windows and the end of stopped measures from the status note', () => {
    const suspended = china.filter((e) => e.status === 'suspended');
    expect(suspended.length).toBe(38);
    expect(suspended.every((e) => e.suspendedFrom)).toBe(true);
    expect(windowFromNote('Countermeasures suspended for one year from 2025-11-10 after …', 'suspended')).toEqual({ suspendedFrom: '2025-11-10', suspendedTo: '2026-11-10' });
    expect(windowFromNote('Measures stopped (停止执行) from 2025-11-10 under …', 'removed')).toEqual({ endDate: '2025-11-10' });
  });
  it('reads the generic layout and names a bad status with its row', () => {
    const entries = parsePlainListCsv('list,name,aliases,country,citation,start_date,status\nx.test,Acme Co,ACME; Acme Corp,China,Notice 1,2024-01-02,active\n');
    expect(entries[0]).toMatchObject({ list: 'x.test', name: 'Acme Co', altNames: ['ACME', 'Acme Corp'], countries: ['CN'], startDate: '2024-01-02', status: 'active' });
    expect(() => parsePlainListCsv('list,name,status\nx,Acme,gone\n', undefined, 'p.csv')).toThrow(/p\.csv: row 2: status "gone" must be active, suspended or removed/);
  });
});
