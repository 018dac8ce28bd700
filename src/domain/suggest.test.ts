import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, parseInput } from './errors.js';
import { closestNames, nameSimilarity, SUGGEST_INPUT_LIMIT } from './suggest.js';
import { SME_CATEGORY_NAMES } from './sme-category-names.js';
import { transactionSchema } from './transaction.js';

describe('closestNames', () => {
  it('ranks word overlap, prefixes and near spellings first', () => {
    expect(closestNames('overlay', ['wavelengthNm', 'resolutionNm', 'overlayNm', 'immersion'])[0]).toBe('overlayNm');
    expect(closestNames('deposition.ald', SME_CATEGORY_NAMES)).toEqual(expect.arrayContaining(['deposition.metal_ald', 'deposition.spatial_ald']));
    expect(closestNames('distributer', ['distributor', 'reseller', 'retailer'])).toEqual(['distributor']);
    expect(closestNames('zzzzzz', ['distributor', 'reseller'])).toEqual([]);
  });

  it('always puts an exact (case- and punctuation-insensitive) match first and returns only candidates', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 }), fc.nat(), (names, k) => {
        const pick = names[k % names.length]!;
        const out = closestNames(pick, names, 3);
        for (const o of out) expect(names).toContain(o);
        if (/[\p{L}\p{N}]/u.test(pick)) expect(nameSimilarity(pick, out[0]!)).toBe(1);
      }),
    );
  });

  it('looks at no more than the first characters of a long input', () => {
    const long = 'overlayNm'.padEnd(SUGGEST_INPUT_LIMIT, 'x');
    expect(nameSimilarity(long, 'overlayNm')).toBe(nameSimilarity(long + 'y'.repeat(1 << 20), 'overlayNm'));
  });
});

describe('parseInput with suggestions', () => {
  function problems(value: unknown) {
    try {
      parseInput(transactionSchema, value);
    } catch (e) {
      return (e as InputError).problems;
    }
    return [];
  }

  it('names the closest keys of the object an unknown key is in', () => {
    const p = problems({ to: 'CN', items: [{ kind: 'sme', parameters: { overlay: 1.3 } }], facility: { advancedNod: true } });
    expect(p).toContainEqual({ path: 'items[0].parameters.overlay', message: expect.stringContaining('did you mean overlayNm?') });
    expect(p).toContainEqual({ path: 'facility.advancedNod', message: expect.stringContaining('did you mean advancedNode?') });
  });

  it('names the closest values of an enumeration, listing all only when there are few', () => {
    const p = problems({ to: 'CN', items: [{ kind: 'sme', category: 'deposition.ald' }], certifications: ['purchase order'] });
    const cat = p.find((x) => x.path === 'items[0].category')!;
    expect(cat.message).toContain('deposition.metal_ald');
    expect(cat.message).toContain('53 valid values');
    expect(p.find((x) => x.path === 'certifications[0]')!.message).toBe('unknown value "purchase order"; did you mean purchase_order? (valid values: supp2_dd, purchase_order)');
  });

  it('leaves other errors as zod words them', () => {
    const schema = z.strictObject({ n: z.number() });
    expect(() => parseInput(schema, { n: 'x' })).toThrow(/n: .*number/);
  });
});
