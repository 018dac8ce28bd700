import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, parseInput } from './errors.js';
import { compiledTransactionSchema, parseTransaction, transactionSchemaForFastPath } from './transaction-parser.js';
import { transactionSchema } from './transaction.js';

/** What a reader gives back, as the caller sees it: the JSON (key order included) or the problems. */
function outcome(read: () => unknown): string {
  try {
    return `ok ${JSON.stringify(read())}`;
  } catch (e) {
    if (e instanceof InputError) return `problems ${JSON.stringify(e.problems)}`;
    throw e;
  }
}

// Values that are right for a field, wrong for it, or wrong in type: the fast path must agree
// with the full schema on all of them.
/** Mostly a right value, now and then a wrong one. */
const rightOrWrong = <T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>) => fc.oneof({ weight: 40, arbitrary: right }, { weight: 1, arbitrary: wrong });
const text = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('NVIDIA H100 SXM5 80GB', 'Huawei Technologies Co., Ltd.', '华为技术有限公司', '  padded  ', 'Ａｃｍｅ　Ｌｔｄ') },
  { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b') },
);
const country = rightOrWrong(fc.constantFrom('CN', 'US', 'DE', 'HK', 'MO', 'NL'), fc.constantFrom('cn', 'XX', 'China'));
const number = rightOrWrong(fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.constantFrom(1e308, 0.5)), fc.constantFrom(-1, Number.NaN));
const anyValue = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.constant([]));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 80, arbitrary: a }, { weight: 1, arbitrary: anyValue });
/** Now and then an unknown key, which the strict schemas refuse. */
const sometimesExtra = <T extends object>(a: fc.Arbitrary<T>) =>
  fc.tuple(a, fc.integer({ min: 0, max: 29 }), anyValue).map(([o, dice, v]) => (dice === 0 ? { ...o, surprise: v } : o));

const provenance = {
  origin: maybe(country),
  usContentPct: maybe(rightOrWrong(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 101))),
  madeWithUsTools: maybe(fc.boolean()),
  quantity: maybe(number),
  value: maybe(number),
};
const catalogueRef = sometimesExtra(fc.record({ model: maybe(text), datacenter: maybe(fc.boolean()), ...provenance }, { requiredKeys: ['model'] }));
const icItem = sometimesExtra(
  fc.record(
    {
      kind: fc.constant('ic'),
      name: maybe(text),
      performance: maybe(fc.array(fc.record({ bits: maybe(rightOrWrong(fc.constantFrom(4, 8, 16), fc.constantFrom(0, 8.5))), tops: maybe(number) }), { maxLength: 2 })),
      dieAreaMm2: maybe(rightOrWrong(fc.integer({ min: 1, max: 900 }), fc.constant(0))),
      advancedNode: maybe(fc.boolean()),
      ...provenance,
    },
    { requiredKeys: ['kind'] },
  ),
);
const otherKind = fc.oneof(
  fc.record({ kind: fc.constant('memory'), name: maybe(text), hbm: maybe(fc.boolean()), ...provenance }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('material'), name: maybe(text), substance: maybe(rightOrWrong(fc.constantFrom('gallium', 'germanium'), fc.constant(''))) }, { requiredKeys: ['kind', 'substance'] }),
  fc.record({ kind: fc.constantFrom('software', 'technology'), name: maybe(text), forCode: maybe(fc.constantFrom('3A090.a', '3B001')) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: rightOrWrong(fc.constant('sme'), fc.constant('gadget')), name: maybe(text) }, { requiredKeys: ['kind'] }),
);
const plainItem = fc.oneof(catalogueRef, icItem, otherKind);
const computer = fc.record({ kind: fc.constant('computer'), name: maybe(text), ics: fc.array(plainItem, { maxLength: 2 }) }, { requiredKeys: ['kind', 'ics'] });
const item = fc.oneof({ weight: 40, arbitrary: plainItem }, { weight: 3, arbitrary: computer }, { weight: 1, arbitrary: anyValue });

