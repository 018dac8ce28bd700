import { describe, expect, it } from 'vitest';
import type { SmeItem, SmeCategoryName } from '../domain/index.js';
import { classifySmeCN, classifySmeJP, classifySmeNL, classifySmeUS, usExposureCode } from './sme.js';
import { JP_2023_ITEM_COUNTS, SME_CATEGORIES } from './sme-categories.js';

const scanner = (overlayNm: number | undefined, extra: Partial<SmeItem> = {}): SmeItem => ({
  kind: 'sme',
  category: 'lithography.duv_immersion',
  parameters: { wavelengthNm: 193, resolutionNm: 38, ...(overlayNm === undefined ? {} : { overlayNm }) },
  ...extra,
});
const NOW = '2026-09-30';

describe('US exposure tools (3B001.f.1 / 3B993.f.1)', () => {
  it('EUV is 3B001.f.1 whatever the resolution', () => {
    expect(classifySmeUS({ kind: 'sme', category: 'lithography.euv' }, 0, NOW).code).toBe('3B001.f.1');
    expect(usExposureCode({ wavelengthNm: 192.9 }, undefined).code).toBe('3B001.f.1');
  });

  it('splits immersion DUV at 1.50 nm and 2.40 nm dedicated-chuck overlay (inclusive)', () => {
    expect(classifySmeUS(scanner(1.5), 0, NOW).code).toBe('3B001.f.1');
    expect(classifySmeUS(scanner(1.51), 0, NOW).code).toBe('3B993.f.1');
    expect(classifySmeUS(scanner(2.4), 0, NOW).code).toBe('3B993.f.1');
    const beyond = classifySmeUS(scanner(2.41), 0, NOW);
    expect(beyond.code).toBe('INDETERMINATE');
    expect(beyond.missing?.[0]).toMatch(/below the 3B001.f.1/);
  });

  it('needs MRF <= 45 nm for the DUV prongs', () => {
    const dry = classifySmeUS({ kind: 'sme', category: 'lithography.duv_dry', parameters: { wavelengthNm: 193, resolutionNm: 57, overlayNm: 1.4 } }, 0, NOW);
    expect(dry.code).toBe('INDETERMINATE');
    expect(dry.because).toMatch(/57 nm > 45 nm/);
  });

  it('asks for the parameter that would decide', () => {
    expect(classifySmeUS(scanner(undefined), 0, NOW).missing).toEqual(['parameters.overlayNm']);
    expect(classifySmeUS({ kind: 'sme', category: 'lithography.duv_dry' }, 0, NOW).missing).toEqual(['parameters.wavelengthNm']);
  });

  it('does not give entries before they existed', () => {
    expect(classifySmeUS(scanner(1.8), 0, '2024-12-01').code).toBe('INDETERMINATE');
    expect(classifySmeUS(scanner(1.8), 0, '2024-12-02').code).toBe('3B993.f.1');
    expect(classifySmeUS(scanner(1.4), 0, '2023-11-16').code).toBe('INDETERMINATE');
    expect(classifySmeUS(scanner(1.4), 0, '2023-11-17').code).toBe('3B001.f.1');
  });

  it('classifies imprint lithography by overlay', () => {
    expect(usExposureCode({ overlayNm: 1.4 }, 'lithography.imprint').code).toBe('3B001.f.5');
    expect(usExposureCode({ overlayNm: 1.5 }, 'lithography.imprint').code).toBe('3B993');
    expect(usExposureCode({ overlayNm: 4.1 }, 'lithography.imprint').code).toBeUndefined();
  });
});

