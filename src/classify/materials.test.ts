import { describe, expect, it } from 'vitest';
import type { MaterialItem } from '../domain/index.js';
import { classifyMaterialCN, classifyTechnologyCN } from './materials.js';

const codes = (m: Omit<MaterialItem, 'kind'>, asOf = '2026-09-30') => classifyMaterialCN({ kind: 'material', ...m }, 0, asOf).map((c) => c.code);

describe("China's controlled materials", () => {
  it('recognises gallium and germanium items from 2023-08-01', () => {
    expect(codes({ substance: 'gallium', form: 'metal' }, '2023-07-31')).toEqual(['NOT_LISTED']);
    expect(codes({ substance: 'gallium', form: 'metal' }, '2023-08-01')).toEqual(['CN-2023-23:gallium']);
    expect(codes({ substance: 'GaN', form: 'wafer' })).toEqual(['CN-2023-23:gallium']);
    expect(codes({ substance: 'germanium dioxide' })).toEqual(['CN-2023-23:germanium']);
  });

  it('does not read element symbols inside words', () => {
    expect(codes({ substance: 'general purpose resin' })).toEqual(['NOT_LISTED']);
    expect(codes({ substance: 'dynamic compound' })).toEqual(['NOT_LISTED']);
  });

  it('needs the purity of antimony oxide (listed at >= 99.99 %)', () => {
    expect(codes({ substance: 'antimony trioxide' })).toEqual(['INDETERMINATE']);
    expect(codes({ substance: 'antimony trioxide', purityPct: 99.999 })).toEqual(['CN-2024-33:antimony']);
    expect(codes({ substance: 'antimony trioxide', purityPct: 99.5 })).toEqual(['NOT_LISTED']);
    expect(codes({ substance: 'antimony', form: 'metal' })).toEqual(['CN-2024-33:antimony']);
  });

  it('puts artificial graphite anode material in No. 39 and No. 58', () => {
    expect(codes({ substance: 'artificial graphite anode material' })).toEqual(['CN-2023-39:graphite', 'CN-2025-58:battery']);
  });

  it('puts a Dy-bearing magnet in No. 18 and the No. 61 annex, a plain NdFeB magnet in neither', () => {
    expect(codes({ substance: 'NdFeB magnet containing dysprosium' })).toEqual(['CN-2025-18:rare-earth', 'CN-2025-61:annex']);
    expect(codes({ substance: 'NdFeB magnet' })).toEqual(['NOT_LISTED']);
  });

  it('dates the rare-earth announcements', () => {
    expect(codes({ substance: 'dysprosium oxide' }, '2025-04-03')).toEqual(['NOT_LISTED']);
    expect(codes({ substance: 'dysprosium oxide' }, '2025-04-04')).toEqual(['CN-2025-18:rare-earth']);
    expect(codes({ substance: 'holmium metal' }, '2025-11-08')).toEqual(['CN-2025-57:rare-earth']);
  });
});

describe("China's rare-earth technologies (No. 62 of 2025)", () => {
  it('recognises rare-earth technology by name from 2025-10-09', () => {
    expect(classifyTechnologyCN('NdFeB magnet sintering process specification', 0, '2025-10-09')[0]?.code).toBe('CN-2025-62:rare-earth-technology');
    expect(classifyTechnologyCN('NdFeB magnet sintering process specification', 0, '2025-10-08')[0]?.code).toBe('NOT_LISTED');
    expect(classifyTechnologyCN('GPU driver source code', 0, '2026-01-01')[0]?.code).toBe('NOT_LISTED');
  });
});

describe('unknown materials (issue 13)', () => {
  it('a substance no list knows and no declared ECCN is an input error naming the closest', async () => {
    const { resolveItem } = await import('./resolve.js');
    const { buildCatalogue } = await import('./catalogue.js');
    const catalogue = buildCatalogue([]);
    expect(() => resolveItem({ kind: 'material', substance: 'galium', form: 'metal' }, catalogue, 'items[0]')).toThrow(/items\[0\]\.substance: unknown material "galium"; did you mean gallium\?/);
    // Known substances, common unlisted ones and anything with a declared ECCN pass.
    for (const substance of ['gallium nitride', 'antimony trioxide', 'high-purity quartz']) expect(resolveItem({ kind: 'material', substance }, catalogue, 'items[0]')).toMatchObject({ substance });
    expect(resolveItem({ kind: 'material', substance: 'industrial controller', eccn: 'EAR99' }, catalogue)).toMatchObject({ eccn: 'EAR99' });
  });
});
