import type { Classification, FactValue, IsoDate, Jurisdiction, SmeItem } from '../domain/index.js';
import { declaredClassification, setFact, usClassification, type Facts } from './result.js';
import { EXPOSURE_CATEGORIES, NL_UNDESCRIBED_FAMILIES, SME_CATEGORIES, type SmeCategory } from './sme-categories.js';

/**
 * Semiconductor manufacturing equipment → control-list entries (rules.md §1.12, §2.2, §3.1).
 * Exposure tools are decided from their parameters; other tools from their equipment type
 * (sme-categories.ts). Pure and date-aware: an entry that did not exist on `asOf` is not given.
 */

// 3B001.f.1 / 3B993.f.1 thresholds (15 CFR 774 Supp. 1; rules.md §1.12).
const EUV_BELOW_NM = 193; // wavelength < 193 nm: 3B001.f.1 whatever the resolution
const MRF_MAX_NM = 45; // minimum resolvable feature <= 45 nm
const OVERLAY_F1_MAX_NM = 1.5; // dedicated-chuck overlay <= 1.50 nm: 3B001.f.1 (from 2023-11-17)
const OVERLAY_993_MAX_NM = 2.4; // > 1.50 and <= 2.40 nm: 3B993.f.1 (from 2024-12-02)
// Imprint lithography: overlay < 1.5 nm is 3B001.f.5; 1.5–4.0 nm is 3B993.
const IMPRINT_F5_BELOW_NM = 1.5;
const IMPRINT_993_MAX_NM = 4.0;

const SME_IFR_2023 = '2023-11-17';
const IFR_2024_12 = '2024-12-02';
const NL_2023 = '2023-09-01';
const NL_2024 = '2024-09-07';
const JP_2023 = '2023-07-23';

export interface ExposureParameters {
  wavelengthNm?: number | undefined;
  resolutionNm?: number | undefined;
  overlayNm?: number | undefined;
}

