import { describe, expect, it } from 'vitest';
import { applicableDieArea } from './die-area.js';
import { memoryBandwidthDensity, performanceDensity } from './density.js';

describe('applicableDieArea (rules.md §1.1)', () => {
  it('sums every non-planar logic die', () => {
    expect(applicableDieArea({ dies: [{ areaMm2: 814 }, { areaMm2: 814, nonPlanar: true }] })).toBe(1628);
  });

  it('leaves out planar dies and memory dies', () => {
    const dies = [
      { areaMm2: 600, nonPlanar: true },
      { areaMm2: 300, nonPlanar: false }, // planar I/O die
      { areaMm2: 110, memory: true }, // HBM stack
      { areaMm2: 110, memory: true, nonPlanar: true }, // memory even if FinFET
    ];
    expect(applicableDieArea({ dies })).toBe(600);
  });

  it('reads dieAreaMm2 alone as one non-planar logic die', () => {
    expect(applicableDieArea({ dieAreaMm2: 826 })).toBe(826);
  });

  it('prefers the die list to dieAreaMm2, and falls back when the list is empty', () => {
    expect(applicableDieArea({ dies: [{ areaMm2: 500 }], dieAreaMm2: 826 })).toBe(500);
    expect(applicableDieArea({ dies: [], dieAreaMm2: 826 })).toBe(826);
  });

  it('is undefined when nothing is known and 0 when no die qualifies', () => {
    expect(applicableDieArea({})).toBeUndefined();
    expect(applicableDieArea({ dies: [{ areaMm2: 300, nonPlanar: false }] })).toBe(0);
  });

  it('adds decimal areas without floating-point residue', () => {
    expect(applicableDieArea({ dies: [{ areaMm2: 0.1 }, { areaMm2: 0.2 }] })).toBe(0.3);
  });
});

describe('performanceDensity', () => {
  it('is TPP ÷ area', () => {
    expect(performanceDensity(15832, 814)).toBeCloseTo(19.45, 3);
    expect(performanceDensity(2960, 500)).toBe(5.92);
  });

  it('is undefined without a positive area or a TPP', () => {
    expect(performanceDensity(4800, undefined)).toBeUndefined();
    expect(performanceDensity(4800, 0)).toBeUndefined();
    expect(performanceDensity(undefined, 800)).toBeUndefined();
  });
});

describe('memoryBandwidthDensity', () => {
  it('is bandwidth ÷ package area', () => {
    expect(memoryBandwidthDensity(1229, 110)).toBeCloseTo(11.173, 3);
    expect(memoryBandwidthDensity(220, 110)).toBe(2);
    expect(memoryBandwidthDensity(undefined, 110)).toBeUndefined();
    expect(memoryBandwidthDensity(220, undefined)).toBeUndefined();
  });
});
