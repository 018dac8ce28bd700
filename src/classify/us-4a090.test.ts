import { describe, expect, it } from 'vitest';
import type { IcItem, ResolvedItem } from '../domain/index.js';
import { classifyUS } from './us.js';
import { classifyItem } from './classify.js';

const AS_OF = '2026-09-30';
const h100: IcItem = { kind: 'ic', name: 'H100', datacenter: true, performance: [{ bits: 8, tops: 1979 }], dieAreaMm2: 814, memoryBandwidthGBs: 3350, interconnectGBs: 900 };
const a30: IcItem = { kind: 'ic', name: 'A30', datacenter: true, performance: [{ bits: 8, tops: 330 }], dieAreaMm2: 826 };
const t4: IcItem = { kind: 'ic', name: 'T4', datacenter: true, performance: [{ bits: 8, tops: 130 }], dieAreaMm2: 545 };
const v5e: IcItem = { kind: 'ic', name: 'TPU v5e', datacenter: true, performance: [{ bits: 16, tops: 197 }] };
const server = (ics: ResolvedItem[], extra: Partial<Extract<ResolvedItem, { kind: 'computer' }>> = {}): ResolvedItem => ({ kind: 'computer', ics, ...extra });

describe('4A090: computers containing 3A090 ICs (rules.md §1.3)', () => {
  it('is 4A090.a when an IC is 3A090.a, and says which', () => {
    const c = classifyUS(server([t4, h100]), 2, AS_OF);
    expect(c.item).toBe(2);
    expect(c.code).toBe('4A090.a');
    expect(c.because).toContain('ics[1] (H100)');
    expect(c.because).toContain('3A090.a');
    expect(c.facts).toMatchObject({ ics: 2, tpp: 15832, memoryBandwidthGBs: 3350, interconnectGBs: 900 });
  });

  it('is 4A090.b when the best IC is 3A090.b', () => {
    expect(classifyUS(server([a30, t4]), 0, AS_OF).code).toBe('4A090.b');
  });

  it('is INDETERMINATE when a contained IC is, even next to a .b IC', () => {
    const c = classifyUS(server([a30, v5e]), 0, AS_OF);
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['ics[1] (TPU v5e): die area']);
    expect(c.because).toContain('at least 4A090.b');
  });

  it('is 4A090.a even when another IC is undecided', () => {
    expect(classifyUS(server([v5e, h100]), 0, AS_OF).code).toBe('4A090.a');
  });

  it('is not controlled when no IC meets 3A090.a/.b; memory does not count', () => {
    expect(classifyUS(server([t4]), 0, AS_OF).code).toBe('NOT_3A090');
    expect(classifyUS(server([{ kind: 'memory', hbm: true, bandwidthGBs: 1229, packageAreaMm2: 110 }]), 0, AS_OF).code).toBe('NOT_3A090');
  });

  it('looks inside nested assemblies', () => {
    expect(classifyUS(server([server([h100])]), 0, AS_OF).code).toBe('4A090.a');
  });

  it("lends the computer's datacenter answer to ICs that give none", () => {
    const { datacenter: _drop, ...l4 } = { kind: 'ic' as const, datacenter: true, performance: [{ bits: 8, tops: 242.5 }], dieAreaMm2: 294.5 };
    expect(classifyUS(server([l4]), 0, AS_OF).code).toBe('INDETERMINATE');
    expect(classifyUS(server([l4], { datacenter: true }), 0, AS_OF).code).toBe('4A090.a');
    expect(classifyUS(server([l4], { datacenter: false }), 0, AS_OF).code).toBe('NOT_3A090');
  });

  it('counts a contained IC with a declared 3A090 code', () => {
    expect(classifyUS(server([{ kind: 'ic', eccn: '3A090.b' }]), 0, AS_OF).code).toBe('4A090.b');
  });

  it('takes a declared ECCN on the computer as given', () => {
    const c = classifyUS(server([h100], { eccn: '5A992.z.1' }), 0, AS_OF);
    expect(c.code).toBe('5A992.z.1');
    expect(c.because).toBe('declared by the user');
  });

  it('did not exist before 2022-10-07', () => {
    const c = classifyUS(server([h100]), 0, '2022-10-06');
    expect(c.code).toBe('NOT_3A090');
    expect(c.because).toContain('4A090 did not exist');
  });
});

describe('classifyItem', () => {
  it('returns one classification per known jurisdiction (the US for now)', () => {
    const all = classifyItem(h100, 0, AS_OF);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(classifyUS(h100, 0, AS_OF));
  });
});
