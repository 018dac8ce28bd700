import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/index.js';
import { loadLexiconSync } from '../bundle/lists.js';
import { createScreener, DEFAULT_ALERT_THRESHOLD } from './screener.js';

const lex = loadLexiconSync();
const entry = (id: string, name: string, extra: Partial<ListEntry> = {}): ListEntry => ({
  id,
  list: 'us.bis.entity-list',
  name,
  altNames: [],
  countries: ['CN'],
  addresses: [],
  ...extra,
});
const entries: ListEntry[] = [
  entry('huawei', 'Huawei Technologies Co., Ltd.', { citation: '84 FR 22963, 5/21/19', footnotes: [1], altNames: ['Huawei Technology'] }),
  entry('huawei-eg', 'Huawei Technology', { countries: ['EG'] }),
  entry('zhipu', 'Beijing Zhipu Huazhang Technology Co., Ltd.'),
  entry('hik', 'Hangzhou Hikvision Digital Technology Co., Ltd.', { altNames: ['Hikvision'] }),
  entry('trade', 'Beijing Zhongxin Trading Co., Ltd.'),
  entry('smic', 'Semiconductor Manufacturing International Corporation (SMIC)', { footnotes: [5] }),
  entry('ymtc', 'Yangtze Memory Technologies Co., Ltd.', { localNames: [{ name: '长江存储科技有限责任公司', source: 'test' }] }),
  entry('uel', 'Lockheed Martin Corporation', { list: 'cn.mofcom.unreliable-entity-list', countries: ['US'], altNames: ['洛克希德·马丁公司'], status: 'active' }),
  entry('person', 'ABBAS, Rim', { list: 'us.ofac.sdn', type: 'individual', countries: ['SY'] }),
];
const screener = createScreener({ entries, versions: [], lexicon: lex });
const top = (q: string, opts = {}) => screener.screen(q, opts).hits[0];

describe('screen', () => {
  it('finds the listed company from Chinese script, abbreviations and its English name, with the entry facts', () => {
    for (const q of ['華為技術有限公司', 'HUAWEI TECH CO LTD', 'Huawei Technologies Co., Ltd.']) {
      const hit = top(q)!;
      expect(hit.score, q).toBe(1);
      expect(['huawei', 'huawei-eg']).toContain(hit.entryId);
    }
    const han = top('華為技術有限公司')!;
    expect(han.entryId).toBe('huawei');
    expect(han.entry?.footnotes).toEqual([1]);
    expect(han.citation).toBe('84 FR 22963, 5/21/19');
    expect(han.explanation[0]).toBe('華為 → 华为 → huawei = Huawei');
    expect(han.explanation.join('\n')).toMatch(/有限公司 ~ Co Ltd \(legal form, ignored\)/);
  });
  it('matches pinyin names, acronyms, joined words, word order and typos', () => {
    expect(top('北京智谱华章科技有限公司')?.entryId).toBe('zhipu');
    expect(top('SMIC')?.entryId).toBe('smic');
    expect(top('Hik Vision')?.entryId).toBe('hik');
    expect(top('Rim Abbas')).toMatchObject({ entryId: 'person', score: 1 });
    const typo = top('Huawai Technologies')!;
    expect(typo.entryId).toMatch(/^huawei/);
    expect(typo.score).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
    expect(typo.score).toBeLessThan(1);
  });
  it('keeps look-alikes made of common list words below the alert threshold', () => {
    const hit = top('Beijing Huaxin Trading Co., Ltd.');
    expect(hit === undefined || hit.score < DEFAULT_ALERT_THRESHOLD).toBe(true);
    expect(screener.screen('Apple Inc.').hits).toEqual([]);
  });
  it('finds foreign companies on China lists by their Chinese names', () => {
    expect(top('洛克希德·马丁公司')).toMatchObject({ entryId: 'uel', list: 'cn.mofcom.unreliable-entity-list' });
    expect(top('長江存儲科技有限責任公司')?.entryId).toBe('ymtc');
  });
  it('lets country move a score but never hides an exact name hit', () => {
    const same = top('Beijing Zhipu Huazhang Technology', { country: 'CN' })!;
    const other = top('Beijing Zhipu Huazhang Technology', { country: 'US' })!;
    expect(same.score).toBe(1);
    expect(other.score).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
    expect(other.explanation.join(' ')).toMatch(/country US differs/);
    const fuzzyHome = top('Beijing Zhipu Huazang Technology', { country: 'CN' })!;
    const fuzzyAway = top('Beijing Zhipu Huazang Technology', { country: 'US' })!;
    expect(fuzzyHome.score).toBeGreaterThan(fuzzyAway.score);
  });
  it('honours limit and minScore, best first', () => {
    const r = screener.screen('Huawei Technology', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    const all = screener.screen('Huawei', { minScore: 0.3 }).hits;
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((h) => h.score)).toEqual([...all.map((h) => h.score)].sort((a, b) => b - a));
    expect(screener.screen('   ').hits).toEqual([]);
  });
  it('carries the explanation through JSON and structured clone', () => {
    const hit = top('HUAWEI TECH CO LTD')!;
    const { entry: _entry, ...plain } = hit;
    expect(JSON.parse(JSON.stringify(plain)).explanation).toEqual(hit.explanation);
    expect(structuredClone(plain).explanation).toEqual(hit.explanation);
  });
});

describe('match', () => {
  it('scores two names with the explanation', () => {
    const m = screener.match('華為技術有限公司', 'Huawei Technologies Co., Ltd.');
    expect(m.score).toBe(1);
    expect(m.explanation).toContain('技術 → 技术 → technology = Technologies (technology)');
    const far = screener.match('Huawei Technologies', 'Lockheed Martin');
    expect(far.score).toBe(0);
    expect(far.explanation.join(' ')).toMatch(/not in the listed name: Huawei Technologies/);
  });
});
