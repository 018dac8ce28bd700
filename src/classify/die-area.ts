import type { Die } from '../domain/index.js';
import { exactDecimal } from './exact.js';

/**
 * Applicable die area (mm²) for performance density, rules.md §1.1: all logic dies made with
 * non-planar transistors (FinFET/GAA). Planar dies (`nonPlanar: false`) and DRAM/HBM dies
 * (`memory: true`) are left out. A die whose `nonPlanar` is not given is counted: modern AI
 * logic is FinFET, and counting it can only lower PD, which the caller is told in the item
 * schema ("nonPlanar: false marks a planar die").
 *
 * `dieAreaMm2` alone is one non-planar logic die. Undefined when no area is known. 0 when dies
 * are listed but none is applicable (PD is then undefined; the classifier asks about it).
 */
export function applicableDieArea(item: { dies?: readonly Die[] | undefined; dieAreaMm2?: number | undefined }): number | undefined {
  const dies = item.dies;
  if (dies !== undefined && dies.length > 0) {
    let sum = 0;
    for (const d of dies) {
      if (d.memory === true || d.nonPlanar === false) continue;
      sum += d.areaMm2;
    }
    return exactDecimal(sum);
  }
  return item.dieAreaMm2;
}
