import type { Classification, IcItem, IsoDate } from '../domain/index.js';
import { applicableDieArea } from './die-area.js';
import { performanceDensity } from './density.js';
import { formatAgainst, roundAgainst } from './format.js';
import { declaredClassification, setFact, usClassification, usRegimeOn, type Facts } from './result.js';
import {
  HINT_3A991P_IO_GBS, HINT_3A991P_TOPS, OCT2022_IO_GBS, OCT2022_TPP, PD_A2, PD_B1, PD_B2,
  REGIME_NOV_2023, REGIME_OCT_2022, TPP_A1, TPP_B1, TPP_FLOOR,
} from './thresholds.js';
import { maxDenseTops, maximisingFigure } from './tpp.js';

/** What the 3A090 tests read from an IC, computed once. */
interface IcMeasures {
  tpp: number | undefined;
  area: number | undefined;
  pd: number | undefined;
  facts: Facts;
}

const TPP_LINES = [TPP_FLOOR, TPP_B1, TPP_A1];
const PD_LINES = [PD_B1, PD_B2, PD_A2];
const MISSING_PERFORMANCE = 'performance (datasheet TOPS at each bit length)';

const tppText = (tpp: number): string => formatAgainst(tpp, 1, TPP_LINES);
const pdText = (pd: number): string => formatAgainst(pd, 3, PD_LINES);

function measure(item: IcItem): IcMeasures {
  const fig = maximisingFigure(item.performance);
  const tpp = fig?.tpp;
  const area = applicableDieArea(item);
  const pd = performanceDensity(tpp, area);
  const facts: Facts = {};
  if (fig !== undefined) {
    facts.tpp = fig.tpp;
    facts.tppBits = fig.bits;
    facts.tppTops = fig.tops;
  }
  setFact(facts, 'areaMm2', area);
  if (pd !== undefined) facts.pd = roundAgainst(pd, 3, PD_LINES);
  setFact(facts, 'datacenter', item.datacenter);
  setFact(facts, 'interconnectGBs', item.interconnectGBs);
  setFact(facts, 'memoryBandwidthGBs', item.memoryBandwidthGBs);
  return { tpp, area, pd, facts };
}

/**
 * US classification of an integrated circuit under ECCN 3A090.a/.b on `asOf`, by the version
 * of the entry in force that day (rules.md §1.2 for the 2023 text, §1.5 for the 2022 text).
 */
export function classifyIcUS(item: IcItem, index: number, asOf: IsoDate): Classification {
  const m = measure(item);
  const regime = usRegimeOn(asOf);
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, m.facts, regime);
  if (regime === undefined) {
    return usClassification(index, 'NOT_3A090', `ECCN 3A090 did not exist before ${REGIME_OCT_2022} (87 FR 62186)`, m.facts);
  }
  if (m.tpp === undefined) {
    return usClassification(index, 'INDETERMINATE', 'no datasheet performance figures, so TPP cannot be computed', m.facts, {
      missing: [MISSING_PERFORMANCE],
      regime,
    });
  }
  return regime === REGIME_OCT_2022 ? classifyOct2022(item, index, m) : classifyNov2023(item, index, m);
}

/** October-2022 text: 3A090.a needs TPP ≥ 4800 *and* aggregate bidirectional I/O ≥ 600 GB/s; no .b, no PD. */
function classifyOct2022(item: IcItem, index: number, m: IcMeasures): Classification {
  const tpp = m.tpp as number;
  const regime = REGIME_OCT_2022;
  const io = item.interconnectGBs;
  if (tpp < OCT2022_TPP) {
    const because = `TPP ${tppText(tpp)} < ${OCT2022_TPP} (the October-2022 3A090.a needs TPP >= ${OCT2022_TPP} and I/O >= ${OCT2022_IO_GBS} GB/s)`;
    return usClassification(index, 'NOT_3A090', because, m.facts, { regime });
  }
  if (io === undefined) {
    const because = `TPP ${tppText(tpp)} >= ${OCT2022_TPP}; the October-2022 3A090.a also needs aggregate bidirectional I/O >= ${OCT2022_IO_GBS} GB/s, which is unknown`;
    return usClassification(index, 'INDETERMINATE', because, m.facts, { missing: ['interconnect bandwidth'], regime });
  }
  if (io < OCT2022_IO_GBS) {
    const because = `I/O ${io} GB/s < ${OCT2022_IO_GBS} GB/s, so the October-2022 3A090.a (TPP >= ${OCT2022_TPP} and I/O >= ${OCT2022_IO_GBS} GB/s) is not met although TPP ${tppText(tpp)} >= ${OCT2022_TPP}`;
    return usClassification(index, 'NOT_3A090', because, m.facts, { regime });
  }
  const because = `TPP ${tppText(tpp)} >= ${OCT2022_TPP} and I/O ${io} GB/s >= ${OCT2022_IO_GBS} GB/s (October-2022 3A090.a)`;
  return usClassification(index, '3A090.a', because, m.facts, { paragraphs: ['a'], regime });
}

