import type { IsoDate } from '../domain/index.js';

/**
 * Equipment types and the control-list entries each one meets, per jurisdiction (rules.md §1.12
 * US Category 3B; §2.2 Japan's 23 items of 2023 and §2.3 the 2024 additions; §3.1 the Dutch
 * national measure; §4.2 China's equipment items). A type stands for equipment that meets the
 * entry's parameters as the reference describes them: the reference gives few numbers outside
 * lithography (which is decided from wavelength, resolution and overlay in sme.ts), so a user who
 * names the type asserts the parameters. Where the reference leaves the entry open the US code is
 * `null` and classification answers INDETERMINATE (fail closed).
 */
export interface SmeCategory {
  title: string;
  /** US ECCN paragraph, the date the paragraph took this content, and the reason if `null`. */
  us: { code: string; from: IsoDate } | { code: null; why: string };
  /** Japan (METI Goods Order): which of the six 2023 categories (or the 2024 additions), with the item's words. */
  jp?: { code: string; item: string; from: IsoDate };
  /** The Netherlands: the national measure's annex (or the EU Annex I entry). */
  nl?: { code: string; item: string; from: IsoDate; confidence: 'high' | 'medium' };
  /** China: a MOFCOM announcement's equipment item. */
  cn?: { code: string; item: string }[];
}

// Dates the US paragraphs took their current content (rules.md §1.12 "History").
const SME_IFR_2023 = '2023-11-17'; // 88 FR 73424: 3B090 folded into 3B001/3B002
const IFR_2024_09 = '2024-09-06'; // 89 FR 72926: 3B903, 3B904, worldwide c.1.a/c.1.c/q
const IFR_2024_12 = '2024-12-02'; // 89 FR 96790: 3B993, 3B994

// Japan's 23 items are in force from 2023-07-23 (METI Goods Order amendment promulgated 2023-05-23).
const JP_2023 = '2023-07-23';
// The 2024 additions are dated only "~Sept 2024" in the reference (medium): the pack uses 2024-09-01.
export const JP_2024 = '2024-09-01';

const NL_2023 = '2023-09-01';
const NL_2025 = '2025-04-01';

/**
 * Japan's 23 items of 2023 by category (rules.md §2.2, confirmed in review). The reference
 * describes 9 of the 11 deposition items; equipment of an undescribed deposition type gets no
 * clean "not listed" answer in Japan (sme.ts answers INDETERMINATE).
 */
export const JP_2023_ITEM_COUNTS = { cleaning: 3, deposition: 11, anneal: 1, lithography: 4, etching: 3, inspection: 1 } as const;

/**
 * Equipment families whose Dutch annex items the reference does not give word for word
 * (rules.md §3.1, §6 item 7): types in them without a mapping are INDETERMINATE in NL.
 */
export const NL_UNDESCRIBED_FAMILIES = ['deposition.', 'inspection.', 'metrology.'] as const;

const jp2023 = (category: string, item: string) => ({ code: `METI-2023:${category}`, item, from: JP_2023 });

