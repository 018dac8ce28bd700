export { parseCslCsv, cslListId } from './csl.js';
export { parseListExtract, EXTRACT_LIST_IDS, type ParsedList } from './extract-json.js';
export { parseOfacLegacy, type OfacLegacyFiles } from './ofac-legacy.js';
export { parseChinaListsCsv, parsePlainListCsv, windowFromNote, CHINA_LIST_IDS } from './plain-csv.js';
export { entityListFootnotes, parseDate, citationDates, cleanCitation, splitMulti } from './fields.js';
export { countryCode } from './countries.js';
export { fnv64, assignIds } from './ids.js';
