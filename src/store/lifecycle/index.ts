export { ensureBundledLists, screenerFromStore, listTitle, toListVersion, type StoreScreener, type EnsureResult } from './bundled.js';
export { diffEntries, diffVersions, pickVersion, changedFields } from './diff.js';
export {
  parseListFile,
  parseListContent,
  parseEntries,
  detectListFormat,
  isListFormat,
  LIST_FORMATS,
  BINARY_LIST_FORMATS,
  type ListFormat,
  type ListSourceDateKind,
  type ParsedListFile,
  type ParseListFileOptions,
} from './files.js';
export { loadListFile, DataGateError, DEFAULT_MAX_LOSS_SHARE, pct, type LoadListOptions, type LoadReport, type ListLoadResult, type GateBreach } from './load.js';
export { rescreenCounterparties, type RescreenReport, type RescreenHit } from './rescreen.js';
