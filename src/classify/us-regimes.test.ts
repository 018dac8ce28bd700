import { describe, expect, it } from 'vitest';
import type { IcItem, MemoryItem } from '../domain/index.js';
import { classifyUS } from './us.js';

/** A100 and A800 as the catalogue describes them: same die and compute, NVLink 600 vs 400 GB/s. */
const a100: IcItem = { kind: 'ic', datacenter: true, performance: [{ bits: 8, tops: 624 }], dieAreaMm2: 826, interconnectGBs: 600 };
const a800: IcItem = { ...a100, interconnectGBs: 400 };
const l4: IcItem = { kind: 'ic', datacenter: true, performance: [{ bits: 8, tops: 242.5 }], dieAreaMm2: 294.5, interconnectGBs: 64 };

describe('which version of 3A090 applies (rules.md §1.5, §1.15)', () => {
  it('has no 3A090 the day before 2022-10-07', () => {
    const c = classifyUS(a100, 0, '2022-10-06');
    expect(c.code).toBe('NOT_3A090');
    expect(c.because).toContain('did not exist before 2022-10-07');
    expect(c.regime).toBeUndefined();
    expect(c.facts.tpp).toBe(4992);
  });

  it('catches the A100 from 2022-10-07 (TPP >= 4800 and I/O >= 600 GB/s)', () => {
    const c = classifyUS(a100, 0, '2022-10-07');
    expect(c.code).toBe('3A090.a');
    expect(c.regime).toBe('2022-10-07');
    expect(c.because).toBe('TPP 4992 >= 4800 and I/O 600 GB/s >= 600 GB/s (October-2022 3A090.a)');
  });

  it('lets the A800 through on 2023-11-16 (I/O 400 < 600) and catches it on 2023-11-17', () => {
    const before = classifyUS(a800, 0, '2023-11-16');
    expect(before.code).toBe('NOT_3A090');
    expect(before.regime).toBe('2022-10-07');
    expect(before.because).toContain('I/O 400 GB/s < 600 GB/s');
    const after = classifyUS(a800, 0, '2023-11-17');
    expect(after.code).toBe('3A090.a');
    expect(after.regime).toBe('2023-11-17');
  });

  it('has no density prong in the 2022 text', () => {
    expect(classifyUS(l4, 0, '2023-11-16').code).toBe('NOT_3A090');
    expect(classifyUS(l4, 0, '2023-11-17').code).toBe('3A090.a');
  });

  it('asks for the interconnect bandwidth under the 2022 text when TPP >= 4800', () => {
    const { interconnectGBs: _drop, ...noIo } = a100;
    const c = classifyUS(noIo, 0, '2023-01-01');
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['interconnect bandwidth']);
  });
});

describe('3A090.c, high-bandwidth memory (from 2024-12-02)', () => {
  const hbm = (bandwidthGBs: number, packageAreaMm2 = 110, hbmFlag: boolean | null = true): MemoryItem => {
    const m: MemoryItem = { kind: 'memory', bandwidthGBs, packageAreaMm2 };
    if (hbmFlag !== null) m.hbm = hbmFlag;
    return m;
  };

  it('needs density strictly more than 2.0 GB/s/mm²', () => {
    expect(classifyUS(hbm(220), 0, '2026-09-30').code).toBe('NOT_3A090'); // 2.0
    const c = classifyUS(hbm(221.1), 0, '2026-09-30'); // 2.01
    expect(c.code).toBe('3A090.c');
    expect(c.paragraphs).toEqual(['c']);
    expect(c.regime).toBe('2024-12-02');
    expect(c.facts.bandwidthDensity).toBe(2.01);
  });

  it('did not exist before 2024-12-02', () => {
    const c = classifyUS(hbm(1229), 0, '2024-12-01');
    expect(c.code).toBe('NOT_3A090');
    expect(c.because).toContain('added on 2024-12-02');
    expect(classifyUS(hbm(1229), 0, '2024-12-02').code).toBe('3A090.c');
    expect(classifyUS(hbm(1229), 0, '2020-01-01').because).toContain('did not exist');
  });

  it('leaves non-HBM memory out and asks when it is not said', () => {
    expect(classifyUS(hbm(1229, 110, false), 0, '2026-09-30').code).toBe('NOT_3A090');
    const c = classifyUS(hbm(1229, 110, null), 0, '2026-09-30');
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['whether the memory is HBM']);
  });

  it('asks for what the density needs', () => {
    const c = classifyUS({ kind: 'memory', hbm: true, packageAreaMm2: 110 }, 0, '2026-09-30');
    expect(c.code).toBe('INDETERMINATE');
    expect(c.missing).toEqual(['memory bandwidth']);
  });
});

describe('kinds not classified from parameters yet', () => {
  it('answers INDETERMINATE saying what is needed, or the declared ECCN', () => {
    const sme = classifyUS({ kind: 'sme', category: 'lithography.duv_immersion' }, 0, '2026-09-30');
    expect(sme.code).toBe('INDETERMINATE');
    // Equipment is classified from its parameters (sme.ts): an immersion scanner needs its resolution.
    expect(sme.missing?.[0]).toBe('parameters.resolutionNm');
    expect(classifyUS({ kind: 'sme', eccn: '3B001.f.1' }, 0, '2026-09-30').code).toBe('3B001.f.1');
    expect(classifyUS({ kind: 'material', substance: 'gallium', form: 'metal' }, 0, '2026-09-30').code).toBe('INDETERMINATE');
    expect(classifyUS({ kind: 'material', substance: 'gallium', eccn: 'EAR99' }, 0, '2026-09-30').code).toBe('EAR99');
    const sw = classifyUS({ kind: 'software', forCode: '3A090.a' }, 0, '2026-09-30');
    expect(sw.code).toBe('INDETERMINATE');
    expect(sw.facts.forCode).toBe('3A090.a');
    expect(classifyUS({ kind: 'technology', eccn: '3E001' }, 0, '2026-09-30').because).toBe('declared by the user');
  });

  it('fails closed on an unresolved catalogue reference instead of throwing', () => {
    const c = classifyUS({ kind: 'catalogue', model: 'H100' } as never, 0, '2026-09-30');
    expect(c.code).toBe('INDETERMINATE');
  });
});
