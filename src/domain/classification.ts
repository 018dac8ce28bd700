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

/** What the bundled catalogue knows about a named product beyond its technical parameters. */
export interface CatalogueInfo {
  /** The catalogue's own name for the product (e.g. "NVIDIA H100 SXM5 80GB"). */
  name: string;
  vendor?: string | undefined;
  /**
   * Facts rules test through `item.tags`, e.g. `prc_3a090_ic` (BIS GP10 guidance names it),
   * `is_informed_h20_class` (April-2025 letters), `china_only_sku`, `us_available_2026_01_15`.
   */
  tags: string[];
  source?: string | undefined;
  confidence?: string | undefined;
  note?: string | undefined;
  /** The classification the reference expects (chips.csv `expected_eccn`), for tests. */
  expectedCode?: string | undefined;
}
