import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/index.js';
import { loadLexiconSync } from '../bundle/lists.js';
import { explainLocalName } from './explain.js';
import { createScreener } from './screener.js';

const smic: ListEntry = {
  id: 'smic',
  list: 'us.bis.entity-list',
  name: 'Semiconductor Manufacturing International Corporation (SMIC)',
  altNames: ['SMIC International'],
  countries: ['CN'],
  addresses: [],
  localNames: [{ name: '中芯国际集成电路制造有限公司', source: 'HKEX 0981 listing', confidence: 'high', sourceType: 'exchange-listing' }],
};

describe('explainLocalName', () => {
  it('names the curated name, its confidence and its source when that is what matched', () => {
    expect(explainLocalName(smic, '中芯国际集成电路制造有限公司')).toEqual([
      'matched the curated Chinese name "中芯国际集成电路制造有限公司" of this entry (not printed by the list, confidence high); source: HKEX 0981 listing',
    ]);
  });
  it('says nothing when the list itself printed the matched name', () => {
    expect(explainLocalName(smic, smic.name)).toEqual([]);
    expect(explainLocalName(smic, 'SMIC International')).toEqual([]);
    expect(explainLocalName({ ...smic, localNames: undefined }, '中芯国际集成电路制造有限公司')).toEqual([]);
  });
  it('is part of a screening hit found through the curated name', () => {
    const screener = createScreener({ entries: [smic], versions: [], lexicon: loadLexiconSync() });
    const hit = screener.screen('中芯国际集成电路制造有限公司').hits[0]!;
    expect(hit.score).toBe(1);
    expect(hit.explanation.join('\n')).toMatch(/curated Chinese name "中芯国际集成电路制造有限公司".*source: HKEX 0981 listing/);
    const latin = screener.screen('Semiconductor Manufacturing International Corporation').hits[0]!;
    expect(latin.explanation.join('\n')).not.toMatch(/curated/);
  });
});
