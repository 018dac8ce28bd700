import { describe, expect, it } from 'vitest';
import { InputError, type Item } from '../domain/index.js';
import { buildCatalogue } from './catalogue.js';
import { CatalogueRowError, type CatalogueRow } from './catalogue-row.js';
import { resolveItem } from './resolve.js';

const HEADER = {
  vendor: 'NVIDIA',
  datacenter_marketed: 'yes',
  peak_dense_tops: '',
  bit_length: '',
  die_area_mm2: '',
  expected_eccn: 'INDETERMINATE',
  origin: 'US',
};
const row = (name: string, extra: Record<string, string> = {}): CatalogueRow => ({ ...HEADER, name, ...extra });

const catalogue = buildCatalogue([
  row('NVIDIA H100 SXM5 80GB', { peak_dense_tops: '1979', bit_length: '8', die_area_mm2: '814', mem_bw_gbs: '3350', interconnect_gbs: '900', expected_eccn: '3A090.a', tags: 'us_available_2026_01_15', source: 'datasheet', confidence: 'high', note: 'a.1' }),
  row('NVIDIA H100 PCIe 80GB', { peak_dense_tops: '1513', bit_length: '8', die_area_mm2: '814' }),
  row('NVIDIA H100 NVL 94GB', { peak_dense_tops: '1670.5', bit_length: '8', die_area_mm2: '814' }),
  row('NVIDIA H800 SXM5', { peak_dense_tops: '1979', bit_length: '8', tags: 'china_only_sku' }),
  row('NVIDIA GeForce RTX 4090', { datacenter_marketed: 'no' }),
  row('NVIDIA GeForce RTX 4090 D', { datacenter_marketed: 'no', tags: 'china_only_sku' }),
  row('NVIDIA A10'),
  row('NVIDIA A100 SXM4 80GB'),
  row('NVIDIA B200 (HGX)'),
  row('Intel Gaudi 3 (HL-325L OAM)', { vendor: 'Intel' }),
  row('Huawei Ascend 910 (2019)', { vendor: 'Huawei', origin: 'CN' }),
  row('Huawei Ascend 910B', { vendor: 'Huawei', origin: 'CN', tags: 'prc_3a090_ic' }),
]);

describe('catalogue matching (contract.md: case- and punctuation-insensitive)', () => {
  it.each(['NVIDIA H100 SXM5 80GB', 'nvidia h100 sxm5 80gb', 'NVIDIA-H100-SXM5-80GB', 'H100 SXM5 80GB', ' nvidia_h100/sxm5 (80GB) ', 'H100 SXM'])(
    'resolves %j to the H100 SXM5',
    (name) => {
      expect(catalogue.resolve(name)?.name).toBe('NVIDIA H100 SXM5 80GB');
    },
  );

  it('resolves names without the bracketed detail or the brand', () => {
    expect(catalogue.resolve('NVIDIA B200')?.name).toBe('NVIDIA B200 (HGX)');
    expect(catalogue.resolve('b200')?.name).toBe('NVIDIA B200 (HGX)');
    expect(catalogue.resolve('Gaudi 3')?.name).toBe('Intel Gaudi 3 (HL-325L OAM)');
    expect(catalogue.resolve('Ascend 910')?.name).toBe('Huawei Ascend 910 (2019)');
    expect(catalogue.resolve('Ascend 910B')?.name).toBe('Huawei Ascend 910B');
  });

  it('does not pick one product for an ambiguous partial name', () => {
    expect(catalogue.resolve('H100')).toBeUndefined();
    expect(catalogue.match('H100')).toEqual({
      kind: 'ambiguous',
      candidates: ['NVIDIA H100 NVL 94GB', 'NVIDIA H100 PCIe 80GB', 'NVIDIA H100 SXM5 80GB'],
    });
    expect(catalogue.match('RTX 4090')).toEqual({ kind: 'ambiguous', candidates: ['NVIDIA GeForce RTX 4090', 'NVIDIA GeForce RTX 4090 D'] });
  });

  it('tells a model number from a longer one', () => {
    expect(catalogue.resolve('NVIDIA A10')?.name).toBe('NVIDIA A10');
    expect(catalogue.resolve('GeForce RTX 4090')?.name).toBe('NVIDIA GeForce RTX 4090');
    // A partial name needs one whole model number: "B2" must not quietly become "B200".
    expect(catalogue.resolve('B2')).toBeUndefined();
    expect(catalogue.resolve('A1')).toBeUndefined();
  });

  it('lists the closest names for an unknown model', () => {
    const near = catalogue.closest('NVIDIA H110 SXM5', 3);
    expect(near).toHaveLength(3);
    expect(near[0]).toBe('NVIDIA H100 SXM5 80GB');
    expect(catalogue.closest('anything', 0)).toEqual([]);
  });

  it('answers the same on repeated partial lookups (memoised)', () => {
    expect(catalogue.match('H100 SXM')).toEqual(catalogue.match('h100-sxm'));
  });
});

