import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError } from '../../domain/index.js';

/**
 * Property: whatever bytes a loader is given — random text, a prefix of a
 * real file (a truncated download), a real file with a slice cut out or
 * random text spliced in — it returns entries or throws an InputError that
 * names the file; never a TypeError or another crash.
 */
export async function expectOnlyInputErrors(parse: (text: string, source: string) => unknown, sample: string, runs = 120): Promise<void> {
  const mutated = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.nat(Math.min(sample.length, 40_000)).map((n) => sample.slice(0, n)),
    fc.tuple(fc.nat(sample.length), fc.nat(400)).map(([at, len]) => sample.slice(0, at) + sample.slice(at + len)),
    fc.tuple(fc.nat(sample.length), fc.string({ maxLength: 40 })).map(([at, junk]) => sample.slice(0, at) + junk + sample.slice(at)),
  );
  await fc.assert(
    fc.asyncProperty(mutated, async (text) => {
      try {
        await parse(text, 'garbage.file');
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message.startsWith('garbage.file')).toBe(true);
      }
    }),
    { numRuns: runs },
  );
}
