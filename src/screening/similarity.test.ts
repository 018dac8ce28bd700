import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './similarity.js';

/** Optimal-string-alignment distance over the whole table, as the textbook writes it. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

// A small alphabet, so that strings share letters, transpositions and runs.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });

describe('editDistance, computed in the band of `max` edits', () => {
  it('equals the full table when within max, and says max + 1 when not', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('without a cap it is the full distance', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts a transposition as one edit and a longer word after a short one correctly', () => {
    expect(editDistance('huawei', 'huawie', 1)).toBe(1);
    expect(editDistance('ab', 'ba', 0)).toBe(1);
    expect(editDistance('technology', 'tecnology', 2)).toBe(1);
    expect(editDistance('technology', 'x'.repeat(30), 2)).toBe(3);
    expect(editDistance('a'.repeat(40), 'a'.repeat(39) + 'b', 1)).toBe(1);
  });
});
