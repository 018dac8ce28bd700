import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadLexiconSync } from '../bundle/lists.js';
import { canonicalName, normalizeName } from './normalize.js';
import { simplify, traditionalize } from './chinese.js';

const lex = loadLexiconSync();
const canon = (s: string, known?: string[]): string => canonicalName(normalizeName(s, lex, { isKnown: known ? (k) => known.includes(k) : undefined }));

describe('normalizeName', () => {
  it('meets Huawei in Latin, abbreviated and Chinese script (simplified and traditional)', () => {
    const known = ['huawei'];
    const forms = ['Huawei Technologies Co., Ltd.', 'HUAWEI TECH CO LTD', '华为技术有限公司', '華為技術有限公司'].map((s) => canon(s, known));
    expect(new Set(forms)).toEqual(new Set(['huawei technology']));
  });
  it('sets legal forms aside in many languages and says which', () => {
    for (const [name, legal] of [
      ['ООО Ромашка', 'OOO'],
      ['Siemens GmbH', 'GmbH'],
      ['Acme Kabushiki Kaisha', 'Kabushiki Kaisha'],
      ['三菱造船株式会社', '株式会社'],
      ['长江存储科技有限责任公司', '有限责任公司'],
      ['Banco Ejemplo S.A. de C.V.', 'S.A. de C.V.'],
      ['Volga Joint Stock Company', 'Joint Stock Company'],
    ]) {
      const n = normalizeName(name!, lex, { isKnown: () => false });
      expect(n.legalForms.join(' ').replace(/\./g, '').toLowerCase(), name).toContain(legal!.replace(/\./g, '').toLowerCase().split(' ')[0]);
    }
    expect(canon('ООО Ромашка')).toBe('romashka');
  });
  it('expands abbreviations and folds plurals, keeping ambiguous ones ambiguous', () => {
    expect(canon("Xi'an Intl Mfg Info Tech")).toBe('xian international manufacturing information technology');
    expect(normalizeName('Elec', lex).tokens[0]!.keys).toEqual(['electronic', 'electric']);
    expect(canon('Systems Laboratories')).toBe('system laboratory');
  });
  it('translates Chinese business words and spells the rest in pinyin words the lists use', () => {
    expect(canon('北京智谱华章科技有限公司', ['zhipu', 'huazhang', 'beijing'])).toBe('beijing zhipu huazhang technology');
    expect(canon('中芯国际集成电路制造有限公司', ['zhongxin'])).toBe('zhongxin international integrated circuit manufacturing');
    expect(normalizeName('长江存储', lex).tokens.map((t) => t.keys)).toEqual([['yangtze'], ['memory', 'storage']]);
  });
  it('keeps a name made only of legal-form words', () => {
    expect(canon('Limited')).toBe('limited');
  });
  it('is unchanged by case, accents and punctuation (property)', () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom(',', '.', ' ', ' - ', '; '), (ws, sep) => {
        const plain = canon(ws.join(' '));
        expect(canon(ws.join(sep).toUpperCase())).toBe(plain);
        expect(canon(ws.map((w) => w.replace(/e/g, 'é')).join(' '))).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });
  it('is unchanged by the legal form that follows the name (property)', () => {
    const word = fc.stringMatching(/^[a-z]{4,10}$/).filter((w) => !lex.legalForms.has(w) && !lex.stopwords.has(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('Co., Ltd.', 'GmbH', 'LLC', 'Company Limited', '有限公司', 'OOO', 'Inc.'), (ws, form) => {
        expect(canon(`${ws.join(' ')} ${form}`)).toBe(canon(ws.join(' ')));
      }),
      { numRuns: 300 },
    );
  });
  it('converts traditional to simplified and back for the Chinese names it meets', () => {
    expect(simplify('華為技術')).toBe('华为技术');
    expect(traditionalize('商汤集团')).toBe('商湯集團');
  });
});