function num(item: SmeItem, key: string): number | undefined {
  const v = (item.parameters as Readonly<Record<string, unknown>> | undefined)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Parameters of an exposure tool; EUV implies 13.5 nm and ArF immersion 193 nm when not given. */
export function exposureParameters(item: SmeItem): ExposureParameters {
  let wavelengthNm = num(item, 'wavelengthNm');
  if (wavelengthNm === undefined && item.category === 'lithography.euv') wavelengthNm = 13.5;
  if (wavelengthNm === undefined && item.category === 'lithography.duv_immersion') wavelengthNm = 193;
  return { wavelengthNm, resolutionNm: num(item, 'resolutionNm'), overlayNm: num(item, 'overlayNm') };
}

function facts(item: SmeItem): Facts {
  const f: Facts = {};
  setFact(f, 'category', item.category);
  for (const [k, v] of Object.entries(item.parameters ?? {})) setFact(f, k, v as FactValue);
  return f;
}

function indeterminate(index: number, jurisdiction: Jurisdiction, because: string, f: Facts, missing: string[]): Classification {
  return { item: index, jurisdiction, code: 'INDETERMINATE', because, facts: f, missing };
}

function entry(index: number, jurisdiction: Jurisdiction, code: string, because: string, f: Facts, regime?: string): Classification {
  const c: Classification = { item: index, jurisdiction, code, because, facts: f };
  if (regime !== undefined) c.regime = regime;
  return c;
}

/** The US exposure-tool paragraph for the parameters, or what is missing to decide. */
export function usExposureCode(p: ExposureParameters, category: string | undefined): { code?: string; because: string; missing?: string[]; from?: IsoDate } {
  if (category === 'lithography.imprint') {
    if (p.overlayNm === undefined) return { because: 'imprint lithography is decided by its overlay', missing: ['parameters.overlayNm'] };
    if (p.overlayNm < IMPRINT_F5_BELOW_NM) return { code: '3B001.f.5', because: `imprint lithography with overlay ${p.overlayNm} nm < ${IMPRINT_F5_BELOW_NM} nm`, from: SME_IFR_2023 };
    if (p.overlayNm <= IMPRINT_993_MAX_NM) return { code: '3B993', because: `imprint lithography with overlay ${p.overlayNm} nm in ${IMPRINT_F5_BELOW_NM}–${IMPRINT_993_MAX_NM} nm`, from: IFR_2024_12 };
    return { because: `imprint lithography with overlay ${p.overlayNm} nm is outside 3B001.f.5 and 3B993`, missing: ['eccn (imprint tool below the 3B001.f.5 / 3B993 parameters: 3B991 or EAR99, not modelled)'] };
  }
  if (p.wavelengthNm === undefined) return { because: 'an exposure tool is decided by its light-source wavelength', missing: ['parameters.wavelengthNm'] };
  if (p.wavelengthNm < EUV_BELOW_NM) return { code: '3B001.f.1', because: `light-source wavelength ${p.wavelengthNm} nm < ${EUV_BELOW_NM} nm (EUV)` };
  if (p.resolutionNm === undefined) return { because: `wavelength ${p.wavelengthNm} nm >= ${EUV_BELOW_NM} nm: decided by the minimum resolvable feature`, missing: ['parameters.resolutionNm'] };
  if (p.resolutionNm > MRF_MAX_NM) {
    return { because: `minimum resolvable feature ${p.resolutionNm} nm > ${MRF_MAX_NM} nm: outside 3B001.f.1 and 3B993.f.1`, missing: ['eccn (exposure tool below the 3B001.f.1 / 3B993.f.1 parameters: 3B991 or EAR99, not modelled)'] };
  }
  if (p.overlayNm === undefined) return { because: `MRF ${p.resolutionNm} nm <= ${MRF_MAX_NM} nm: decided by the dedicated-chuck overlay`, missing: ['parameters.overlayNm'] };
  const base = `wavelength ${p.wavelengthNm} nm, MRF ${p.resolutionNm} nm <= ${MRF_MAX_NM} nm, dedicated-chuck overlay ${p.overlayNm} nm`;
  if (p.overlayNm <= OVERLAY_F1_MAX_NM) return { code: '3B001.f.1', because: `${base} <= ${OVERLAY_F1_MAX_NM} nm`, from: SME_IFR_2023 };
  if (p.overlayNm <= OVERLAY_993_MAX_NM) return { code: '3B993.f.1', because: `${base} in (${OVERLAY_F1_MAX_NM}, ${OVERLAY_993_MAX_NM}] nm`, from: IFR_2024_12 };
  return { because: `${base} > ${OVERLAY_993_MAX_NM} nm: outside 3B001.f.1 and 3B993.f.1`, missing: ['eccn (exposure tool below the 3B001.f.1 / 3B993.f.1 parameters: 3B991 or EAR99, not modelled)'] };
}

function isExposure(category: string | undefined): boolean {
  return (EXPOSURE_CATEGORIES as readonly string[]).includes(category ?? '');
}

/** The equipment type, or why it cannot be used. */
function categoryOf(item: SmeItem): { cat?: SmeCategory; missing?: string } {
  // The names are in docs/transaction.md and in the input error for an unknown one; repeating all
  // 53 here would repeat them once per jurisdiction in `missing`.
  if (item.category === undefined) return { missing: 'category (an equipment type; docs/transaction.md lists them)' };
  const cat = SME_CATEGORIES[item.category];
  if (!cat) return { missing: `category: "${item.category}" is not a known equipment type (docs/transaction.md lists them)` };
  return { cat };
}

/** The US ECCN of an equipment item on `asOf` (rules.md §1.12). */
export function classifySmeUS(item: SmeItem, index: number, asOf: IsoDate): Classification {
  const f = facts(item);
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, f);
  if (isExposure(item.category) || (item.category === undefined && item.parameters?.wavelengthNm !== undefined)) {
    const r = usExposureCode(exposureParameters(item), item.category);
    if (r.code === undefined) return indeterminate(index, 'US', r.because, f, r.missing ?? []);
    if (r.from !== undefined && asOf < r.from) {
      return indeterminate(index, 'US', `${r.code} took this content on ${r.from}; the earlier classification (e.g. the 2022 ECCN 3B090) is not modelled`, f, [
        `eccn (classification before ${r.from})`,
      ]);
    }
    return usClassification(index, r.code, r.because, f, { regime: r.from });
  }
  const { cat, missing } = categoryOf(item);
  if (!cat) return indeterminate(index, 'US', 'equipment is classified from its type or, for exposure tools, its parameters', f, [missing!]);
  if (cat.us.code === null) return indeterminate(index, 'US', cat.us.why, f, ['eccn']);
  if (asOf < cat.us.from) {
    return indeterminate(index, 'US', `${cat.us.code} took this content on ${cat.us.from}; the earlier classification (e.g. the 2022 ECCN 3B090) is not modelled`, f, [
      `eccn (classification before ${cat.us.from})`,
    ]);
  }
  return usClassification(index, cat.us.code, `${cat.title} (${item.category})`, f, { regime: cat.us.from });
}

