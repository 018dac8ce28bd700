import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slices } from './context.js';

describe('slices', () => {
  it('cuts items into non-empty parts of at most the size, which join back into the items in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const parts = [...slices(items, size)];
        expect(parts.flat()).toEqual(items);
        expect(parts.every((p) => p.length > 0 && p.length <= size)).toBe(true);
        expect(parts.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });
});
