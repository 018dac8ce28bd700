import type { FactDef } from '../facts.js';
import { CHINA_FACTS } from './china.js';
import { CLASSIFICATION_FACTS } from './classification.js';
import { PROVENANCE_FACTS } from './provenance.js';
import { SUPPORT_FACTS } from './support.js';
import { OWNERSHIP_FACTS } from './ownership.js';

/**
 * Fact providers beyond the core ones in ../facts.ts, one module per topic (SME parameters,
 * provenance for de minimis and foreign-direct-product tests, China's rules ...). Each module
 * exports a FactDef[]; list it here so packs can use its facts. Topic modules may call helpers
 * of ../facts.js at evaluation time (never at load time): facts.ts loads this file first.
 */
export const TOPIC_FACTS: FactDef[] = [...CLASSIFICATION_FACTS, ...PROVENANCE_FACTS, ...SUPPORT_FACTS, ...CHINA_FACTS, ...OWNERSHIP_FACTS];
