import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/index.js';
import { loadLexiconSync } from '../bundle/lists.js';
import { learnBrandWords, withBrandWords } from './brand-words.js';
import { normalizeName } from './normalize.js';
import { createScreener, DEFAULT_ALERT_THRESHOLD } from './screener.js';

/**
 * Short forms (brand_zh) of the curated Chinese names: indexed as names of their entry, and their
 * coined English word learned where the glossary accounts for the rest of the registered name.
 * Entries are made up here, shaped as the lists print them.
 */
const lex = loadLexiconSync();
const entry = (id: string, name: string, extra: Partial<ListEntry> = {}): ListEntry => ({ id, list: 'us.bis.entity-list', name, altNames: [], countries: ['CN'], addresses: [], ...extra });
const local = (name: string, brand?: string) => ({ name, source: 'test source', confidence: 'high' as const, ...(brand ? { brand } : {}) });
const entries: ListEntry[] = [
  entry('hik', 'Hangzhou Hikvision Digital Technology Co., Ltd.', { localNames: [local('杭州海康威视数字技术股份有限公司', '海康威视')] }),
  entry('cam', 'Cambricon Technologies Corporation Limited', { altNames: ['Zhongke Cambricon Technology'], localNames: [local('中科寒武纪科技股份有限公司', '寒武纪')] }),
  entry('cam-xa', "Xiong'an Cambricon Technology Co., Ltd."),
  entry('smic', 'Semiconductor Manufacturing International Corporation', { localNames: [local('中芯国际集成电路制造有限公司', '中芯国际')] }),
  entry('pa', 'PremiAir Aerospace', { altNames: ['Aviation International'], countries: ['GB'] }),
  entry('ymtc', 'Yangtze Memory Technologies Co., Ltd.', { localNames: [local('长江存储科技有限责任公司', '长江存储')] }),
];
const screener = createScreener({ entries, versions: [], lexicon: lex });
const top = (q: string) => screener.screen(q).hits[0];

