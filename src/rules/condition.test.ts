import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, Transaction } from '../domain/index.js';
import { compileCondition, ConditionError } from './condition.js';
import type { FactContext } from './context.js';
import { FactRegistry, type FactDef } from './facts.js';
import { CountryGroups } from './groups.js';
import { PartySets } from './party-sets.js';

// Three test facts whose values each case sets: true, false or unknown (undefined).
const vals: Record<string, boolean | undefined> = {};
const testFacts: FactDef[] = ['t.a', 't.b', 't.c'].map((path) => ({
  path,
  type: 'boolean',
  label: path,
  get: () => (vals[path] === undefined ? { value: undefined, missing: [path] } : { value: vals[path] }),
}));
const facts = new FactRegistry(testFacts);
const groups = new CountryGroups([
  {
    jurisdiction: 'US',
    version: '1',
    aliases: [{ country: 'HK', as: 'CN', from: '2020-12-23', citation: 'x' }],
    groups: {
      'D:5': { title: 'D5', citation: 'x', members: ['CN', { country: 'KH', from: '2021-12-09', to: '2025-11-07' }], confidence: 'high' },
      'A:5': { title: 'A5', citation: 'x', members: ['DE'], confidence: 'high' },
      MIX: { title: 'mix', citation: 'x', union: ['D:5', 'A:5'], minus: ['A:5'], plus: ['MO'], confidence: 'high' },
    },
    partySets: {},
  },
]);

function ctx(over: Partial<Transaction> = {}, date = '2026-09-30'): FactContext {
  const tx = { to: 'CN', items: [], parties: [], endUse: [], certifications: [], ...over } as Transaction;
  return {
    date,
    tx,
    item: { kind: 'ic' },
    itemIndex: 0,
    classifications: [],
    screening: [],
    alertThreshold: 0.8,
    options: {},
    groups,
    partySets: new PartySets([]),
    jurisdiction: 'US',
    memo: new Map(),
  };
}

const tri = fc.constantFrom(true, false, undefined);
const leaf = (f: string): Condition => ({ fact: f, eq: true });

describe('three-valued conditions', () => {
  it('all/any/not follow Kleene logic for every assignment', () => {
    fc.assert(
      fc.property(tri, tri, (a, b) => {
        vals['t.a'] = a;
        vals['t.b'] = b;
        const and = compileCondition({ all: [leaf('t.a'), leaf('t.b')] }, { facts, groups }).test(ctx());
        const or = compileCondition({ any: [leaf('t.a'), leaf('t.b')] }, { facts, groups }).test(ctx());
        const expectedAnd = a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
        const expectedOr = a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
        expect(and).toBe(expectedAnd);
        expect(or).toBe(expectedOr);
      }),
    );
  });

  it('De Morgan holds: not(all(a,b)) equals any(not a, not b)', () => {
    fc.assert(
      fc.property(tri, tri, tri, (a, b, c) => {
        vals['t.a'] = a;
        vals['t.b'] = b;
        vals['t.c'] = c;
        const left = compileCondition({ not: { all: [leaf('t.a'), leaf('t.b'), leaf('t.c')] } }, { facts, groups }).test(ctx());
        const right = compileCondition({ any: [{ not: leaf('t.a') }, { not: leaf('t.b') }, { not: leaf('t.c') }] }, { facts, groups }).test(ctx());
        expect(left).toBe(right);
      }),
    );
  });

  it('reports the missing input paths of an unknown condition', () => {
    vals['t.a'] = undefined;
    vals['t.b'] = true;
    const c = compileCondition({ all: [leaf('t.a'), leaf('t.b')] }, { facts, groups });
    const missing = new Set<string>();
    c.missing(ctx(), missing);
    expect([...missing]).toEqual(['t.a']);
  });

  it('refuses an unknown fact and a comparison of the wrong type at compile time', () => {
    expect(() => compileCondition({ fact: 'nope', eq: 1 }, { facts, groups })).toThrow(ConditionError);
    expect(() => compileCondition({ fact: 'tx.to', gte: 3 }, { facts, groups })).toThrow(/needs a number fact/);
    expect(() => compileCondition({ fact: 'tx.to', inGroup: 'Z:9' }, { facts, groups })).toThrow(/unknown country group/);
  });
});

describe('country groups on a date', () => {
  it('applies dated memberships on both sides of the boundary', () => {
    expect(groups.isMember('KH', 'D:5', '2021-12-08', 'US')).toBe(false);
    expect(groups.isMember('KH', 'D:5', '2021-12-09', 'US')).toBe(true);
    expect(groups.isMember('KH', 'D:5', '2025-11-06', 'US')).toBe(true);
    expect(groups.isMember('KH', 'D:5', '2025-11-07', 'US')).toBe(false);
  });

  it('treats Hong Kong as China from 2020-12-23 only', () => {
    expect(groups.isMember('HK', 'D:5', '2020-12-22', 'US')).toBe(false);
    expect(groups.isMember('HK', 'D:5', '2020-12-23', 'US')).toBe(true);
  });

  it('derives groups: union, minus, plus', () => {
    expect([...groups.members('MIX', '2026-01-01')].sort()).toEqual(['CN', 'MO']);
  });

  it('evaluates inGroup and anyInGroup with unknown list elements', () => {
    const inD5 = compileCondition({ fact: 'tx.to', inGroup: 'D:5' }, { facts, groups });
    expect(inD5.test(ctx({ to: 'HK' }))).toBe(true);
    expect(inD5.test(ctx({ to: 'DE' }))).toBe(false);
    const hq = compileCondition({ fact: 'parties.hqCountries', anyInGroup: 'D:5' }, { facts, groups });
    const party = (p: object) => ctx({ parties: [{ role: 'end_user', name: 'x', ...p }] as Transaction['parties'] });
    expect(hq.test(party({ headquarters: 'DE', ultimateParent: 'CN' }))).toBe(true);
    expect(hq.test(party({ headquarters: 'DE', ultimateParent: 'DE' }))).toBe(false);
    expect(hq.test(party({ headquarters: 'DE' }))).toBe(undefined);
  });
});

describe('partial evaluation (the engine rules measures out per kind of line with it)', () => {
  // Random conditions over the three test facts: all / any / not nested three deep.
  const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('t.a', 't.b', 't.c').map(leaf),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
  const known = fc.subarray(['t.a', 't.b', 't.c']);

  it('false on the known facts alone means false whatever the other facts are', () => {
    fc.assert(
      fc.property(condition, known, tri, tri, tri, (cond, knownFacts, a, b, c) => {
        Object.assign(vals, { 't.a': a, 't.b': b, 't.c': c });
        const compiled = compileCondition(cond, { facts, groups });
        const partial = compiled.partial(ctx(), new Set(knownFacts));
        const full = compiled.test(ctx());
        // Monotone: a definite partial answer is the full answer.
        if (partial !== undefined) expect(full).toBe(partial);
      }),
      { numRuns: 3000 },
    );
  });

  it('with every fact known it is the condition itself, and with none it decides only constants', () => {
    fc.assert(
      fc.property(condition, tri, tri, tri, (cond, a, b, c) => {
        Object.assign(vals, { 't.a': a, 't.b': b, 't.c': c });
        const compiled = compileCondition(cond, { facts, groups });
        expect(compiled.partial(ctx(), new Set(['t.a', 't.b', 't.c']))).toBe(compiled.test(ctx()));
        expect(compiled.partial(ctx(), new Set())).toBe(undefined);
      }),
      { numRuns: 1000 },
    );
  });
});
