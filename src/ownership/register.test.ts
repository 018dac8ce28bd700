import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ownershipKey, partySchema } from '../domain/index.js';
import { registerFromEdges, validateRegisterRows } from './register.js';

describe('validateRegisterRows', () => {
  it('turns good rows into edges; an empty share is a share not known', () => {
    const { edges, problems } = validateRegisterRows([
      { line: 2, entity: 'A', owner: 'B', share: '40', as_of: '2025-01-01', source: 'registry' },
      { line: 3, entity: 'A', owner: 'C', share: '', as_of: '2025-01-01' },
      { line: 4, entity: 'A', owner: 'D', share: '60 %', as_of: '2025-01-01' },
    ]);
    expect(problems).toEqual([]);
    expect(edges.map((e) => e.share)).toEqual([40, undefined, 60]);
  });

  it('names the line of each bad share, date and empty name', () => {
    const { problems } = validateRegisterRows([
      { line: 2, entity: 'A', owner: 'B', share: '101', as_of: '2025-01-01' },
      { line: 3, entity: 'A', owner: 'B', share: '-1', as_of: '2025-01-01' },
      { line: 4, entity: 'A', owner: 'B', share: 'ten', as_of: '2025-01-01' },
      { line: 5, entity: 'A', owner: 'B', share: '10', as_of: '2025-02-30' },
      { line: 6, entity: '', owner: 'B', share: '10', as_of: '2025-01-01' },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['line 2, share', 'line 3, share', 'line 4, share', 'line 5, as_of', 'line 6, entity']);
  });

  it('refuses owners of one entity on one date adding up to more than 100 %, naming the lines', () => {
    const { problems } = validateRegisterRows([
      { line: 2, entity: 'Acme Co., Ltd.', owner: 'B', share: '60', as_of: '2025-01-01' },
      { line: 3, entity: 'ACME CO LTD', owner: 'C', share: '50', as_of: '2025-01-01' },
      { line: 4, entity: 'Acme Co., Ltd.', owner: 'C', share: '50', as_of: '2026-01-01' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('lines 2, 3');
    expect(problems[0]!.message).toContain('110 %');
  });
});

describe('registerFromEdges', () => {
  const reg = registerFromEdges([
    { entity: 'A', owner: 'B', share: 50, asOf: '2025-01-01', importId: 1 },
    { entity: 'A', owner: 'C', share: 10, asOf: '2025-06-01', importId: 1 },
    { entity: 'A', owner: 'D', share: 20, asOf: '2025-06-01', importId: 2 },
  ]);
  it('picks the latest statement dated on or before the date; a later import corrects one of the same date', () => {
    expect(reg.ownersOf('A', '2024-12-31')).toEqual([]);
    expect(reg.ownersOf('a', '2025-05-31').map((e) => e.owner)).toEqual(['B']);
    expect(reg.ownersOf('A', '2025-06-01').map((e) => e.owner)).toEqual(['D']);
    expect(reg.history('A')).toHaveLength(3);
  });
});

describe('owners on a party', () => {
  it('accepts a nested tree and names the entity whose owners add up to more than 100 %', () => {
    const ok = partySchema.safeParse({ role: 'end_user', name: 'P', owners: [{ name: 'A', pct: 60, owners: [{ name: 'X', pct: 50 }] }] });
    expect(ok.success).toBe(true);
    const bad = partySchema.safeParse({ role: 'end_user', name: 'P', owners: [{ name: 'A', pct: 60, owners: [{ name: 'X', pct: 70 }, { name: 'Y', pct: 40 }] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['owners', 0, 'owners']);
    expect(bad.error!.issues[0]!.message).toContain('"A" hold 110 %');
  });

  it('refuses a share outside 0–100 and a tree nested past the bound', () => {
    expect(partySchema.safeParse({ role: 'end_user', name: 'P', owners: [{ name: 'A', pct: 100.5 }] }).success).toBe(false);
    let deep: { name: string; pct: number; owners?: unknown[] } = { name: 'L', pct: 1 };
    for (let i = 0; i < 20; i++) deep = { name: `L${i}`, pct: 1, owners: [deep] };
    const r = partySchema.safeParse({ role: 'end_user', name: 'P', owners: [deep] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('nested more than');
  });
});

describe('ownershipKey', () => {
  it('folds case, punctuation and legal forms, idempotently', () => {
    expect(ownershipKey('Example Subsidiary Sdn. Bhd.')).toBe(ownershipKey('EXAMPLE SUBSIDIARY SDN BHD'));
    fc.assert(fc.property(fc.string(), (s) => {
      expect(ownershipKey(ownershipKey(s))).toBe(ownershipKey(s));
    }));
  });
});
