import { describe, expect, it } from 'vitest';
import { nameVariants, splitListedName } from './variants.js';

describe('splitListedName', () => {
  it('lists a trailing acronym as a name of its own, keeps place names in parentheses', () => {
    expect(splitListedName('Semiconductor Manufacturing International Corporation (SMIC)')).toEqual([
      'Semiconductor Manufacturing International Corporation (SMIC)',
      'Semiconductor Manufacturing International Corporation',
      'SMIC',
    ]);
    expect(splitListedName('Semiconductor Manufacturing International (Beijing) Corporation')).toEqual(['Semiconductor Manufacturing International (Beijing) Corporation']);
  });
  it('splits a.k.a. and drops the successor clause', () => {
    expect(splitListedName('Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof')).toEqual(['Sinobright Import and Export Company']);
    expect(splitListedName('Alpha Trading (a.k.a. Beta Trading)')).toEqual(['Alpha Trading', 'Beta Trading']);
  });
});

describe('nameVariants', () => {
  it('gives the name, aliases, local names and derived names once each', () => {
    const v = nameVariants({
      id: 'x',
      list: 'l',
      name: 'Huawei Technologies Co., Ltd. (Huawei)',
      altNames: ['Huawei Technology', 'huawei technology'],
      localNames: [{ name: '华为技术有限公司', source: 's' }],
      countries: [],
      addresses: [],
    });
    expect(v.map((x) => x.text)).toEqual(['Huawei Technologies Co., Ltd. (Huawei)', 'Huawei Technology', '华为技术有限公司', 'Huawei Technologies Co., Ltd.', 'Huawei']);
    expect(v[0]!.kind).toBe('name');
  });
});