/** Japan (METI Goods Order): the 2023 SME items, the 2024 additions and EUV scanners on the Wassenaar list. */
export function classifySmeJP(item: SmeItem, index: number, asOf: IsoDate): Classification {
  const f = facts(item);
  if (isExposure(item.category) || (item.category === undefined && item.parameters?.wavelengthNm !== undefined)) {
    const p = exposureParameters(item);
    if (p.wavelengthNm !== undefined && p.wavelengthNm < EUV_BELOW_NM) {
      return entry(index, 'JP', 'JP-WA:3B001.f.1', `EUV exposure tool (${p.wavelengthNm} nm): Wassenaar-list item in Appended Table 1 row 7, licensed for every destination`, f);
    }
    if (item.category === 'lithography.duv_immersion' || (p.wavelengthNm === 193 && item.parameters?.immersion === true)) {
      if (asOf < JP_2023) return entry(index, 'JP', 'NOT_LISTED', `ArF immersion exposure tools were added to Japan's list on ${JP_2023}`, f);
      // The reference gives the category, not Japan's resolution/overlay threshold (rules.md §2.2, medium).
      return entry(index, 'JP', 'METI-2023:lithography', "ArF immersion exposure tool: one of Japan's four 2023 lithography items (Japan's resolution/overlay threshold is not in the reference; every ArF immersion tool is treated as listed)", f, JP_2023);
    }
    return entry(index, 'JP', 'NOT_LISTED', "not among Japan's encoded SME items (2023 items, 2024 additions, EUV on the Wassenaar list)", f);
  }
  const { cat, missing } = categoryOf(item);
  if (!cat) return indeterminate(index, 'JP', "Japan's SME items are recognised by equipment type", f, [missing!]);
  if (!cat.jp) {
    if (item.category?.startsWith('deposition.')) {
      return indeterminate(index, 'JP', `${cat.title}: two of Japan's eleven 2023 deposition items are not described in the reference`, f, [
        "Japan's classification of this deposition tool (METI Goods Order text not read)",
      ]);
    }
    return entry(index, 'JP', 'NOT_LISTED', `${cat.title}: not among Japan's encoded SME items (2023 items, 2024 additions)`, f);
  }
  if (asOf < cat.jp.from) return entry(index, 'JP', 'NOT_LISTED', `${cat.jp.item}: added to Japan's list on ${cat.jp.from}`, f);
  const c = entry(index, 'JP', cat.jp.code, `${cat.jp.item} (Japan SME item listed from ${cat.jp.from})`, f, cat.jp.from);
  c.paragraphs = [cat.jp.item];
  return c;
}

