import type { Jurisdiction } from './jurisdiction.js';

export type FactValue = number | string | boolean | null;

/**
 * A control-list entry an item falls under in one jurisdiction, with the computation that
 * decided it (contract.md "classifications").
 */
export interface Classification {
  item: number;
  jurisdiction: Jurisdiction;
  /** `3A090.a`, `3A090.b`, `3A090.c`, `4A090.a`, `NOT_3A090`, `EAR99`, `INDETERMINATE`, `3B001.f.1`, ... */
  code: string;
  because: string;
  facts: Record<string, FactValue>;
  /** Sub-paragraphs met, e.g. ["a.1", "a.2"]. */
  paragraphs?: string[];
  /** What is needed to decide, when `code` is INDETERMINATE. */
  missing?: string[];
  /** Which version of the control text decided it, e.g. "2022-10-07" or "2023-11-17". */
  regime?: string;
}