describe('curated short forms', () => {
  it('alerts on a distinctive short form alone, on its own entry, and says where the name comes from', () => {
    for (const [q, id] of [['中芯国际', 'smic'], ['海康威视', 'hik'], ['寒武纪', 'cam']] as const) {
      const hit = top(q);
      expect(hit?.entryId, q).toBe(id);
      expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
    }
    expect(top('中芯国际')!.explanation.join('\n')).toMatch(/curated short form .*中芯国际集成电路制造有限公司.*test source/);
  });

  it('keeps a generic prefix alone below the alert threshold', () => {
    for (const q of ['长江', '华', '中国']) expect(top(q)?.score ?? 0, q).toBeLessThan(DEFAULT_ALERT_THRESHOLD);
  });

  it('learns a coined English word from a curated row and finds a subsidiary the table does not hold', () => {
    const learned = learnBrandWords(entries, lex);
    expect(learned.find((b) => b.zh === '寒武纪')?.key).toBe('cambricon');
    expect(learned.find((b) => b.zh === '海康威视')?.key).toBe('hikvision');
    // 中芯国际 leaves three English words unaccounted for: nothing is learned from it.
    expect(learned.some((b) => b.zh === '中芯国际')).toBe(false);
    const hit = top('雄安寒武纪科技有限公司');
    expect(hit?.entryId).toBe('cam-xa');
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
  });

  it('learns nothing from a row whose leftover English word is an ordinary word printed elsewhere, or taught two ways', () => {
    const ordinary = [
      entry('a', 'Origin Technology Co., Ltd.', { localNames: [local('本源科技有限公司', '本源')] }),
      entry('b', 'Origin Trading', { countries: ['IR'] }),
      entry('c', 'Origin Mining', { countries: ['RU'] }),
    ];
    expect(learnBrandWords(ordinary, lex)).toEqual([]);
    const twoWays = [
      entry('a', 'Foozle Technology Co., Ltd.', { localNames: [local('福泽科技有限公司', '福泽')] }),
      entry('b', 'Barzle Technology Co., Ltd.', { localNames: [local('福泽科技有限公司', '福泽')] }),
    ];
    expect(learnBrandWords(twoWays, lex)).toEqual([]);
  });

  it('learns the one unread run of characters that two rows agree on, without a short form (福巴 = Foxbar)', () => {
    const rows = [
      entry('g', 'Foxbar Electronics Group Co., Ltd.', { localNames: [local('福巴电子集团有限公司')] }),
      entry('h', 'Nanjing Foxbar Handa Technology Co., Ltd.', { altNames: ['NFEC Handa Technology Co., Ltd.', 'Foxbar Handa Nanjing Telecom'], localNames: [local('南京福巴汉达科技有限公司')] }),
    ];
    expect(learnBrandWords(rows, lex).map((b) => [b.zh, b.key])).toEqual([['福巴', 'foxbar']]);
    // One row alone, with no short form to say so, teaches nothing.
    expect(learnBrandWords(rows.slice(0, 1), lex)).toEqual([]);
    const s = createScreener({ entries: [...rows, entry('n', 'Nanjing Foxbar Electronics Company Limited')], versions: [], lexicon: lex });
    const hit = s.screen('南京福巴电子股份有限公司').hits[0];
    expect(hit?.entryId).toBe('n');
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
  });

  it('learns no run from a row whose names disagree with its short form, nor a name\'s own initials', () => {
    const rows = [
      entry('k', 'Quorvex Technology Co., Ltd.', { altNames: ['Beijing Yolbite Technology'], localNames: [local('北京东瑞科技股份有限公司', '东瑞科技')] }),
      entry('k2', 'Beijing Yolbite Information', { localNames: [local('北京东瑞信息有限公司')] }),
    ];
    const learned = learnBrandWords(rows, lex);
    expect(learned.find((b) => b.zh === '东瑞科技')?.key).toBe('quorvex');
    expect(learned.some((b) => b.key === 'yolbite')).toBe(false);
    const initials = [
      entry('i1', 'Hebei Semiconductor Research Institute (HSRI)', { localNames: [local('河北天瑞半导体研究所')] }),
      entry('i2', 'Hebei Semiconductor Research Institute (HSRI) Shijiazhuang', { localNames: [local('石家庄河北天瑞半导体研究所')] }),
    ];
    expect(learnBrandWords(initials, lex).some((b) => b.key === 'hsri')).toBe(false);
    // The entry prints the run's own pinyin (Fuze) beside a former name (Hefei, a place): Hefei is not 福泽's English.
    const renamed = [entry('r', 'Fuze Meiling Co., Ltd.', { altNames: ['Hefei Meiling Co., Ltd.'], localNames: [local('福泽美菱股份有限公司', '福泽美菱')] })];
    expect(learnBrandWords(renamed, lex).some((b) => b.zh === '福泽' && b.key === 'hefei')).toBe(false);
  });

  it('reads a run learned inside a longer short form as a plain word: alone it does not stand for the listed name', () => {
    const rows = [entry('f', 'Kufu Fashion Co., Ltd.', { localNames: [local('库福时尚股份有限公司', '库福时尚')] })];
    const learned = learnBrandWords(rows, lex);
    // 时尚 is read (Fashion), and the short form reads as Kufu + Fashion rather than as one word.
    expect(learned.map((b) => [b.zh, b.key, !!b.part])).toEqual([['时尚', 'fashion', true]]);
    // Enough other names that rarity means something (a word in one name of 80 is distinctive).
    const others = Array.from({ length: 80 }, (_, i) => entry(`o${i}`, `Other Trading ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}zor Co., Ltd.`));
    const s = createScreener({ entries: [...rows, ...others], versions: [], lexicon: lex });
    expect(s.screen('时尚').hits[0]?.score ?? 0).toBeLessThan(DEFAULT_ALERT_THRESHOLD);
    expect(s.screen('库福时尚').hits[0]?.score ?? 0).toBeGreaterThanOrEqual(DEFAULT_ALERT_THRESHOLD);
  });

  it('reads a learned short form as its English word and keeps its pinyin', () => {
    const lexicon = withBrandWords(lex, [{ zh: '寒武纪', key: 'cambricon', shown: 'Cambricon', from: '中科寒武纪科技股份有限公司' }]);
    const t = normalizeName('寒武纪', lexicon).tokens[0]!;
    expect(t.keys).toContain('cambricon');
    expect(t.keys).toContain('hanwuji');
    expect(withBrandWords(lex, [])).toBe(lex);
  });
});

describe('business words only', () => {
  it('does not alert when a listed name of business words alone sits inside a longer Chinese name (中国国际航空 / Aviation International)', () => {
    expect(top('中国国际航空股份有限公司')?.score ?? 0).toBeLessThan(DEFAULT_ALERT_THRESHOLD);
  });
});
