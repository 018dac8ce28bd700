import type { Classification, IsoDate, ResolvedItem } from '../domain/index.js';
import { classifyUS } from './us.js';
import { classifySmeOther } from './sme.js';
import { classifyMaterialCN, classifyTechnologyCN } from './materials.js';

/**
 * Every classification Redline knows for one item: the US first, then the other jurisdictions'
 * entries for equipment (JP, NL, CN), materials and rare-earth technology (CN).
 */
export function classifyItem(item: ResolvedItem, index: number, asOf: IsoDate): Classification[] {
  const us = classifyUS(item, index, asOf);
  if (item.kind === 'sme') return [us, ...classifySmeOther(item, index, asOf)];
  if (item.kind === 'material') return [us, ...classifyMaterialCN(item, index, asOf)];
  if (item.kind === 'technology') return [us, ...classifyTechnologyCN(item.name ?? item.model, index, asOf)];
  return [us];
}
