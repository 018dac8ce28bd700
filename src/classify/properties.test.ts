import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IcItem, PerformanceFigure, ResolvedItem } from '../domain/index.js';
import { applicableDieArea } from './die-area.js';
import { normaliseModel } from './model-name.js';
import { figureTpp, totalProcessingPerformance } from './tpp.js';
import { classifyUS } from './us.js';

/** Datasheet-like numbers: up to three decimals, as printed. */
const tops = fc.integer({ min: 0, max: 20_000_000 }).map((n) => n / 1000);
const bits = fc.constantFrom(4, 6, 8, 16, 32, 64);
const figure: fc.Arbitrary<PerformanceFigure> = fc.record({ bits, tops, sparse: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['bits', 'tops'] });
const area = fc.integer({ min: 1, max: 3_000_000 }).map((n) => n / 1000);
const die = fc.record({ areaMm2: area, nonPlanar: fc.option(fc.boolean(), { nil: undefined }), memory: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['areaMm2'] });
const date = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2028, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));

const icItem: fc.Arbitrary<IcItem> = fc.record(
  {
    kind: fc.constant('ic' as const),
    datacenter: fc.option(fc.boolean(), { nil: undefined }),
    performance: fc.option(fc.array(figure, { maxLength: 4 }), { nil: undefined }),
    dies: fc.option(fc.array(die, { maxLength: 4 }), { nil: undefined }),
    dieAreaMm2: fc.option(area, { nil: undefined }),
    interconnectGBs: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
    memoryBandwidthGBs: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
  },
  { requiredKeys: ['kind'] },
);

const item: fc.Arbitrary<ResolvedItem> = fc.oneof(
  icItem,
  fc.record({
    kind: fc.constant('memory' as const),
    hbm: fc.option(fc.boolean(), { nil: undefined }),
    bandwidthGBs: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    packageAreaMm2: fc.option(area, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('computer' as const), datacenter: fc.option(fc.boolean(), { nil: undefined }), ics: fc.array(icItem, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('sme' as const), eccn: fc.option(fc.constantFrom('3B001.f.1', 'EAR99'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('material' as const), substance: fc.constant('gallium') }),
);

const CODES = /^(3A090\.[abc]|4A090\.[ab]|NOT_3A090|INDETERMINATE|3B001\.f\.1|EAR99)$/;

describe('properties', () => {
  it('TPP is monotone in tops', () => {
    fc.assert(
      fc.property(bits, tops, tops, fc.boolean(), (b, x, y, sparse) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(figureTpp({ bits: b, tops: lo, sparse })).toBeLessThanOrEqual(figureTpp({ bits: b, tops: hi, sparse }));
      }),
    );
  });

  it('a sparse figure counts exactly half the same dense figure', () => {
    fc.assert(
      fc.property(bits, tops, (b, t) => {
        expect(figureTpp({ bits: b, tops: t, sparse: true })).toBe(figureTpp({ bits: b, tops: t }) / 2);
      }),
    );
  });

  it('TPP is the maximum of the figures, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 5 }), (figs) => {
        const tpp = totalProcessingPerformance(figs)!;
        expect(tpp).toBe(Math.max(...figs.map(figureTpp)));
        expect(totalProcessingPerformance([...figs].reverse())).toBe(tpp);
      }),
    );
  });

  it('adding a die never lowers the applicable area', () => {
    fc.assert(
      fc.property(fc.array(die, { minLength: 1, maxLength: 5 }), die, (dies, extra) => {
        expect(applicableDieArea({ dies: [...dies, extra] })!).toBeGreaterThanOrEqual(applicableDieArea({ dies })!);
      }),
    );
  });

  it('classification never throws, is deterministic and gives a known code with its reasons', () => {
    fc.assert(
      fc.property(item, date, fc.nat(1000), (it, d, index) => {
        const a = classifyUS(it, index, d);
        expect(classifyUS(structuredClone(it), index, d)).toEqual(a);
        expect(a.code).toMatch(CODES);
        expect(a.item).toBe(index);
        expect(a.because.length).toBeGreaterThan(0);
        if (a.code === 'INDETERMINATE') expect(a.missing?.length).toBeGreaterThan(0);
        for (const v of Object.values(a.facts)) expect(v).not.toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('more TPP never makes an IC less controlled (same area, datacenter, date)', () => {
    const rank = (code: string) => (code === '3A090.a' ? 2 : code === '3A090.b' ? 1 : 0);
    fc.assert(
      fc.property(tops, tops, fc.option(area, { nil: undefined }), fc.boolean(), date, (x, y, a, dc, d) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const mk = (t: number): IcItem => ({ kind: 'ic', datacenter: dc, performance: [{ bits: 8, tops: t }], dieAreaMm2: a, interconnectGBs: 900 });
        const cLo = classifyUS(mk(lo), 0, d);
        const cHi = classifyUS(mk(hi), 0, d);
        // Only comparable when both are decided.
        if (cLo.code !== 'INDETERMINATE' && cHi.code !== 'INDETERMINATE') expect(rank(cHi.code)).toBeGreaterThanOrEqual(rank(cLo.code));
      }),
    );
  });

  it('the model-name normaliser is idempotent and ignores case and punctuation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const n = normaliseModel(s);
        expect(normaliseModel(n)).toBe(n);
        expect(normaliseModel(s.toUpperCase())).toBe(normaliseModel(s.toLowerCase()));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '-', '_', '/', '.', ', '), (words, sep) => {
        expect(normaliseModel(words.join(sep))).toBe(normaliseModel(words.join('')));
      }),
    );
  });
});