describe('US equipment by type', () => {
  it('maps each type to its paragraph from the table', () => {
    expect(classifySmeUS({ kind: 'sme', category: 'etch.dielectric_high_aspect_ratio' }, 0, NOW).code).toBe('3B993');
    expect(classifySmeUS({ kind: 'sme', category: 'lithography.euv_track' }, 0, NOW).code).toBe('3B001.n');
    expect(classifySmeUS({ kind: 'sme', category: 'ion_implant.volume_production' }, 0, NOW).code).toBe('3B994');
  });

  it('fails closed for an unknown or missing type and for types the reference leaves open', () => {
    expect(classifySmeUS({ kind: 'sme' }, 0, NOW).missing?.[0]).toMatch(/^category/);
    expect(classifySmeUS({ kind: 'sme', category: 'etch.magic' as SmeCategoryName }, 0, NOW).missing?.[0]).toMatch(/not a known equipment type/);
    expect(classifySmeUS({ kind: 'sme', category: 'deposition.high_k_dli' }, 0, NOW).code).toBe('INDETERMINATE');
  });

  it('takes a declared ECCN as given', () => {
    expect(classifySmeUS({ kind: 'sme', category: 'etch.tsv', eccn: '3B001.c.4' }, 0, NOW).code).toBe('3B001.c.4');
  });

  it("describes Japan's 23 items of 2023 by category, all but two deposition items (rules.md §2.2)", () => {
    const items = new Map<string, Set<string>>();
    for (const c of Object.values(SME_CATEGORIES)) {
      if (!c.jp || !c.jp.code.startsWith('METI-2023:')) continue;
      const set = items.get(c.jp.code) ?? new Set<string>();
      set.add(c.jp.item);
      items.set(c.jp.code, set);
    }
    // ArF immersion exposure tools are the fourth lithography item, decided from parameters.
    const counts = Object.fromEntries([...items].map(([k, v]) => [k.slice(10), v.size + (k === 'METI-2023:lithography' ? 1 : 0)]));
    expect(Object.values(JP_2023_ITEM_COUNTS).reduce((a, b) => a + b, 0)).toBe(23);
    expect(counts).toEqual({ ...JP_2023_ITEM_COUNTS, deposition: JP_2023_ITEM_COUNTS.deposition - 2 });
  });

  it('answers INDETERMINATE in Japan for an undescribed deposition type, NOT_LISTED for other unlisted types', () => {
    expect(classifySmeJP({ kind: 'sme', category: 'deposition.spatial_ald' }, 0, NOW).code).toBe('INDETERMINATE');
    expect(classifySmeJP({ kind: 'sme', category: 'etch.tsv' }, 0, NOW).code).toBe('NOT_LISTED');
  });
});

describe('Japan', () => {
  it('lists ArF immersion tools and the 2023 items from 2023-07-23', () => {
    expect(classifySmeJP(scanner(1.8), 0, '2023-07-22').code).toBe('NOT_LISTED');
    expect(classifySmeJP(scanner(1.8), 0, '2023-07-23').code).toBe('METI-2023:lithography');
    expect(classifySmeJP({ kind: 'sme', category: 'lithography.euv_track' }, 0, NOW).code).toBe('METI-2023:lithography');
    expect(classifySmeJP({ kind: 'sme', category: 'metrology.overlay' }, 0, NOW).code).toBe('NOT_LISTED');
  });
});

describe('the Netherlands', () => {
  it('licences NXT:2000i-class tools from 2023-09-01 and NXT:1980i-class from 2024-09-07', () => {
    expect(classifySmeNL(scanner(1.4), 0, '2023-08-31').code).toBe('NOT_LISTED');
    expect(classifySmeNL(scanner(1.4), 0, '2023-09-01').code).toBe('NL-2023:duv-immersion');
    expect(classifySmeNL(scanner(1.6), 0, '2024-09-06').code).toBe('NOT_LISTED');
    expect(classifySmeNL(scanner(1.6), 0, '2024-09-07').code).toBe('NL-2024:duv-immersion');
    expect(classifySmeNL({ kind: 'sme', category: 'lithography.euv' }, 0, NOW).code).toBe('EU:3B001.f.1');
  });

  it('lists metrology from 2025-04-01 and leaves dry DUV out', () => {
    expect(classifySmeNL({ kind: 'sme', category: 'metrology.overlay' }, 0, '2025-03-31').code).toBe('NOT_LISTED');
    expect(classifySmeNL({ kind: 'sme', category: 'metrology.overlay' }, 0, '2025-04-01').code).toBe('NL-2025:metrology');
    expect(classifySmeNL({ kind: 'sme', category: 'lithography.duv_dry', parameters: { wavelengthNm: 193, resolutionNm: 38, overlayNm: 1.4 } }, 0, NOW).code).toBe('NOT_LISTED');
  });
});

describe('China', () => {
  it('gives every announcement an equipment type falls under', () => {
    expect(classifySmeCN({ kind: 'sme', category: 'superhard.dc_arc_plasma_cvd' }, 0).map((c) => c.code)).toEqual([
      'CN-2024-33:superhard-equipment',
      'CN-2025-55:superhard',
    ]);
    expect(classifySmeCN({ kind: 'sme', category: 'etch.tsv' }, 0).map((c) => c.code)).toEqual(['NOT_LISTED']);
  });
});

describe('equipment type names', () => {
  it('the input schema accepts exactly the types the classifiers know', async () => {
    const { SME_CATEGORY_NAMES } = await import('../domain/index.js');
    const { smeCategoryNames } = await import('./sme-categories.js');
    expect([...SME_CATEGORY_NAMES]).toEqual(smeCategoryNames());
  });
});