export const SME_CATEGORIES: Readonly<Record<string, SmeCategory>> = {
  // — cleaning (Japan: 3 items)
  'cleaning.single_wafer_wet_surface_modification': {
    title: 'single-wafer wet cleaning with surface-modification drying',
    us: { code: '3B001.p.2', from: SME_IFR_2023 },
    jp: jp2023('cleaning', 'single-wafer wet cleaning with surface-modification / supercritical-CO2 drying'),
  },
  'cleaning.supercritical_drying': {
    title: 'wet cleaning with supercritical-CO2 or sublimation drying',
    us: { code: '3B001.p.4', from: SME_IFR_2023 },
    jp: jp2023('cleaning', 'single-wafer wet cleaning with surface-modification / supercritical-CO2 drying'),
  },
  'cleaning.dry_polymer_residue': {
    title: 'dry cleaning removing polymer residue / CuO to enable Cu deposition in vacuum',
    us: { code: null, why: 'the reference does not place this tool in a US paragraph' },
    jp: jp2023('cleaning', 'dry cleaning for polymer residue / CuO removal enabling Cu deposition in vacuum'),
  },
  'cleaning.dry_preclean': {
    title: 'dry pre-clean / oxide removal',
    us: { code: '3B993', from: IFR_2024_12 },
    jp: jp2023('cleaning', 'dry pre-clean'),
  },
  // — deposition (Japan: 11 items)
  'deposition.epitaxy_si_sige': {
    title: 'Si / SiGe epitaxy equipment (advanced)',
    us: { code: '3B001.a.4', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'epitaxial Si / SiGe growth'),
    nl: { code: 'NL-2023:deposition', item: 'advanced epitaxy (annex to the 2023 regulation)', from: NL_2023, confidence: 'medium' },
  },
  'deposition.cobalt': {
    title: 'cobalt electroplating / CVD',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'Co electroplating / ALD-CVD of Co'),
  },
  'deposition.selective_tungsten_molybdenum': {
    title: 'selective W / Mo deposition',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'selective W / Mo deposition'),
  },
  'deposition.metal_ald': {
    title: 'ALD of W, Mo or Ru',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'ALD / CVD of W, Co, Mo, Ru'),
    nl: { code: 'NL-2023:deposition', item: 'advanced metal ALD (annex to the 2023 regulation)', from: NL_2023, confidence: 'medium' },
  },
  'deposition.work_function_metal_ald': {
    title: 'work-function-metal ALD',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'work-function-metal ALD'),
    nl: { code: 'NL-2023:deposition', item: 'advanced metal ALD (annex to the 2023 regulation)', from: NL_2023, confidence: 'medium' },
  },
  'deposition.area_selective_ald': { title: 'area-selective ALD', us: { code: '3B001.d', from: SME_IFR_2023 } },
  'deposition.spatial_ald': { title: 'spatial ALD', us: { code: '3B001.d', from: SME_IFR_2023 } },
  'deposition.metal_contact_multistep': { title: 'multi-step metal-contact deposition', us: { code: '3B001.d', from: SME_IFR_2023 } },
  'deposition.low_k_radical_assisted': {
    title: 'radical-assisted SiC(O) / SiCN low-k deposition',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'low-k SiC(O) / SiCN radical-assisted deposition'),
  },
  'deposition.low_k_gap_fill': {
    title: 'void-free low-k gap fill',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'void-free gap fill'),
  },
  'deposition.carbon_hard_mask_pecvd': {
    title: 'carbon hard-mask PECVD',
    us: { code: '3B001.d', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'carbon hard-mask PECVD'),
  },
  'deposition.pecvd_uv_cure': { title: 'PECVD with UV cure', us: { code: '3B001.d', from: SME_IFR_2023 } },
  'deposition.tungsten_pvd_ion_flux': { title: 'W PVD with ion-flux guidance', us: { code: '3B001.d', from: SME_IFR_2023 } },
  'deposition.high_k_dli': {
    title: 'high-k deposition with direct liquid injection',
    // Both 3B001.d and 3B993 list "high-k DLI"; the reference does not give the parameters that split them.
    us: { code: null, why: 'high-k DLI deposition is in 3B001.d or 3B993 depending on parameters the reference does not give' },
  },
  'deposition.sic_low_k': { title: 'SiC low-k deposition', us: { code: '3B993', from: IFR_2024_12 } },
  'deposition.dense_carbon_cvd': { title: 'dense carbon CVD', us: { code: '3B993', from: IFR_2024_12 } },
  'lithography.euv_mask_multilayer_deposition': {
    title: 'EUV mask multilayer deposition',
    us: { code: '3B001.k', from: SME_IFR_2023 },
    jp: jp2023('deposition', 'EUV mask multilayer deposition'),
  },
  // — ion implantation
  'ion_implant.plasma_doping': { title: 'ion implant (plasma doping)', us: { code: '3B993', from: IFR_2024_12 } },
  'ion_implant.volume_production': {
    title: 'volume-production ion implanter (specified beam current/energy windows or <= 0.1° angular accuracy)',
    us: { code: '3B994', from: IFR_2024_12 },
  },
  // — heat treatment (Japan: 1 item)
  'anneal.interconnect_reflow': {
    title: 'vacuum anneal / reflow of Cu, Co, W interconnects',
    us: { code: '3B993', from: IFR_2024_12 },
    jp: jp2023('anneal', 'vacuum anneal / reflow of Cu, Co, W interconnects'),
  },
  'anneal.flash_millisecond': { title: 'millisecond flash anneal (> 1000 °C, < 2 ms)', us: { code: '3B993', from: IFR_2024_12 } },
  // — lithography other than exposure tools (Japan: 3 of its 4 lithography items)
  'lithography.euv_track': {
    title: 'EUV resist coat / bake / develop (track)',
    us: { code: '3B001.n', from: SME_IFR_2023 },
    jp: jp2023('lithography', 'EUV resist coater / developer'),
  },
  'lithography.euv_pellicle': {
    title: 'EUV pellicle',
    us: { code: '3B001.l', from: SME_IFR_2023 },
    jp: jp2023('lithography', 'EUV pellicle'),
  },
  'lithography.euv_pellicle_equipment': {
    title: 'EUV pellicle manufacturing equipment',
    us: { code: '3B001.m', from: SME_IFR_2023 },
    jp: jp2023('lithography', 'EUV pellicle production equipment'),
  },
  'lithography.euv_mask': { title: 'EUV mask / reticle', us: { code: '3B001.q', from: SME_IFR_2023 } },
  'lithography.euv_pattern_shaping': { title: 'EUV pattern-shaping equipment', us: { code: '3B001.r', from: SME_IFR_2023 } },
  'lithography.duv_immersion_addon': { title: 'add-on improving a DUV immersion tool', us: { code: '3B001.f.6', from: SME_IFR_2023 } },
  'lithography.throughput_kit': { title: 'lithography throughput-boost kit', us: { code: '3B993', from: IFR_2024_12 } },
  // — etching (Japan: 3 items)
  'etch.isotropic_dry': {
    title: 'isotropic dry etch',
    us: { code: '3B001.c.1', from: SME_IFR_2023 },
    jp: jp2023('etching', 'isotropic dry etch'),
  },
  'etch.sige_selective': {
    title: 'SiGe:Si selective etch (selectivity >= 100:1)',
    us: { code: '3B001.c', from: SME_IFR_2023 },
    jp: jp2023('etching', 'SiGe:Si selective wet / dry etch'),
  },
  'etch.anisotropic_dry': { title: 'advanced anisotropic dry etch (3B001.c)', us: { code: '3B001.c', from: SME_IFR_2023 } },
  'etch.tsv': { title: 'through-silicon-via etch', us: { code: '3B001.c', from: SME_IFR_2023 } },
  'etch.dielectric_high_aspect_ratio': {
    title: 'high-aspect-ratio dielectric etch (> 30:1 at < 100 nm)',
    us: { code: '3B993', from: IFR_2024_12 },
    jp: jp2023('etching', 'high-aspect-ratio anisotropic dielectric etch (3D NAND)'),
  },
  'etch.anisotropic_pulsed_rf': {
    title: 'anisotropic etch with pulsed RF, fast gas switching or >= 10-zone ESC',
    us: { code: '3B993', from: IFR_2024_12 },
  },
  // — inspection and metrology
  'inspection.euv_mask': {
    title: 'EUV mask-blank / patterned EUV mask inspection',
    us: { code: '3B002.c', from: SME_IFR_2023 },
    jp: jp2023('inspection', 'EUV mask-blank / EUV mask inspection'),
  },
  'inspection.patterned_wafer_defect': {
    title: 'patterned-wafer defect inspection (defects <= 21 nm)',
    us: { code: '3B993', from: IFR_2024_12 },
    nl: { code: 'NL-2025:metrology', item: 'inspection equipment detecting small wafer defects', from: NL_2025, confidence: 'medium' },
  },
  'metrology.overlay': {
    title: 'overlay metrology',
    us: { code: '3B993', from: IFR_2024_12 },
    nl: { code: 'NL-2025:metrology', item: 'measuring equipment improving measurements after deposition / etch', from: NL_2025, confidence: 'medium' },
  },
  'metrology.wafer_shape': {
    title: 'wafer-shape metrology',
    us: { code: '3B993', from: IFR_2024_12 },
    nl: { code: 'NL-2025:metrology', item: 'measuring equipment improving measurements after deposition / etch', from: NL_2025, confidence: 'medium' },
  },
  'metrology.ocd_thin_film': {
    title: 'OCD / thin-film metrology with software for non-planar transistors',
    us: { code: '3B994', from: IFR_2024_12 },
    nl: { code: 'NL-2025:metrology', item: 'measuring equipment improving measurements after deposition / etch', from: NL_2025, confidence: 'medium' },
  },
  'inspection.sem_imaging': {
    title: 'scanning electron microscope for imaging semiconductor devices',
    us: { code: '3B903', from: IFR_2024_09 },
    jp: { code: 'METI-2024:sem', item: 'scanning electron microscope for nanoscale imaging', from: JP_2024 },
  },
  'probing.cryogenic': { title: 'cryogenic wafer-probing equipment', us: { code: '3B904', from: IFR_2024_09 } },
  // — China's equipment items (not semiconductor equipment in the US sense)
  'superhard.cubic_press': {
    title: 'cubic press for synthetic diamond / superhard materials',
    us: { code: null, why: 'the reference gives no US classification for superhard-material equipment' },
    cn: [{ code: 'CN-2024-33:superhard-equipment', item: 'superhard-material equipment (cubic press)' }],
  },
  'superhard.dc_arc_plasma_cvd': {
    title: 'DC-arc plasma CVD equipment for synthetic diamond',
    us: { code: null, why: 'the reference gives no US classification for superhard-material equipment' },
    cn: [
      { code: 'CN-2024-33:superhard-equipment', item: 'superhard-material equipment (DCPCVD)' },
      { code: 'CN-2025-55:superhard', item: 'DC-arc plasma CVD equipment' },
    ],
  },
  'rare_earth.production_equipment': {
    title: 'rare-earth production equipment',
    us: { code: null, why: 'the reference gives no US classification for rare-earth production equipment' },
    cn: [{ code: 'CN-2025-56:rare-earth-equipment', item: 'rare-earth production equipment' }],
  },
  'battery.production_equipment': {
    title: 'lithium-ion battery / cathode / graphite-anode production equipment',
    us: { code: null, why: 'the reference gives no US classification for battery production equipment' },
    cn: [{ code: 'CN-2025-58:battery', item: 'battery, cathode and artificial-graphite anode production equipment' }],
  },
};

/** Exposure tools, decided from wavelength, resolution and overlay (sme.ts), not from this table. */
export const EXPOSURE_CATEGORIES = ['lithography.euv', 'lithography.duv_immersion', 'lithography.duv_dry', 'lithography.imprint'] as const;

export function smeCategoryNames(): string[] {
  return [...EXPOSURE_CATEGORIES, ...Object.keys(SME_CATEGORIES)].sort();
}
