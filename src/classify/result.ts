import type { Classification, FactValue, IsoDate } from '../domain/index.js';
import { REGIME_NOV_2023, REGIME_OCT_2022 } from './thresholds.js';

export type Facts = Record<string, FactValue>;

export interface ResultExtras {
  paragraphs?: string[] | undefined;
  missing?: string[] | undefined;
  regime?: string | undefined;
}

/** One US classification; keys that do not apply are left out, so results compare and print cleanly. */
export function usClassification(index: number, code: string, because: string, facts: Facts, extras: ResultExtras = {}): Classification {
  const c: Classification = { item: index, jurisdiction: 'US', code, because, facts };
  if (extras.paragraphs !== undefined && extras.paragraphs.length > 0) c.paragraphs = extras.paragraphs;
  if (extras.missing !== undefined && extras.missing.length > 0) c.missing = extras.missing;
  if (extras.regime !== undefined) c.regime = extras.regime;
  return c;
}

/** A control code the user gave: taken as given (contract.md "an explicit eccn"). */
export function declaredClassification(index: number, eccn: string, facts: Facts, regime?: string): Classification {
  return usClassification(index, eccn, 'declared by the user', { ...facts, declared: true }, { regime });
}

/** Which version of 3A090/4A090 governs on `asOf`; undefined before the entries existed. */
export function usRegimeOn(asOf: IsoDate): string | undefined {
  if (asOf >= REGIME_NOV_2023) return REGIME_NOV_2023;
  if (asOf >= REGIME_OCT_2022) return REGIME_OCT_2022;
  return undefined;
}

/** Sets `key` only when `value` is known, so facts never carry `undefined`. */
export function setFact(facts: Facts, key: string, value: FactValue | undefined): void {
  if (value !== undefined) facts[key] = value;
}
