import type { Classification, IsoDate, MaterialItem, SoftwareItem, TechnologyItem } from '../domain/index.js';
import { declaredClassification, setFact, usClassification, type Facts } from './result.js';

/**
 * US classification of materials, software and technology, which Redline cannot yet classify
 * from parameters. They answer INDETERMINATE (so the engine
 * fails closed to `review`) unless the user gives the ECCN. Replace an entry of the dispatcher
 * in us.ts when a real classifier for the kind arrives.
 */
export function classifyMaterialUS(item: MaterialItem, index: number, _asOf: IsoDate): Classification {
  const facts: Facts = { substance: item.substance };
  setFact(facts, 'form', item.form);
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, facts);
  return usClassification(index, 'INDETERMINATE', 'materials are not yet classified from their description; give the ECCN (or EAR99)', facts, {
    missing: ['eccn (US classification of materials is not implemented yet)'],
  });
}

export function classifySoftwareOrTechnologyUS(item: SoftwareItem | TechnologyItem, index: number, _asOf: IsoDate): Classification {
  const facts: Facts = {};
  setFact(facts, 'forCode', item.forCode);
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, facts);
  // rules.md §1.3: software and technology follow the commodity (3D001/3E001 for 3A090, 4D090/4E001 for 4A090).
  return usClassification(index, 'INDETERMINATE', `${item.kind} follows the commodity it is for (e.g. 3D001/3E001 for 3A090); give its ECCN`, facts, {
    missing: [`eccn (the ${item.kind}'s own control code)`],
  });
}
