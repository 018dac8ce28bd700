import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLexiconSync } from '../bundle/lists.js';
import { LISTS_DIR } from '../bundle/paths.js';
import { arabicNumbers, checkCuratedName, checkCuratedNames, curatedReviewMarkdown, readChineseNumeral, type CuratedRow } from './curated-names-check.js';

const lex = loadLexiconSync();
const row = (name: string, nameZh: string): CuratedRow => ({ list: 'l', name, nameZh });

describe('curated Chinese names check', () => {
  it('passes a transliteration when pinyin spells every English word', () => {
    const c = checkCuratedName(row('Beijing Zhipu Huazhang Technology Co., Ltd.', '北京智谱华章科技有限公司'), lex);
    expect(c.verdict).toBe('translation');
    expect(c.pairs).toContain('智谱华章 = Zhipu Huazhang (pinyin)');
    const t = checkCuratedName(row('Huawei', '华为'), lex);
    expect(t.verdict).toBe('transliteration');
  });
  it('passes a translation when the glossary accounts for the words, numbers included', () => {
    const c = checkCuratedName(row('China Electronics Technology Group Corporation 13th Research Institute (CETC 13)', '中国电子科技集团公司第十三研究所'), lex);
    expect(c.unmatchedEn).toEqual([]);
    expect(c.unmatchedZh).toEqual([]);
    expect(c.verdict).toBe('translation');
  });
  it('sends a coined brand, a word on one side only, or a wrong row to review', () => {
    const brand = checkCuratedName(row('Hangzhou Hikvision Digital Technology Co., Ltd.', '杭州海康威视数字技术股份有限公司'), lex);
    expect(brand.verdict).toBe('review');
    expect(brand.unmatchedEn).toEqual(['Hikvision']);
    const wrong = checkCuratedName(row('Huawei Technologies Co., Ltd.', '中兴通讯股份有限公司'), lex);
    expect(wrong.verdict).toBe('review');
    expect(wrong.unmatchedEn).toContain('Huawei');
    const extra = checkCuratedName(row('Huawei Technologies Co., Ltd.', '华为技术投资有限公司'), lex);
    expect(extra.verdict).toBe('review');
    expect(extra.unmatchedZh.join()).toMatch(/投资/);
    expect(checkCuratedName(row('Acme', ''), lex).verdict).toBe('review');
  });
  it('reads Chinese numerals, positional and with 十/百', () => {
    expect(readChineseNumeral('十三')).toBe(13);
    expect(readChineseNumeral('二十九')).toBe(29);
    expect(readChineseNumeral('五十四')).toBe(54);
    expect(readChineseNumeral('七〇一')).toBe(701);
    expect(readChineseNumeral('一五九')).toBe(159);
    expect(readChineseNumeral('一百零二')).toBe(102);
    expect(readChineseNumeral('华为')).toBeUndefined();
    expect(arabicNumbers('中国船舶集团有限公司第七一一研究所')).toBe('中国船舶集团有限公司 711 研究所');
    expect(arabicNumbers('第四范式')).toBe(' 4 范式');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const d = '〇一二三四五六七八九';
        const tens = Math.floor(n / 10);
        const zh = (tens > 1 ? d[tens] : '') + (tens > 0 ? '十' : '') + (n % 10 ? d[n % 10] : '');
        return readChineseNumeral(zh) === n;
      }),
    );
  });
  it('runs over every bundled row and writes the review report', () => {
    const text = readFileSync(join(LISTS_DIR, 'cn', 'cn_names_curated.csv'), 'utf8');
    const rows = (parse(text, { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({ list: r.list!, name: r.name!, nameZh: r.name_zh!, confidence: r.confidence }));
    const summary = checkCuratedNames(rows, lex);
    expect(summary.rows).toBe(rows.length);
    expect(summary.rows).toBeGreaterThanOrEqual(400);
    expect(summary.byVerdict.transliteration + summary.byVerdict.translation + summary.byVerdict.review).toBe(rows.length);
    const md = curatedReviewMarkdown(summary, 'test');
    expect(md.split('\n').filter((l) => l.startsWith('| us.')).length).toBe(summary.byVerdict.review);
    console.log(JSON.stringify(summary.byVerdict));
  });
});
