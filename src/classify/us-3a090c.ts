import type { Classification, IsoDate, MemoryItem } from '../domain/index.js';
import { memoryBandwidthDensity } from './density.js';
import { formatAgainst, roundAgainst } from './format.js';
import { declaredClassification, setFact, usClassification, usRegimeOn, type Facts } from './result.js';
import { HBM_DENSITY, HBM_FROM, REGIME_OCT_2022 } from './thresholds.js';

const DENSITY_LINES = [HBM_DENSITY];

/**
 * US classification of memory under 3A090.c (rules.md §1.2): HBM whose memory bandwidth
 * density (GB/s per mm² of package or stack) is *more than* 2.0, from 2024-12-02 (89 FR 96790).
 */
export function classifyMemoryUS(item: MemoryItem, index: number, asOf: IsoDate): Classification {
  const density = memoryBandwidthDensity(item.bandwidthGBs, item.packageAreaMm2);
  const facts: Facts = {};
  setFact(facts, 'hbm', item.hbm);
  setFact(facts, 'memoryBandwidthGBs', item.bandwidthGBs);
  setFact(facts, 'packageAreaMm2', item.packageAreaMm2);
  if (density !== undefined) facts.bandwidthDensity = roundAgainst(density, 3, DENSITY_LINES);

  const older = usRegimeOn(asOf);
  const regime = asOf >= HBM_FROM ? HBM_FROM : older;
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, facts, regime);
  if (older === undefined) {
    return usClassification(index, 'NOT_3A090', `ECCN 3A090 did not exist before ${REGIME_OCT_2022} (87 FR 62186)`, facts);
  }
  if (asOf < HBM_FROM) {
    return usClassification(index, 'NOT_3A090', `3A090.c (high-bandwidth memory) was added on ${HBM_FROM} (89 FR 96790)`, facts, { regime });
  }
  if (item.hbm === false) {
    return usClassification(index, 'NOT_3A090', 'not high-bandwidth memory, so 3A090.c does not apply', facts, { regime });
  }
  if (density === undefined) {
    const missing: string[] = [];
    if (item.bandwidthGBs === undefined) missing.push('memory bandwidth');
    if (item.packageAreaMm2 === undefined) missing.push('package area');
    if (item.hbm === undefined) missing.push('whether the memory is HBM');
    return usClassification(index, 'INDETERMINATE', '3A090.c turns on memory bandwidth density (bandwidth ÷ package area), which cannot be computed', facts, {
      missing,
      regime,
    });
  }
  const d = formatAgainst(density, 3, DENSITY_LINES);
  if (!(density > HBM_DENSITY)) {
    return usClassification(index, 'NOT_3A090', `memory bandwidth density ${d} GB/s/mm² is not more than ${HBM_DENSITY} (c)`, facts, { regime });
  }
  if (item.hbm === undefined) {
    return usClassification(index, 'INDETERMINATE', `memory bandwidth density ${d} GB/s/mm² > ${HBM_DENSITY}, but it is not said whether this is HBM`, facts, {
      missing: ['whether the memory is HBM'],
      regime,
    });
  }
  return usClassification(index, '3A090.c', `HBM with memory bandwidth density ${d} GB/s/mm² > ${HBM_DENSITY} (c)`, facts, {
    paragraphs: ['c'],
    regime,
  });
}
