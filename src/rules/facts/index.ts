import type { FactDef } from '../facts.js';

/**
 * Fact providers beyond the core ones in ../facts.ts, one module per topic (SME parameters,
 * provenance for de minimis and foreign-direct-product tests, China's rules ...). Each module
 * exports a FactDef[]; list it here so packs can use its facts.
 */
export const TOPIC_FACTS: FactDef[] = [];
