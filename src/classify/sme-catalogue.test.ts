import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../bundle/catalogue.js';
import { classifyItem } from './classify.js';
import { resolveItem } from './resolve.js';
import { buildEquipmentCatalogue, equipmentEntryFromRow } from './sme-catalogue.js';

const catalogue = loadCatalogue();
const classify = (model: string, asOf = '2026-09-30') => {
  const item = resolveItem({ kind: 'catalogue', model }, catalogue, 'items[0]');
  return Object.fromEntries(classifyItem(item, 0, asOf).map((c) => [c.jurisdiction, c.code]));
};

describe('equipment catalogue', () => {
  it('resolves ASML scanners by full name, bare model, alias or words', () => {
    const eq = catalogue.equipment!;
    expect(eq.resolve('ASML TWINSCAN NXT:2000i')?.name).toBe('ASML TWINSCAN NXT:2000i');
    expect(eq.resolve('nxt 2000i')?.name).toBe('ASML TWINSCAN NXT:2000i');
    expect(eq.resolve('NXT:1980Di')?.name).toBe('ASML TWINSCAN NXT:1980i');
    expect(eq.resolve('TWINSCAN EXE:5200')?.name).toBe('ASML TWINSCAN EXE:5200');
    expect(eq.resolve('NXT')).toBeUndefined();
  });

  it('classifies the ASML line as rules.md §1.12 and §3.1 describe', () => {
    expect(classify('ASML TWINSCAN NXT:2000i')).toMatchObject({ US: '3B001.f.1', NL: 'NL-2023:duv-immersion', JP: 'METI-2023:lithography' });
    expect(classify('ASML TWINSCAN NXT:2050i')).toMatchObject({ US: '3B001.f.1', NL: 'NL-2023:duv-immersion' });
    expect(classify('ASML TWINSCAN NXT:2100i')).toMatchObject({ US: '3B001.f.1', NL: 'NL-2023:duv-immersion' });
    expect(classify('ASML TWINSCAN NXT:1980i')).toMatchObject({ US: '3B993.f.1', NL: 'NL-2024:duv-immersion' });
    expect(classify('ASML TWINSCAN NXT:1970i')).toMatchObject({ US: '3B993.f.1', NL: 'NL-2024:duv-immersion' });
    expect(classify('ASML TWINSCAN NXE:3600D')).toMatchObject({ US: '3B001.f.1', NL: 'EU:3B001.f.1' });
    expect(classify('ASML TWINSCAN EXE:5000')).toMatchObject({ US: '3B001.f.1', NL: 'EU:3B001.f.1' });
    expect(classify('ASML TWINSCAN NXT:1470')).toMatchObject({ US: 'INDETERMINATE', NL: 'NOT_LISTED' });
  });

  it('keeps what the reference says about the shipment', () => {
    const item = resolveItem({ kind: 'catalogue', model: 'NXT:1980i', usContentPct: 12, origin: 'NL' }, catalogue, 'items[0]');
    expect(item).toMatchObject({ kind: 'sme', category: 'lithography.duv_immersion', usContentPct: 12, origin: 'NL', catalogue: { name: 'ASML TWINSCAN NXT:1980i' } });
  });

  it('asks for the overlay of a tool the catalogue gives none for', () => {
    const item = resolveItem({ kind: 'catalogue', model: 'Nikon NSR-S635E' }, catalogue, 'items[0]');
    const us = classifyItem(item, 0, '2026-09-30').find((c) => c.jurisdiction === 'US');
    expect(us?.missing).toEqual(['parameters.overlayNm']);
  });

  it('names an unknown model with the closest chips and tools', () => {
    expect(() => resolveItem({ kind: 'catalogue', model: 'ASML NXT:2000' }, catalogue, 'items[0]')).toThrow(/ASML TWINSCAN NXT:2000i/);
  });

  it('rejects a bad row with its number and column', () => {
    expect(() => equipmentEntryFromRow({ name: 'X', vendor: 'V', origin: 'ZZ', category: 'etch.tsv' }, 3)).toThrow('equipment catalogue row 3 (X): "origin" is "ZZ"');
    expect(() => equipmentEntryFromRow({ name: 'X', vendor: 'V', origin: 'NL', category: 'etch.magic' }, 4)).toThrow(/"category" is "etch.magic"/);
    expect(() => buildEquipmentCatalogue([{ name: 'X', vendor: 'V', origin: 'NL', category: 'lithography.euv', wavelength_nm: '-1' }])).toThrow(/"wavelength_nm" is "-1"/);
  });
});
