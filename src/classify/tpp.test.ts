import { describe, expect, it } from 'vitest';
import { figureTpp, maximisingFigure, totalProcessingPerformance } from './tpp.js';
import { exactDecimal } from './exact.js';

describe('totalProcessingPerformance (rules.md §1.1)', () => {
  it('is datasheet TOPS × bit length: 600 TOPS at 8 bits is exactly 4800 (the BIS worked example)', () => {
    expect(totalProcessingPerformance([{ bits: 8, tops: 600 }])).toBe(4800);
    expect(totalProcessingPerformance([{ bits: 16, tops: 300 }])).toBe(4800);
  });

  it('keeps 4799.9 below 4800', () => {
    const tpp = totalProcessingPerformance([{ bits: 8, tops: 599.9875 }]);
    expect(tpp).toBe(4799.9);
    expect(tpp! < 4800).toBe(true);
  });

  it('gives back the decimal product where binary floating point would blur it', () => {
    // 0.1 * 3 is 0.30000000000000004 in IEEE 754.
    expect(totalProcessingPerformance([{ bits: 3, tops: 0.1 }])).toBe(0.3);
    expect(totalProcessingPerformance([{ bits: 8, tops: 299.3 }])).toBe(2394.4);
    expect(totalProcessingPerformance([{ bits: 8, tops: 1670.5 }])).toBe(13364);
  });

  it('takes the maximum over the bit lengths given, not the sum', () => {
    // MI250X: INT8 383 TOPS gives 3064, FP16 383 TFLOPS gives 6128.
    const perf = [
      { bits: 8, tops: 383 },
      { bits: 16, tops: 383 },
    ];
    expect(totalProcessingPerformance(perf)).toBe(6128);
    expect(maximisingFigure(perf)).toEqual({ tpp: 6128, bits: 16, tops: 383 });
  });

  it('halves a figure quoted with sparsity', () => {
    expect(totalProcessingPerformance([{ bits: 8, tops: 3958, sparse: true }])).toBe(15832);
    expect(figureTpp({ bits: 4, tops: 3352, sparse: true })).toBe(6704);
    expect(maximisingFigure([{ bits: 4, tops: 3352, sparse: true }])).toEqual({ tpp: 6704, bits: 4, tops: 1676 });
  });

  it('lets a dense figure beat the halved sparse one', () => {
    expect(
      totalProcessingPerformance([
        { bits: 8, tops: 1979 },
        { bits: 8, tops: 3000, sparse: true },
      ]),
    ).toBe(15832);
  });

  it('is undefined with no figures and 0 for a zero figure', () => {
    expect(totalProcessingPerformance(undefined)).toBeUndefined();
    expect(totalProcessingPerformance([])).toBeUndefined();
    expect(totalProcessingPerformance([{ bits: 8, tops: 0 }])).toBe(0);
  });
});

describe('exactDecimal', () => {
  it('leaves exact values and non-finite values alone', () => {
    expect(exactDecimal(4800)).toBe(4800);
    expect(exactDecimal(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exactDecimal(1e15)).toBe(1e15);
  });
});
