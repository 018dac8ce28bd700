/** Classification: item parameters → control-list entries (rules.md §1.1–1.3), and the chip catalogue. */
export { classifyUS, US_CLASSIFIERS } from './us.js';
export { classifyItem } from './classify.js';
export { totalProcessingPerformance, maximisingFigure, figureTpp, type TppFigure } from './tpp.js';
export { applicableDieArea } from './die-area.js';
export { performanceDensity, memoryBandwidthDensity } from './density.js';
export { buildCatalogue, type Catalogue, type CatalogueMatch } from './catalogue.js';
export { entryFromRow, CatalogueRowError, type CatalogueEntry, type CatalogueRow } from './catalogue-row.js';
export { normaliseModel } from './model-name.js';
export { resolveItem } from './resolve.js';
export * as thresholds from './thresholds.js';
