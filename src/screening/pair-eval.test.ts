import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestThreshold, metricsAt, pairHash, parseNamePairs, splitPairs } from './pair-eval.js';

describe('pair evaluation', () => {
  it('parses labelled pairs and names a bad row', () => {
    const ok = parseNamePairs('case_group,schema,name1,name2,is_match\ng,Person,A B,A C,true\ng,Company,X,Y,false\n');
    expect(ok).toEqual([
      { group: 'g', schema: 'Person', a: 'A B', b: 'A C', match: true },
      { group: 'g', schema: 'Company', a: 'X', b: 'Y', match: false },
    ]);
    expect(() => parseNamePairs('schema,name1,name2,is_match\nPerson,A,,yes\n')).toThrow(/row 2/);
  });
  it('computes precision, recall and F1 at a threshold, the boundary counting as a match', () => {
    const m = metricsAt([{ score: 0.8, match: true }, { score: 0.79, match: true }, { score: 0.8, match: false }, { score: 0.1, match: false }], 0.8);
    expect([m.tp, m.fp, m.fn, m.tn]).toEqual([1, 1, 1, 1]);
    expect(m.f1).toBeCloseTo(0.5);
    expect(bestThreshold([{ score: 0.9, match: true }, { score: 0.4, match: false }]).f1).toBe(1);
  });
  it('splits every pair into exactly one half, the same way for the same seed', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string(), b: fc.string(), schema: fc.constantFrom('Person', 'Company') }), { maxLength: 40 }), fc.integer(), (ps, seed) => {
        const { tune, heldOut } = splitPairs(ps, seed);
        expect(tune.length + heldOut.length).toBe(ps.length);
        for (const p of ps) expect(tune.includes(p) !== heldOut.includes(p) || ps.filter((q) => q === p).length > 1).toBe(true);
        expect(pairHash(ps[0] ?? { a: '', b: '', schema: '' }, seed)).toBe(pairHash(ps[0] ?? { a: '', b: '', schema: '' }, seed));
      }),
    );
  });
});
