import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHIPS_FILE, loadCatalogue, readCatalogueRows } from './catalogue.js';

const dirs: string[] = [];
function folderWith(csv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-catalogue-'));
  dirs.push(dir);
  writeFileSync(join(dir, CHIPS_FILE), csv);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const HEADER = 'name,vendor,datacenter_marketed,peak_dense_tops,bit_length,tpp,die_area_mm2,pd,expected_eccn,note,source,confidence,mem_bw_gbs,jan2026_cbc_zone,interconnect_gbs,interconnect_source,tags,origin';

describe('loadCatalogue', () => {
  it('reads the bundled chips.csv', () => {
    const c = loadCatalogue();
    expect(c.entries.length).toBeGreaterThanOrEqual(53);
    expect(c.resolve('NVIDIA H100 SXM5 80GB')?.ic.interconnectGBs).toBe(900);
    expect(c.resolve('nvidia h20')?.info.tags).toEqual(['is_informed_h20_class', 'china_only_sku']);
  });

  it('reads the file once per process and folder', () => {
    expect(loadCatalogue()).toBe(loadCatalogue());
  });

  it('reads quoted fields with commas and a byte-order mark', () => {
    const dir = folderWith(`\uFEFF${HEADER}\nACME X1,ACME,yes,100,8,800,,,NOT_3A090,"a note, with a comma",src,low,,n/a,,,"tag_a;tag_b",US\n`);
    const c = loadCatalogue(dir);
    const e = c.resolve('acme x1')!;
    expect(e.info.note).toBe('a note, with a comma');
    expect(e.info.tags).toEqual(['tag_a', 'tag_b']);
    expect(readCatalogueRows(dir)).toHaveLength(1);
  });

  it('names the file and the row of a bad value', () => {
    const dir = folderWith(`${HEADER}\nACME X1,ACME,yes,lots,8,,,,NOT_3A090,,,,,,,,,US\n`);
    expect(() => loadCatalogue(dir)).toThrow(`${join(dir, CHIPS_FILE)}: catalogue row 1 (ACME X1): "peak_dense_tops" is "lots"`);
  });

  it('names the file when the CSV itself is broken', () => {
    const dir = folderWith(`${HEADER}\nACME X1,"unterminated\n`);
    expect(() => loadCatalogue(dir)).toThrow(join(dir, CHIPS_FILE));
  });
});
