import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Owner, OwnerListing } from '../domain/index.js';
import { computeOwnership, graphFromTree, OWNERSHIP_RULE_DEFS, type GraphNode } from './index.js';
import { computeRule } from './compute.js';

const listed: Record<string, OwnerListing> = {
  X: { list: 'us.ofac.sdn', label: 'SDN List', name: 'X', citation: 'SDN X' },
  Y: { list: 'us.ofac.sdn', label: 'SDN List', name: 'Y' },
  EL: { list: 'us.bis.entity-list', label: 'Entity List', name: 'EL', citation: '89 FR 1', licensePolicy: 'case-by-case' },
  EL2: { list: 'us.bis.entity-list', label: 'Entity List', name: 'EL2', citation: '89 FR 2', licensePolicy: 'presumption of denial' },
  MEU: { list: 'us.bis.meu', label: 'MEU List', name: 'MEU' },
};
const listingsOf = (n: GraphNode): OwnerListing[] => (listed[n.name] ? [listed[n.name]!] : []);
const rule = (id: string) => OWNERSHIP_RULE_DEFS.find((r) => r.id === id)!;
const ofac = (owners: Owner[]) => computeRule(graphFromTree('P', owners), rule('ofac50'), listingsOf);
const bis = (owners: Owner[]) => computeRule(graphFromTree('P', owners), rule('bisAffiliates'), listingsOf);

describe('computeRule', () => {
  it('aggregates blocked owners and shows each chain with its shares and citation', () => {
    const r = ofac([{ name: 'X', pct: 25 }, { name: 'A', pct: 40, owners: [{ name: 'Y', pct: 60 }] }]);
    expect(r.pct).toBe(65);
    expect(r.restricted).toBe(true);
    expect(r.because[0]).toBe('P ← 25% X (SDN List, SDN X); P ← 40% A ← 60% Y (SDN List); aggregate 65% ≥ 50%');
  });

  it('does not multiply down a chain: a 40 %-owned entity’s holding does not count', () => {
    const r = ofac([{ name: 'A', pct: 100, owners: [{ name: 'X', pct: 40 }] }]);
    expect(r.pct).toBe(0);
    expect(r.restricted).toBe(false);
  });

  it('draws the line at 50: 49.9 is below, 50 is at', () => {
    expect(ofac([{ name: 'X', pct: 49.9 }]).restricted).toBe(false);
    expect(ofac([{ name: 'X', pct: 50 }]).restricted).toBe(true);
    expect(ofac([{ name: 'X', pct: 33.3 }, { name: 'Y', pct: 16.7 }]).restricted).toBe(true);
  });

  it('aggregates Entity List and MEU owners for BIS and takes the strictest owner’s terms', () => {
    const r = bis([{ name: 'EL', pct: 20 }, { name: 'EL2', pct: 10 }, { name: 'MEU', pct: 20 }]);
    expect(r.pct).toBe(50);
    expect(r.terms?.name).toBe('EL2');
  });

  it('keeps each rule to its own lists', () => {
    const all = computeOwnership(graphFromTree('P', [{ name: 'X', pct: 25 }, { name: 'EL', pct: 25 }]), listingsOf);
    expect(all.map((r) => [r.rule, r.pct, r.restricted])).toEqual([
      ['bisAffiliates', 25, false],
      ['ofac50', 25, false],
      ['cn50', 0, false],
    ]);
  });

  it('names the missing share of a listed owner (Red Flag 29) only when it could decide', () => {
    const r = ofac([{ name: 'X' }, { name: 'Z', pct: 30 }]);
    expect(r.restricted).toBeUndefined();
    expect(r.missing).toEqual(['owners: share of "X" in "P" (Red Flag 29: ownership not determined)']);
    // 60 % known to be unlisted: X can hold at most 40 %, so the answer is clean.
    expect(ofac([{ name: 'X' }, { name: 'Z', pct: 60 }]).restricted).toBe(false);
  });

  it('a chain that stops at an unknown owner is a missing fact', () => {
    const r = ofac([{ name: 'A', pct: 80, owners: [{ name: 'undisclosed', pct: 50 }] }]);
    expect(r.restricted).toBeUndefined();
    expect(r.missing[0]).toContain('who "undisclosed" is');
  });

  it('reports a cycle and settles it without looping', () => {
    const r = ofac([{ name: 'B', pct: 50, owners: [{ name: 'P', pct: 50 }, { name: 'C', pct: 50, owners: [{ name: 'B', pct: 100 }] }] }]);
    expect(r.restricted).toBe(false);
    expect(r.cycles.length).toBeGreaterThan(0);
    expect(r.cycles[0]![0]).toBe(r.cycles[0]![r.cycles[0]!.length - 1]);
  });
});

// A random owner tree over a small name pool (so names repeat and cycles appear), shares that
// never add up to more than 100 % per entity.
const names = ['A', 'B', 'C', 'D', 'X', 'Y', 'EL', 'MEU', 'P'];
const ownerArb: fc.Arbitrary<Owner[]> = fc.letrec<{ tree: Owner[] }>((tie) => ({
  tree: fc
    .array(
      fc.record({
        name: fc.constantFrom(...names),
        pct: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        owners: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(undefined), tie('tree')),
      }),
      { maxLength: 2 },
    )
    .map((list) => list.map((o) => (o.owners === undefined ? { name: o.name, pct: o.pct } : { name: o.name, pct: o.pct, owners: o.owners as Owner[] }))),
})).tree;

describe('properties', () => {
  it('adding a listed owner never lowers the computed share nor clears a restriction', () => {
    fc.assert(
      fc.property(ownerArb, fc.constantFrom('X', 'EL', 'MEU'), fc.integer({ min: 0, max: 20 }), (owners, who, pct) => {
        for (const def of OWNERSHIP_RULE_DEFS) {
          const before = computeRule(graphFromTree('P', owners), def, listingsOf);
          const after = computeRule(graphFromTree('P', [...owners, { name: who, pct }]), def, listingsOf);
          expect(after.pct).toBeGreaterThanOrEqual(before.pct - 1e-9);
          if (before.restricted === true) expect(after.restricted).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the share is within 0–100 and restricted exactly when it reaches 50', () => {
    fc.assert(
      fc.property(ownerArb, (owners) => {
        for (const r of computeOwnership(graphFromTree('P', owners), listingsOf)) {
          expect(r.pct).toBeGreaterThanOrEqual(0);
          expect(r.pct).toBeLessThanOrEqual(100);
          if (r.restricted === true) expect(r.pct).toBeGreaterThanOrEqual(50);
          if (r.pct >= 50) expect(r.restricted).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