const owner = sometimesExtra(fc.record({ name: maybe(text), pct: maybe(fc.constantFrom(49.9, 50, 100, 120)) }, { requiredKeys: ['name'] }));
const owners = fc.array(fc.oneof(owner, fc.record({ name: text, owners: fc.array(owner, { maxLength: 2 }) })), { maxLength: 2 });
const party = sometimesExtra(
  fc
    .tuple(
      fc.record(
        {
          role: maybe(fc.constantFrom('buyer', 'end_user', 'ultimate_consignee', 'exporter')),
          name: maybe(text),
          country: maybe(country),
          aliases: maybe(fc.array(text, { maxLength: 2 })),
        },
        { requiredKeys: ['role', 'name'] },
      ),
      fc.integer({ min: 0, max: 7 }),
      owners,
    )
    // Owners on one party in eight.
    .map(([p, dice, o]) => (dice === 0 ? { ...p, owners: o } : p)),
);

const transaction = sometimesExtra(fc.record(
  {
    id: maybe(text),
    date: maybe(rightOrWrong(fc.constantFrom('2026-09-30', '2023-10-17', '2025-01-15'), fc.constantFrom('2024-02-30', '2026-9-30', 'tomorrow'))),
    from: maybe(country),
    to: maybe(country),
    items: maybe(fc.array(item, { minLength: 1, maxLength: 3 })),
    parties: maybe(fc.array(party, { maxLength: 3 })),
    endUse: maybe(fc.array(rightOrWrong(fc.constantFrom('commercial', 'ai_training', 'military'), fc.constant('gaming')), { maxLength: 2 })),
    value: maybe(number),
    currency: maybe(rightOrWrong(fc.constant('USD'), fc.constantFrom('usd', 'EURO'))),
  },
  { requiredKeys: ['to', 'items'] },
));

describe('parseTransaction', () => {
  it('compiles: the fast path is in use, not silently the interpreter', () => {
    expect(() => z.compile(transactionSchemaForFastPath, { strict: true })).not.toThrow();
    expect(compiledTransactionSchema()).not.toBe(transactionSchemaForFastPath);
  });

  it('reads every generated transaction exactly as parseInput(transactionSchema) does: the same JSON, or the same problems', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(transaction, fc.constantFrom('', '[7]'), (tx, base) => {
        runs++;
        if (compiledTransactionSchema().safeParse(tx).success) fast++;
        expect(outcome(() => parseTransaction(tx, base))).toBe(outcome(() => parseInput(transactionSchema, tx, base)));
      }),
      { numRuns: 3000 },
    );
    // Both ways are exercised: lines the fast path reads, and lines it hands on.
    expect(fast).toBeGreaterThan(runs * 0.05);
    expect(fast).toBeLessThan(runs * 0.95);
  });

  it('takes lines with owners and computers to the full schema, which reads them', () => {
    const tx = {
      to: 'CN',
      items: [{ kind: 'computer', ics: [{ model: 'NVIDIA H100 SXM5 80GB' }, { kind: 'computer', ics: [{ kind: 'ic' }] }] }],
      parties: [{ role: 'end_user', name: 'Example Cloud', owners: [{ name: 'Example Holding', pct: 50, owners: [{ name: 'Huawei', pct: 50 }] }] }],
    };
    expect(compiledTransactionSchema().safeParse(tx).success).toBe(false);
    const read = parseTransaction(tx);
    expect(read.items[0]).toMatchObject({ kind: 'computer', ics: [{ kind: 'catalogue' }, { kind: 'computer', ics: [{ kind: 'ic' }] }] });
    expect(read.parties[0]!.owners![0]!.owners![0]).toEqual({ name: 'Huawei', pct: 50 });
  });

  it('names the field of a bad line with the base path, as before', () => {
    expect(() => parseTransaction({ to: 'CN', items: [{ model: 'X', quantity: -1 }] }, '[3]')).toThrow(/\[3\]\.items\[0\]\.quantity/);
  });
});
