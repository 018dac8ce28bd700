import { describe, expect, it } from 'vitest';
import type { IcItem } from '../domain/index.js';
import { classifyUS } from './us.js';

const AS_OF = '2026-09-30';

/** An IC with TPP `tpp` (as an 8-bit figure), one non-planar die of `area` mm², datacenter flag `dc` (null: not given). */
function ic(tpp: number, area: number | undefined, dc: boolean | null = true, extra: Partial<IcItem> = {}): IcItem {
  const item: IcItem = { kind: 'ic', performance: [{ bits: 8, tops: tpp / 8 }], ...extra };
  if (area !== undefined) item.dieAreaMm2 = area;
  if (dc !== null) item.datacenter = dc;
  return item;
}

describe('3A090.a/.b thresholds (rules.md §1.2), exact at every boundary', () => {
  const cases: [label: string, tpp: number, area: number | undefined, code: string, paragraphs?: string[]][] = [
    ['TPP 4800 meets a.1', 4800, 1000, '3A090.a', ['a.1']],
    ['TPP 4799.9 misses a.1 (PD 4.8: b.1 and b.2)', 4799.9, 1000, '3A090.b', ['b.1', 'b.2']],
    ['PD 5.92 meets a.2', 2960, 500, '3A090.a', ['a.2']],
    ['PD 5.919 misses a.2', 2959.5, 500, '3A090.b', ['b.1', 'b.2']],
    ['TPP 1600 with PD 16 meets a.2', 1600, 100, '3A090.a', ['a.2']],
    ['TPP 1599 with PD 15.99: below every prong', 1599, 100, 'NOT_3A090'],
    ['TPP 2400 with PD 2.4 meets b.1', 2400, 1000, '3A090.b', ['b.1']],
    ['TPP 2399 with PD 2.399 meets nothing', 2399, 1000, 'NOT_3A090'],
    ['PD 3.2 with TPP 1920 meets b.2', 1920, 600, '3A090.b', ['b.2']],
    ['PD 3.199 with TPP 1919.4 meets nothing', 1919.4, 600, 'NOT_3A090'],
    ['PD 1.6 with TPP 3200 meets b.1', 3200, 2000, '3A090.b', ['b.1']],
    ['PD 1.599 with TPP 3198 meets nothing', 3198, 2000, 'NOT_3A090'],
    ['TPP >= 4800 needs no die area', 4800, undefined, '3A090.a', ['a.1']],
    ['TPP < 1600 needs no die area', 1599, undefined, 'NOT_3A090'],
    ['TPP < 1600 is out whatever the PD', 1000, 1, 'NOT_3A090'],
  ];
  it.each(cases)('%s', (_label, tpp, area, code, paragraphs) => {
    const c = classifyUS(ic(tpp, area), 0, AS_OF);
    expect(c.code).toBe(code);
    expect(c.paragraphs).toEqual(paragraphs);
    expect(c.regime).toBe('2023-11-17');
    expect(c.jurisdiction).toBe('US');
  });

  it('names a.1 and a.2 when both hold, in the contract wording', () => {
    const c = classifyUS(ic(15832, 814), 3, AS_OF);
    expect(c.item).toBe(3);
    expect(c.code).toBe('3A090.a');
    expect(c.because).toBe('TPP 15832 >= 4800 (a.1); PD 19.45 >= 5.92 (a.2)');
    expect(c.paragraphs).toEqual(['a.1', 'a.2']);
    expect(c.facts).toMatchObject({ tpp: 15832, pd: 19.45, areaMm2: 814, datacenter: true });
  });

  it('never rounds a PD onto the threshold it missed', () => {
    const c = classifyUS(ic(2959.97, 500), 0, AS_OF); // PD 5.91994
    expect(c.code).toBe('3A090.b');
    expect(c.because).toContain('PD 5.9199 < 5.92');
    expect(c.facts.pd).toBeLessThan(5.92);
  });

  it('asks for the die area when PD decides and the area is unknown', () => {
    const c = classifyUS(ic(3152, undefined), 0, AS_OF);
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['die area']);
    expect(c.because).toContain('performance density decides');
  });

  it('asks about the die list when no die is non-planar logic', () => {
    const c = classifyUS(ic(3000, undefined, true, { dies: [{ areaMm2: 400, nonPlanar: false }] }), 0, AS_OF);
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['die area']);
    expect(c.because).toContain('no non-planar logic die');
  });

  it('asks for performance figures when there are none', () => {
    const c = classifyUS({ kind: 'ic', datacenter: true }, 0, AS_OF);
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['performance (datasheet TOPS at each bit length)']);
  });
});

