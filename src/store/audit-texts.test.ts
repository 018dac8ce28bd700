import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashedContentOfTexts } from './audit.js';
import { canonicalJson } from './canonical.js';

/**
 * The audit append writes a record's hashed text around the members' canonical texts instead
 * of serialising the whole record again; `audit verify` recomputes it with canonicalJson of the
 * record. The two must be the same string, or every appended record would fail verification.
 */
describe('hashedContentOfTexts', () => {
  const json = fc.jsonValue();
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  it('equals canonicalJson of the record read back, for any members', () => {
    fc.assert(
      fc.property(
        fc.record({
          at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          kind: fc.constantFrom('determination', 'screening', 'review_case', 'batch'),
          keyId: maybe(fc.string()),
          ref: maybe(fc.string()),
          input: json,
          output: json,
          ruleset: maybe(fc.record({ version: fc.string(), hash: fc.string() })),
          lists: maybe(fc.dictionary(fc.string(), fc.record({ sourceDate: fc.string(), hash: fc.string() }))),
          meta: maybe(fc.dictionary(fc.string(), json)),
        }),
        (c) => {
          const texts = {
            input: canonicalJson(c.input),
            output: canonicalJson(c.output),
            ruleset: c.ruleset ? canonicalJson(c.ruleset) : 'null',
            lists: c.lists ? canonicalJson(c.lists) : 'null',
            meta: c.meta ? canonicalJson(c.meta) : 'null',
          };
          // What a later read gives back: the JSON members parsed from their stored texts.
          const read = { ...c, input: JSON.parse(texts.input), output: JSON.parse(texts.output) };
          expect(hashedContentOfTexts(c, texts)).toBe(canonicalJson(read));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
