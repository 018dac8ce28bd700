import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ListEntry } from '../domain/index.js';
import { loadLexiconSync } from '../bundle/lists.js';
import { numeralValue, ordinal } from './chinese.js';
import { normalizeName } from './normalize.js';
import { createScreener, DEFAULT_ALERT_THRESHOLD, scriptParts } from './screener.js';

/**
 * Translated Chinese names: numerals, group and university names read as one
 * concept, brands inside registered names, and the hard negatives that must
 * stay below the alert threshold. Entries are made up here, shaped as the lists
 * print them, so the tests do not depend on the bundled snapshot.
 */
const lex = loadLexiconSync();
const entry = (id: string, name: string, extra: Partial<ListEntry> = {}): ListEntry => ({ id, list: 'us.bis.entity-list', name, altNames: [], countries: ['CN'], addresses: [], ...extra });
const entries: ListEntry[] = [
  entry('cetc13', 'China Electronics Technology Group Corporation 13th Research Institute (CETC 13)'),
  entry('cetc14', 'China Electronics Technology Group Corporation 14th Research Institute'),
  entry('cetc29', 'China Electronics Technology Group Corporation 29th Research Institute'),
  entry('cetc', 'China Electronics Technology Group Corporation'),
  entry('hit', 'Harbin Institute of Technology'),
  entry('nwpu', 'Northwestern Polytechnical University'),
  entry('buaa', 'Beijing University of Aeronautics and Astronautics (BUAA)'),
  entry('ict', 'Chinese Academy of Sciences Institute of Computing Technology'),
  entry('huawei', 'Huawei Technologies Co., Ltd.', { localNames: [{ name: '华为技术有限公司', source: 'test' }] }),
  entry('ymtc', 'Yangtze Memory Technologies Co., Ltd.', { localNames: [{ name: '长江存储科技有限责任公司', source: 'test' }] }),
  entry('hik', 'Hangzhou Hikvision Digital Technology Co., Ltd.', { localNames: [{ name: '杭州海康威视数字技术股份有限公司', source: 'test' }] }),
  entry('zte', 'ZTE Corporation'),
  entry('bit', 'Beijing Institute of Technology'),
  entry('sw', 'Shengwei Semiconductor Equipment (Shanghai) Co., Ltd.'),
  entry('hua', 'HUA'),
];
const screener = createScreener({ entries, versions: [], lexicon: lex });
const top = (q: string) => screener.screen(q).hits[0];
const alerts = (q: string) => (top(q)?.score ?? 0) >= DEFAULT_ALERT_THRESHOLD;

describe('Chinese numerals', () => {
  it('reads ordinals after 第 and runs with 十, not a bare digit inside a word', () => {
    expect(numeralValue('第十四', undefined, lex)).toBe(14);
    expect(numeralValue('第二十九', undefined, lex)).toBe(29);
    expect(numeralValue('十三', undefined, lex)).toBe(13);
    expect(numeralValue('一百零八', undefined, lex)).toBe(108);
    expect(numeralValue('第十', undefined, lex)).toBe(10);
    expect(numeralValue('三', '星', lex)).toBeUndefined();
    expect(numeralValue('三', '所', lex)).toBe(3);
    expect(numeralValue('第', undefined, lex)).toBeUndefined();
  });
  it('writes every value from 1 to 99 back as the same number (property)', () => {
    const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const tens = Math.floor(n / 10);
        const zh = `第${tens ? `${tens > 1 ? digits[tens] : ''}十` : ''}${digits[n % 10]}`;
        expect(numeralValue(zh, undefined, lex)).toBe(n);
      }),
    );
  });
  it('gives English ordinals their suffix', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 29, 102].map((n) => ordinal(String(n)))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '29th', '102nd']);
  });
  it('reads English number words and ordinals the same way on both sides', () => {
    const keys = (s: string) => normalizeName(s, lex).tokens.map((t) => t.keys[0]);
    expect(keys('Brigade Forty-Four')).toEqual(keys('Brigade 44'));
    expect(keys('First International Bank')).toEqual(keys('1st International Bank'));
    expect(keys('14th Research Institute')).toEqual(keys('Fourteenth Research Institute'));
  });
});

describe('translated Chinese names', () => {
  it('tells numbered institutes apart by their number', () => {
    expect(top('中国电子科技集团公司第十四研究所')?.entryId).toBe('cetc14');
    expect(top('中国电子科技集团公司第十四研究所')?.score).toBe(1);
    expect(top('中国电子科技集团公司第二十九研究所')?.entryId).toBe('cetc29');
    expect(top('中国电子科技集团公司第十三研究所')?.entryId).toBe('cetc13');
    // The wrong number is not an alert.
    const hits = screener.screen('中国电子科技集团公司第十四研究所').hits;
    expect(hits.find((h) => h.entryId === 'cetc13')?.score ?? 0).toBeLessThan(DEFAULT_ALERT_THRESHOLD);
  });
  it('reads group short forms, universities and the Academy of Sciences', () => {
    expect(top('中电科')?.entryId).toBe('cetc');
    expect(top('哈尔滨工业大学')?.entryId).toBe('hit');
    expect(top('西北工业大学')?.entryId).toBe('nwpu');
    expect(top('北京航空航天大学')?.entryId).toBe('buaa');
    expect(top('北京理工大学')?.entryId).toBe('bit');
    expect(top('中国科学院计算技术研究所')?.entryId).toBe('ict');
    for (const q of ['中电科', '哈尔滨工业大学', '西北工业大学', '北京航空航天大学', '中国科学院计算技术研究所']) expect(alerts(q), q).toBe(true);
  });
  it('explains the glossary path word by word', () => {
    const lines = top('中国电子科技集团公司第十四研究所')!.explanation.join('\n');
    expect(lines).toContain('第十四 → 14th');
    expect(lines).toContain('研究所 → Research Institute');
    expect(lines).toContain('CETC');
    expect(top('哈尔滨工业大学')!.explanation.join('\n')).toContain('哈尔滨 → harbin');
  });
  it('still meets a group name spelt with a typo or in another order', () => {
    expect(top('China Eoectronics Technology Group Corporation 14th Research Institute')?.entryId).toBe('cetc14');
    expect(top('Electronics Technology Group Corporation 14th Research Institute China')?.entryId).toBe('cetc14');
  });
});

describe('brands, mixed scripts and hard negatives', () => {
  it('alerts on a distinctive brand inside a registered name', () => {
    expect(top('海康威视')?.entryId).toBe('hik');
    expect(alerts('海康威视')).toBe(true);
  });
  it('alerts on a name written in two scripts as on either half', () => {
    expect(scriptParts('ZTE 中兴通讯股份有限公司')).toEqual(['ZTE', '中兴通讯股份有限公司']);
    expect(scriptParts('中兴通讯')).toBeUndefined();
    expect(top('ZTE 中兴通讯股份有限公司')?.entryId).toBe('zte');
    expect(top('ZTE 中兴通讯股份有限公司')?.score).toBe(1);
  });
  it('still finds the entry by its own characters, in either script', () => {
    expect(top('华为')?.entryId).toBe('huawei');
    expect(alerts('華為')).toBe(true);
  });
  it('keeps generic prefixes, homophones and unlisted look-alikes below the alert threshold', () => {
    for (const q of ['华', '长江', '长江电力', '华威', '华虹', '华润', '北京科技有限公司', '中微半导体设备(上海)股份有限公司']) {
      expect(top(q)?.score ?? 0, q).toBeLessThan(DEFAULT_ALERT_THRESHOLD);
    }
  });
});
