import { describe, expect, it } from 'vitest';
import { loadCatalogue, readCatalogueRows } from '../bundle/catalogue.js';
import { classifyUS } from './us.js';
import { resolveItem } from './resolve.js';
import { totalProcessingPerformance } from './tpp.js';

/**
 * The bundled catalogue against its own `expected_eccn` column (rules.md §9: the §1.2
 * algorithm reproduces every row). Table-driven from the CSV: no answer is written here.
 */
const rows = readCatalogueRows();
const catalogue = loadCatalogue();
const AS_OF = '2026-09-30';

describe('data/catalogue/chips.csv', () => {
  it('has every row of the reference file plus the Ascend 910D', () => {
    expect(rows.length).toBeGreaterThanOrEqual(53);
    expect(catalogue.entries.map((e) => e.name)).toContain('Huawei Ascend 910D');
  });

  it.each(rows.map((r) => [r.name as string, r.expected_eccn as string]))('%s classifies to %s on 2026-09-30', (name, expected) => {
    const item = resolveItem({ kind: 'catalogue', model: name }, catalogue, 'items[0]');
    expect(classifyUS(item, 0, AS_OF).code).toBe(expected);
  });

  it.each(rows.filter((r) => r.tpp).map((r) => [r.name as string, r]))('%s: tpp and pd columns agree with the computation', (_name, r) => {
    const tpp = totalProcessingPerformance([{ bits: Number(r.bit_length), tops: Number(r.peak_dense_tops) }])!;
    // The reference prints TPP rounded to a whole number and PD to three decimals.
    expect(Math.abs(tpp - Number(r.tpp))).toBeLessThanOrEqual(0.5);
    if (r.pd) expect(Math.abs(tpp / Number(r.die_area_mm2) - Number(r.pd))).toBeLessThanOrEqual(0.0015);
  });

  it('tags the products the rules name', () => {
    const tagged = (tag: string) => catalogue.entries.filter((e) => e.info.tags.includes(tag)).map((e) => e.name);
    expect(tagged('prc_3a090_ic')).toEqual(['Huawei Ascend 910B', 'Huawei Ascend 910C', 'Huawei Ascend 910D']);
    expect(tagged('is_informed_h20_class')).toEqual(['NVIDIA H20', 'AMD Instinct MI308X', 'Intel Gaudi 2 (HL-225H)', 'Intel Gaudi 3 (HL-325L OAM)']);
    for (const n of ['NVIDIA A800 SXM4 80GB', 'NVIDIA A800 PCIe 80GB', 'NVIDIA H800 SXM5', 'NVIDIA H800 PCIe', 'NVIDIA H20', 'NVIDIA L20', 'NVIDIA GeForce RTX 4090 D', 'NVIDIA GeForce RTX 5090 D']) {
      expect(tagged('china_only_sku')).toContain(n);
    }
    for (const n of tagged('china_only_sku')) expect(tagged('us_available_2026_01_15')).not.toContain(n);
    expect(tagged('us_available_2026_01_15')).toEqual(expect.arrayContaining(['NVIDIA H100 SXM5 80GB', 'NVIDIA H200 SXM 141GB', 'AMD Instinct MI325X']));
  });

  it('gives every product an origin', () => {
    for (const e of catalogue.entries) expect(e.origin, e.name).toMatch(/^(US|CN)$/);
  });

  describe('the October-2022 I/O test with catalogue figures', () => {
    const on = (model: string, date: string) => classifyUS(resolveItem({ kind: 'catalogue', model }, catalogue, 'x'), 0, date);
    it('lets the A800 through on 2023-11-16 (NVLink 400 < 600 GB/s) and catches it on 2023-11-17', () => {
      for (const m of ['NVIDIA A800 SXM4 80GB', 'NVIDIA A800 PCIe 80GB', 'NVIDIA H800 SXM5']) {
        expect(on(m, '2023-11-16').code, m).toBe('NOT_3A090');
        expect(on(m, '2023-11-17').code, m).toBe('3A090.a');
      }
    });
    it('catches the A100 and H100 on 2022-10-07 but not the day before', () => {
      expect(on('NVIDIA A100 SXM4 80GB', '2022-10-07').code).toBe('3A090.a');
      expect(on('NVIDIA H100 SXM5 80GB', '2022-10-07').code).toBe('3A090.a');
      expect(on('NVIDIA A100 SXM4 80GB', '2022-10-06').code).toBe('NOT_3A090');
    });
  });
});