describe('buildCatalogue row checks', () => {
  it('names the row and column of a bad number', () => {
    expect(() => buildCatalogue([row('X1', { peak_dense_tops: 'fast', bit_length: '8' })])).toThrow(CatalogueRowError);
    expect(() => buildCatalogue([row('X1', { peak_dense_tops: 'fast', bit_length: '8' })])).toThrow(/row 1 \(X1\): "peak_dense_tops" is "fast"/);
  });

  it('rejects half a performance figure, a bad flag, a bad country and a missing column', () => {
    expect(() => buildCatalogue([row('X1', { peak_dense_tops: '100' })])).toThrow(/both be given/);
    expect(() => buildCatalogue([row('X1', { datacenter_marketed: 'maybe' })])).toThrow(/datacenter_marketed/);
    expect(() => buildCatalogue([row('X1', { origin: 'USA' })])).toThrow(/origin/);
    expect(() => buildCatalogue([{ name: 'X1' }])).toThrow(/column "vendor" is missing/);
  });

  it('rejects two rows with one name', () => {
    expect(() => buildCatalogue([row('NVIDIA X1'), row('nvidia x-1')])).toThrow(/same name/);
  });

  it('builds the IC description from the row', () => {
    const e = catalogue.resolve('H100 SXM5 80GB')!;
    expect(e.ic).toEqual({
      kind: 'ic',
      name: 'NVIDIA H100 SXM5 80GB',
      model: 'NVIDIA H100 SXM5 80GB',
      vendor: 'NVIDIA',
      datacenter: true,
      performance: [{ bits: 8, tops: 1979 }],
      dies: [{ areaMm2: 814, nonPlanar: true }],
      memoryBandwidthGBs: 3350,
      interconnectGBs: 900,
    });
    expect(e.origin).toBe('US');
    expect(e.info).toEqual({
      name: 'NVIDIA H100 SXM5 80GB',
      vendor: 'NVIDIA',
      tags: ['us_available_2026_01_15'],
      source: 'datasheet',
      confidence: 'high',
      note: 'a.1',
      expectedCode: '3A090.a',
    });
  });
});

describe('resolveItem', () => {
  it('replaces a reference by the IC, keeping its provenance and catalogue facts', () => {
    const ref: Item = { kind: 'catalogue', model: 'nvidia-h100-sxm5-80gb', quantity: 8, value: 250000, usContentPct: 40, eccn: undefined };
    const r = resolveItem(ref, catalogue, 'items[0]');
    expect(r).toMatchObject({ kind: 'ic', name: 'NVIDIA H100 SXM5 80GB', quantity: 8, value: 250000, usContentPct: 40, origin: 'US', datacenter: true });
    expect('eccn' in r).toBe(false);
    expect(r.catalogue?.tags).toEqual(['us_available_2026_01_15']);
    expect(r.catalogue?.expectedCode).toBe('3A090.a');
  });

  it("lets the reference's datacenter flag and origin win", () => {
    const r = resolveItem({ kind: 'catalogue', model: 'GeForce RTX 4090', datacenter: true, origin: 'TW' }, catalogue, 'items[1]');
    expect(r).toMatchObject({ datacenter: true, origin: 'TW' });
  });

  it('resolves references inside a computer and leaves descriptions alone', () => {
    const ic: Item = { kind: 'ic', performance: [{ bits: 8, tops: 1 }] };
    expect(resolveItem(ic, catalogue, 'items[0]')).toBe(ic);
    const box: Item = { kind: 'computer', datacenter: true, ics: [ic, { kind: 'catalogue', model: 'Ascend 910B' }] };
    const r = resolveItem(box, catalogue, 'items[0]');
    expect(r.kind).toBe('computer');
    if (r.kind !== 'computer') return;
    expect(r.ics[0]).toBe(ic);
    expect(r.ics[1]).toMatchObject({ kind: 'ic', name: 'Huawei Ascend 910B', origin: 'CN', catalogue: { tags: ['prc_3a090_ic'] } });
    const plain: Item = { kind: 'computer', ics: [ic] };
    expect(resolveItem(plain, catalogue, 'items[0]')).toBe(plain);
  });

  it('does not let one resolution change the catalogue or another resolution', () => {
    const a = resolveItem({ kind: 'catalogue', model: 'H100 SXM5 80GB', datacenter: false }, catalogue, 'a');
    const b = resolveItem({ kind: 'catalogue', model: 'H100 SXM5 80GB' }, catalogue, 'b');
    expect(a).toMatchObject({ datacenter: false });
    expect(b).toMatchObject({ datacenter: true });
    expect(Object.isFrozen(catalogue.resolve('H100 SXM5 80GB')!.ic)).toBe(true);
  });

  it('throws an InputError naming the field and the three closest names for an unknown model', () => {
    let err: unknown;
    try {
      resolveItem({ kind: 'catalogue', model: 'NVIDIA H110 SXM5' }, catalogue, 'items[0]');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const problem = (err as InputError).problems[0]!;
    expect(problem.path).toBe('items[0].model');
    expect(problem.message).toMatch(/^unknown model "NVIDIA H110 SXM5"; closest catalogue names: "NVIDIA H100 SXM5 80GB", "[^"]+", "[^"]+"$/);
    // The same names as data, best first, so a form can offer them to pick.
    expect(problem.suggestions).toHaveLength(3);
    expect(problem.suggestions![0]).toBe('NVIDIA H100 SXM5 80GB');
    expect(problem.message).toContain(problem.suggestions!.map((n) => `"${n}"`).join(', '));
  });

  it('names the candidates of an ambiguous model, with the nested path', () => {
    const box: Item = { kind: 'computer', ics: [{ kind: 'catalogue', model: 'RTX 4090' }] };
    expect(() => resolveItem(box, catalogue, 'items[2]')).toThrow(
      'items[2].ics[0].model: "RTX 4090" matches several catalogue models ("NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 4090 D"); give the full name',
    );
    try {
      resolveItem(box, catalogue, 'items[2]');
    } catch (e) {
      expect((e as InputError).problems[0]!.suggestions).toEqual(['NVIDIA GeForce RTX 4090', 'NVIDIA GeForce RTX 4090 D']);
    }
    expect.assertions(2);
  });
});
