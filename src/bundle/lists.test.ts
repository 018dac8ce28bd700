import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/index.js';
import { attachLocalNames, listContentHash, loadBundledLists, loadDefaultScreener } from './lists.js';

describe('bundled lists', () => {
  it('loads the default index: 2026 extracts, non-EL CSL sub-lists and the Chinese lists, each a version', async () => {
    const { entries, versions } = await loadBundledLists();
    const byList = new Map(versions.map((v) => [v.list, v]));
    expect(byList.get('us.bis.entity-list')).toMatchObject({ entries: 3409, sourceDate: '2026-07-09', bundledSnapshot: true });
    expect(byList.get('us.ofac.sdn')).toMatchObject({ entries: 10026, sourceDate: '2022-05-06' });
    expect(byList.get('cn.mofcom.unreliable-entity-list')?.entries).toBe(70);
    expect(byList.get('cn.mofcom.export-control-list')?.entries).toBe(118);
    // The 2022 CSL's own Entity List is not loaded: the 2026 extract replaces it.
    expect(entries.filter((e) => e.list === 'us.bis.entity-list')).toHaveLength(3409);
    for (const v of versions) expect(v.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
  it('hashes content, not order', async () => {
    const { entries } = await loadBundledLists();
    const fcc = entries.filter((e) => e.list === 'us.fcc.covered');
    expect(listContentHash([...fcc].reverse())).toBe(listContentHash(fcc));
    expect(listContentHash(fcc.slice(1))).not.toBe(listContentHash(fcc));
  });
  it('attaches curated local names and refuses a row that names no entry', () => {
    const entries: ListEntry[] = [{ id: 'a', list: 'l', name: 'Acme Co', altNames: [], countries: [], addresses: [] }];
    expect(attachLocalNames(entries, 'list,name,name_zh,source\nl,acme co,艾克米公司,https://example.org\n')).toBe(1);
    expect(entries[0]!.localNames).toEqual([{ name: '艾克米公司', source: 'https://example.org' }]);
    expect(() => attachLocalNames(entries, 'list,name,name_zh,source\nl,Nobody,某公司,x\n', 'n.csv')).toThrow(/n\.csv: row 2: no l entry is named "Nobody"/);
  });
  it('reads confidence, source type and brand, gives every same-named entry the row, and refuses a bad confidence', () => {
    const entries: ListEntry[] = [
      { id: 'a', list: 'l', name: 'Acme Co', altNames: [], countries: ['CN'], addresses: [] },
      { id: 'b', list: 'l', name: 'ACME CO', altNames: [], countries: ['HK'], addresses: [] },
      { id: 'c', list: 'm', name: 'Acme Co', altNames: [], countries: [], addresses: [] },
    ];
    const csv = 'list,name,name_zh,source,source_type,confidence,brand_zh\n# comment\nl,Acme Co,艾克米有限公司,SZSE 000001 listing,exchange-listing,high,艾克米\n';
    expect(attachLocalNames(entries, csv)).toBe(2);
    expect(entries[0]!.localNames).toEqual([{ name: '艾克米有限公司', source: 'SZSE 000001 listing', sourceType: 'exchange-listing', confidence: 'high', brand: '艾克米' }]);
    expect(entries[1]!.localNames).toEqual(entries[0]!.localNames);
    expect(entries[2]!.localNames).toBeUndefined();
    expect(() => attachLocalNames(entries, 'list,name,name_zh,source,confidence\nl,Acme Co,艾克米,x,sure\n', 'c.csv')).toThrow(/c\.csv: row 2: confidence must be high, medium or low/);
    expect(() => attachLocalNames(entries, 'list,name,name_zh,source\nl,Acme Co,,x\n', 'c.csv')).toThrow(/row 2: list, name, name_zh and source are all required/);
  });
  it('attaches every bundled curated row: each names a listed entry, at least 400 rows, with a confidence', async () => {
    const { entries } = await loadBundledLists();
    const curated = entries.filter((e) => e.localNames?.some((l) => l.confidence));
    const rows = curated.reduce((n, e) => n + (e.localNames?.length ?? 0), 0);
    expect(rows).toBeGreaterThanOrEqual(400);
    for (const e of curated) for (const l of e.localNames!) expect(l.name).toMatch(/^[\p{Script=Han}()〇]+$/u);
    const smic = entries.find((e) => e.list === 'us.bis.entity-list' && e.name === 'Semiconductor Manufacturing International Corporation (SMIC)');
    expect(smic?.localNames?.[0]).toMatchObject({ name: '中芯国际集成电路制造有限公司', confidence: 'high', brand: '中芯国际' });
  });
  it('builds the default screener once per process and finds the Entity List entry from its Chinese name', async () => {
    const a = await loadDefaultScreener();
    expect(await loadDefaultScreener()).toBe(a);
    const hit = a.screen('北京智谱华章科技有限公司').hits[0]!;
    expect(hit).toMatchObject({ list: 'us.bis.entity-list', name: 'Beijing Zhipu Huazhang Technology Co., Ltd.', score: 1 });
    expect(hit.entry?.citation).toBe('90 FR 4619, 1/16/25');
    expect(hit.entry?.startDate).toBe('2025-01-16');
    expect(a.alertThreshold).toBe(0.8);
  });
});
