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
