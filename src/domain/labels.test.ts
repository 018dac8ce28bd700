import { describe, expect, it } from 'vitest';
import { codeLabel, factLabel } from './labels.js';

describe('words for codes and paths', () => {
  it('classification codes that are not list entries read as words', () => {
    expect(codeLabel('NOT_LISTED')).toBe('not listed');
    expect(codeLabel('NOT_3A090')).toBe('not 3A090');
    expect(codeLabel('INDETERMINATE')).toBe('cannot classify');
    // Control-list entries are the answer: they stay whole.
    expect(codeLabel('METI-2023:lithography')).toBe('METI-2023:lithography');
    expect(codeLabel('3B001.f.1')).toBe('3B001.f.1');
    for (const c of ['NOT_LISTED', 'NOT_3A090', 'INDETERMINATE']) expect(codeLabel(c)).not.toMatch(/[A-Z]{4,}|_/);
  });

  it('fact paths are numbered from 1, as the form is', () => {
    expect(factLabel('parties[0].headquarters')).toBe('Party 1 headquarters');
    expect(factLabel('items[1]: eccn (x)')).toBe('Item 2: eccn (x)');
  });

  it('and in Chinese', () => {
    expect(factLabel('parties[0].headquarters', 'zh')).toBe('第 1 方的总部');
    expect(factLabel('items[1]: eccn (x)', 'zh')).toBe('物项 2：出口管制分类编码 (x)');
    expect(factLabel('to', 'zh')).toBe('目的国');
    expect(factLabel('exporter.headquarters', 'zh')).toBe('出口商总部');
    expect(factLabel('exporter.origin', 'zh')).toBe('出口商的原产国');
    // Unknown shapes pass through in either language.
    expect(factLabel('something.else', 'zh')).toBe('something.else');
  });
});
