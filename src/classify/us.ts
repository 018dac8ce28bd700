import type { Classification, IsoDate, ResolvedItem } from '../domain/index.js';
import { usClassification } from './result.js';
import { classifyIcUS } from './us-3a090.js';
import { classifyMemoryUS } from './us-3a090c.js';
import { classifyComputerUS } from './us-4a090.js';
import { classifyMaterialUS, classifySoftwareOrTechnologyUS } from './us-other.js';
import { classifySmeUS } from './sme.js';

type KindOf<K extends ResolvedItem['kind']> = Extract<ResolvedItem, { kind: K }>;
type ClassifierTable = { [K in ResolvedItem['kind']]: (item: KindOf<K>, index: number, asOf: IsoDate) => Classification };

/**
 * One US classifier per item kind. To classify a new kind (e.g. SME from its parameters),
 * replace its entry here; nothing else has to change.
 */
export const US_CLASSIFIERS: ClassifierTable = {
  ic: classifyIcUS,
  memory: classifyMemoryUS,
  computer: classifyComputerUS,
  sme: classifySmeUS,
  material: classifyMaterialUS,
  software: classifySoftwareOrTechnologyUS,
  technology: classifySoftwareOrTechnologyUS,
};

/**
 * The US control-list entry of one resolved item on `asOf` (rules.md §1.1–1.3). Pure, and cheap
 * enough to run per order line: no validation here — items arrive parsed by the domain schemas.
 */
export function classifyUS(item: ResolvedItem, index: number, asOf: IsoDate): Classification {
  const classify = US_CLASSIFIERS[item.kind] as ((item: ResolvedItem, index: number, asOf: IsoDate) => Classification) | undefined;
  if (classify === undefined) {
    // A catalogue reference that skipped resolveItem(): fail closed rather than guess.
    return usClassification(index, 'INDETERMINATE', `item kind "${String((item as { kind: unknown }).kind)}" cannot be classified; resolve catalogue references first`, {}, {
      missing: ['a resolved item description'],
    });
  }
  return classify(item, index, asOf);
}