/** The 2023 text (88 FR 73458), unchanged in the 2026 CCL: TPP and performance density. */
function classifyNov2023(item: IcItem, index: number, m: IcMeasures): Classification {
  const tpp = m.tpp as number;
  const pd = m.pd;
  const regime = REGIME_NOV_2023;
  const t = tppText(tpp);

  if (tpp < TPP_FLOOR) {
    return notControlled(item, index, m, `TPP ${t} < ${TPP_FLOOR}: below every 3A090.a/.b prong`);
  }

  if (tpp >= TPP_A1) {
    const paragraphs = ['a.1'];
    let because = `TPP ${t} >= ${TPP_A1} (a.1)`;
    if (pd !== undefined && pd >= PD_A2) {
      paragraphs.push('a.2');
      because += `; PD ${pdText(pd)} >= ${PD_A2} (a.2)`;
    }
    // The datacenter note only reaches TPP < 4800, so a consumer part stays in .a (NAC/ACA may apply).
    return usClassification(index, '3A090.a', because, m.facts, { paragraphs, regime });
  }

  // 1600 <= TPP < 4800: performance density and the datacenter note decide.
  if (item.datacenter === false) {
    const otherwise = pd === undefined ? [] : prongsMet(tpp, pd);
    const would = otherwise.length > 0 ? ` (it would otherwise meet ${otherwise.join(', ')})` : '';
    const facts = { ...m.facts, datacenterNote: true };
    return notControlled(item, index, { ...m, facts }, `not designed or marketed for datacenters and TPP ${t} < ${TPP_A1}: the 3A090 datacenter note excludes it from .a and .b${would}`);
  }

  if (pd === undefined) {
    const missing = ['die area'];
    if (item.datacenter === undefined) missing.push('datacenter marketing');
    const why = m.area === 0 ? 'no non-planar logic die is listed, so performance density is undefined' : 'the applicable die area is unknown';
    const because = `TPP ${t} is between ${TPP_FLOOR} and ${TPP_A1}, so performance density decides (a.2, b.1, b.2) and ${why}`;
    return usClassification(index, 'INDETERMINATE', because, m.facts, { missing, regime });
  }

  const met = prongsMet(tpp, pd);
  const p = pdText(pd);
  if (met.length === 0) {
    const b1Miss = tpp < TPP_B1 ? `TPP ${t} < ${TPP_B1}` : `PD ${p} < ${PD_B1}`;
    return notControlled(item, index, m, `TPP ${t} < ${TPP_A1} and PD ${p} < ${PD_B2}, and ${b1Miss} (b.1): no 3A090 prong met`);
  }

  const code = met[0] === 'a.2' ? '3A090.a' : '3A090.b';
  const because = met.map((prong) => prongText(prong, t, p)).join('; ');
  if (item.datacenter === undefined) {
    const facts = { ...m.facts, wouldBe: code };
    return usClassification(
      index,
      'INDETERMINATE',
      `${because}, but TPP ${t} < ${TPP_A1}, so the datacenter note decides: is it designed or marketed for datacenters?`,
      facts,
      { missing: ['datacenter marketing'], regime },
    );
  }
  return usClassification(index, code, because, m.facts, { paragraphs: met, regime });
}

/** The prongs met by 1600 ≤ TPP < 4800 at density `pd`; .a first, since .b applies only when .a does not. */
function prongsMet(tpp: number, pd: number): string[] {
  if (pd >= PD_A2) return ['a.2'];
  const met: string[] = [];
  if (tpp >= TPP_B1 && pd >= PD_B1) met.push('b.1');
  if (pd >= PD_B2) met.push('b.2');
  return met;
}

function prongText(prong: string, t: string, p: string): string {
  switch (prong) {
    case 'a.2':
      return `TPP ${t} >= ${TPP_FLOOR} and PD ${p} >= ${PD_A2} (a.2)`;
    case 'b.1':
      return `${TPP_B1} <= TPP ${t} < ${TPP_A1} and ${PD_B1} <= PD ${p} < ${PD_A2} (b.1)`;
    default:
      return `TPP ${t} >= ${TPP_FLOOR} and ${PD_B2} <= PD ${p} < ${PD_A2} (b.2)`;
  }
}

/**
 * NOT_3A090, with a hint when the IC looks like 3A991.p (rules.md §1.2 "otherwise"): that entry
 * is AT-only and does not change the 3A090 answer the rules test, so it stays a fact.
 */
function notControlled(item: IcItem, index: number, m: IcMeasures, because: string): Classification {
  const tops = maxDenseTops(item.performance);
  const io = item.interconnectGBs;
  const facts =
    (tops !== undefined && tops >= HINT_3A991P_TOPS) || (io !== undefined && io >= HINT_3A991P_IO_GBS)
      ? { ...m.facts, hint: '3A991.p' }
      : m.facts;
  return usClassification(index, 'NOT_3A090', because, facts, { regime: REGIME_NOV_2023 });
}