describe('die area in the classification', () => {
  it('excludes planar and memory dies from PD', () => {
    // Counting the planar I/O die and the HBM would give PD 2.4 (b.1); without them PD is 6 (a.2).
    const item: IcItem = {
      kind: 'ic',
      datacenter: true,
      performance: [{ bits: 8, tops: 300 }],
      dies: [{ areaMm2: 400, nonPlanar: true }, { areaMm2: 400, nonPlanar: false }, { areaMm2: 200, memory: true }],
    };
    const c = classifyUS(item, 0, AS_OF);
    expect(c.code).toBe('3A090.a');
    expect(c.paragraphs).toEqual(['a.2']);
    expect(c.facts.areaMm2).toBe(400);
  });

  it('converts a sparse figure to dense before testing', () => {
    const sparse: IcItem = { kind: 'ic', datacenter: true, performance: [{ bits: 8, tops: 1199.8, sparse: true }] };
    const c = classifyUS(sparse, 0, AS_OF);
    expect(c.facts.tpp).toBe(4799.2);
    expect(c.code).toBe('INDETERMINATE'); // 1600 <= TPP < 4800 and no area
  });
});

describe('the datacenter note', () => {
  it('does not reach TPP >= 4800: a consumer part stays 3A090.a', () => {
    expect(classifyUS(ic(4800, 1000, false), 0, AS_OF).code).toBe('3A090.a');
  });

  it('removes a non-datacenter part with TPP < 4800 from .a and .b whatever its PD', () => {
    const c = classifyUS(ic(4799.9, 100, false), 0, AS_OF);
    expect(c.code).toBe('NOT_3A090');
    expect(c.facts.datacenterNote).toBe(true);
    expect(c.because).toContain('datacenter note');
    expect(c.because).toContain('would otherwise meet a.2');
  });

  it('decides without the die area when the part is not for datacenters', () => {
    expect(classifyUS(ic(2960, undefined, false), 0, AS_OF).code).toBe('NOT_3A090');
  });

  it('asks about datacenter marketing when that decides', () => {
    const c = classifyUS(ic(2960, 500, null), 0, AS_OF);
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['datacenter marketing']);
    expect(c.facts.wouldBe).toBe('3A090.a');
  });

  it('asks for both when both are unknown', () => {
    expect(classifyUS(ic(2960, undefined, null), 0, AS_OF).missing).toEqual(['die area', 'datacenter marketing']);
  });

  it('does not ask about marketing when no prong is met anyway', () => {
    expect(classifyUS(ic(2000, 1000, null), 0, AS_OF).code).toBe('NOT_3A090');
    expect(classifyUS(ic(6000, 1000, null), 0, AS_OF).code).toBe('3A090.a');
  });
});

describe('other outcomes', () => {
  it('takes an explicit eccn as given, keeping the computed facts', () => {
    const c = classifyUS(ic(15832, 814, true, { eccn: 'EAR99' }), 0, AS_OF);
    expect(c.code).toBe('EAR99');
    expect(c.because).toBe('declared by the user');
    expect(c.facts).toMatchObject({ tpp: 15832, declared: true });
  });

  it('adds a 3A991.p hint to ICs outside 3A090 that reach its thresholds, keeping NOT_3A090', () => {
    const c = classifyUS(ic(1040, 545), 0, AS_OF);
    expect(c.code).toBe('NOT_3A090');
    expect(c.facts.hint).toBe('3A991.p');
    expect(classifyUS(ic(40, 545), 0, AS_OF).facts.hint).toBeUndefined();
  });
});
