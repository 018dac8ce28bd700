import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput, InputError } from './errors.js';
import { partySchema } from './party.js';
import { normaliseName, TEXT_LIMITS } from './schema-helpers.js';
import { transactionSchema } from './transaction.js';

const tx = (over: Record<string, unknown> = {}, party: Record<string, unknown> = {}) => ({
  to: 'CN',
  items: [{ model: 'NVIDIA H100 SXM5 80GB' }],
  parties: [{ role: 'end_user', name: 'Example Cloud Ltd', country: 'CN', ...party }],
  ...over,
});

function problemsOf(value: unknown) {
  try {
    parseInput(transactionSchema, value);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

describe('invisible names screened clear: a name of only format or control characters is refused like an empty one', () => {
  for (const [label, name] of [
    ['zero-width space', '\u200b'],
    ['word joiner + zero-width joiner', '\u2060\u200d'],
    ['BOM and bidi marks', '\ufeff\u200e\u202e'],
    ['soft hyphen and Hangul filler', '\u00ad\u3164'],
    ['control characters', '\u0000\u0007\t'],
    ['blanks', '   '],
  ] as const) {
    it(`refuses ${label}`, () => {
      expect(problemsOf(tx({}, { name }))).toEqual([{ path: 'parties[0].name', message: expect.stringMatching(/must not be empty/) }]);
      expect(partySchema.safeParse({ role: 'end_user', name }).success).toBe(false);
    });
  }

  it('keeps a real name, folding full-width forms and dropping the invisible characters inside it', () => {
    const parsed = parseInput(transactionSchema, tx({}, { name: ' ＨＵＡＷＥＩ\u200b Tech\u2060nologies\u0007Co. ' }));
    expect(parsed.parties[0]!.name).toBe('HUAWEI Technologies Co.');
    expect(parseInput(transactionSchema, tx({}, { name: '华为技术有限公司' })).parties[0]!.name).toBe('华为技术有限公司');
  });

  it('normaliseName: idempotent, leaves no format or control characters, no white space at the ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\u200b', '\u2060', '\u200d', '\t', '\n', ' ', '\u3000', 'Ａ', '華', 'a', '\u00ad'), fc.string({ maxLength: 1, unit: 'grapheme' })) }), (s) => {
        const n = normaliseName(s);
        expect(normaliseName(n)).toBe(n);
        expect(n).not.toMatch(/[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/u);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/\s\s/);
      }),
    );
  });
});

describe('no size limits on input strings: a 1 MB model name was searched for two minutes', () => {
  const huge = 'X'.repeat(1_000_000);

  it('a model, name, address, vendor or id over its limit is bad input naming the field, quoting none of it', () => {
    const cases: [Record<string, unknown>, string][] = [
      [tx({ items: [{ model: huge }] }), 'items[0].model'],
      [tx({}, { name: huge }), 'parties[0].name'],
      [tx({}, { address: huge }), 'parties[0].address'],
      [tx({}, { aliases: ['ok', huge] }), 'parties[0].aliases[1]'],
      [tx({ items: [{ kind: 'ic', vendor: huge }] }), 'items[0].vendor'],
      [tx({ id: huge }), 'id'],
      [tx({ exporter: { name: huge } }), 'exporter.name'],
    ];
    for (const [value, path] of cases) {
      const problems = problemsOf(value);
      expect(problems, path).toEqual([{ path, message: expect.stringMatching(/^must be at most \d+ characters$/) }]);
    }
  });

  it('takes a field at exactly its limit and refuses one character more', () => {
    const at = 'M'.repeat(TEXT_LIMITS.model);
    expect(problemsOf(tx({ items: [{ model: at }] }))).toEqual([]);
    expect(problemsOf(tx({ items: [{ model: `${at}M` }] }))).toHaveLength(1);
    const name = 'N'.repeat(TEXT_LIMITS.name);
    expect(problemsOf(tx({}, { name }))).toEqual([]);
    expect(problemsOf(tx({}, { name: `${name}N` }))).toHaveLength(1);
  });
});