/** The Netherlands: the national measure on advanced SME (2023, 2024, 2025) and EUV under EU Annex I. */
export function classifySmeNL(item: SmeItem, index: number, asOf: IsoDate): Classification {
  const f = facts(item);
  if (isExposure(item.category) || (item.category === undefined && item.parameters?.wavelengthNm !== undefined)) {
    const p = exposureParameters(item);
    if (p.wavelengthNm === undefined) return indeterminate(index, 'NL', 'an exposure tool is decided by its wavelength', f, ['parameters.wavelengthNm']);
    if (p.wavelengthNm < EUV_BELOW_NM) return entry(index, 'NL', 'EU:3B001.f.1', `EUV exposure tool (${p.wavelengthNm} nm): EU Reg. 2021/821 Annex I 3B001.f.1`, f);
    if (item.category !== 'lithography.duv_immersion') return entry(index, 'NL', 'NOT_LISTED', 'the Dutch measure covers immersion DUV exposure tools only', f);
    if (p.overlayNm === undefined) return indeterminate(index, 'NL', 'the Dutch measure separates immersion DUV tools by dedicated-chuck overlay', f, ['parameters.overlayNm']);
    if (p.resolutionNm !== undefined && p.resolutionNm > MRF_MAX_NM) return entry(index, 'NL', 'NOT_LISTED', `resolution ${p.resolutionNm} nm > ${MRF_MAX_NM} nm`, f);
    // NXT:2000i and later (overlay <= 1.50 nm) from 2023-09-01; NXT:1970i/1980i (<= 2.40 nm) from 2024-09-07 (rules.md §3.1).
    if (p.overlayNm <= OVERLAY_F1_MAX_NM) {
      if (asOf < NL_2023) return entry(index, 'NL', 'NOT_LISTED', `immersion DUV with overlay <= ${OVERLAY_F1_MAX_NM} nm: Dutch licence from ${NL_2023}`, f);
      return entry(index, 'NL', 'NL-2023:duv-immersion', `immersion DUV, overlay ${p.overlayNm} nm <= ${OVERLAY_F1_MAX_NM} nm (NXT:2000i and later)`, f, NL_2023);
    }
    if (p.overlayNm <= OVERLAY_993_MAX_NM) {
      if (asOf < NL_2024) return entry(index, 'NL', 'NOT_LISTED', `immersion DUV with overlay in (${OVERLAY_F1_MAX_NM}, ${OVERLAY_993_MAX_NM}] nm: Dutch licence from ${NL_2024} (US-licensed only before)`, f);
      return entry(index, 'NL', 'NL-2024:duv-immersion', `immersion DUV, overlay ${p.overlayNm} nm in (${OVERLAY_F1_MAX_NM}, ${OVERLAY_993_MAX_NM}] nm (NXT:1970i / 1980i class)`, f, NL_2024);
    }
    return entry(index, 'NL', 'NOT_LISTED', `immersion DUV with overlay ${p.overlayNm} nm > ${OVERLAY_993_MAX_NM} nm`, f);
  }
  const { cat, missing } = categoryOf(item);
  if (!cat) return indeterminate(index, 'NL', 'Dutch SME items are recognised by equipment type', f, [missing!]);
  if (cat.us.code === '3B001.q') return entry(index, 'NL', 'EU:3B001.q', 'EUV mask: EU Reg. 2021/821 Annex I (Wassenaar)', f);
  if (!cat.nl) {
    if (NL_UNDESCRIBED_FAMILIES.some((p) => item.category?.startsWith(p))) {
      return indeterminate(index, 'NL', `${cat.title}: the Dutch annex items for this family are not given word for word in the reference`, f, [
        'Dutch classification of this tool (Staatscourant annex text not read)',
      ]);
    }
    return entry(index, 'NL', 'NOT_LISTED', `${cat.title}: not among the encoded Dutch national items (EU Annex I entries other than EUV are not modelled)`, f);
  }
  if (asOf < cat.nl.from) return entry(index, 'NL', 'NOT_LISTED', `${cat.nl.item}: Dutch licence from ${cat.nl.from}`, f);
  const c = entry(index, 'NL', cat.nl.code, `${cat.nl.item}${cat.nl.confidence === 'medium' ? ' (annex item text not read: confidence medium)' : ''}`, f, cat.nl.from);
  c.paragraphs = [cat.nl.item];
  return c;
}

/** China: equipment items in MOFCOM announcements (superhard, rare-earth, battery equipment). */
export function classifySmeCN(item: SmeItem, index: number): Classification[] {
  const f = facts(item);
  const cat = item.category ? SME_CATEGORIES[item.category] : undefined;
  if (!cat?.cn) return [entry(index, 'CN', 'NOT_LISTED', 'no Chinese control-list item encoded for this equipment type', f)];
  return cat.cn.map((c) => ({ ...entry(index, 'CN', c.code, c.item, f), paragraphs: [c.item] }));
}

/** Every non-US classification of an equipment item. */
export function classifySmeOther(item: SmeItem, index: number, asOf: IsoDate): Classification[] {
  return [classifySmeJP(item, index, asOf), classifySmeNL(item, index, asOf), ...classifySmeCN(item, index)];
}
