import type { Classification, IsoDate, ResolvedItem } from '../domain/index.js';
import { classifyUS } from './us.js';

/**
 * Every classification Redline knows for one item, one per jurisdiction. Only the US is
 * classified so far; JP/NL/CN classifiers append here.
 */
export function classifyItem(item: ResolvedItem, index: number, asOf: IsoDate): Classification[] {
  return [classifyUS(item, index, asOf)];
}
