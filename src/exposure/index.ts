export * from './types.js';
export { exposureReport, restrictedValue, monthOf, UNDATED } from './aggregate.js';
export { compareExposure, type AnalysedBook } from './compare.js';
export { lineOutcome } from './line-outcome.js';
export { analyseBook, analyseBookInSteps, type CheckLine } from './evaluate.js';
export { exposureOfBook, exposureOfBookInSteps, isComparison, type ExposureOptions } from './analyse.js';
export { parseBook, parseCsvBook, parseJsonlBook, bookFormatOf, BOOK_COLUMNS, itemLabel, itemKind, kindOfModelIn, type BookEntry, type BookFormat, type KindOfModel } from './book.js';
export { breakdownCsv, flipsCsv } from './csv.js';
export { staleListCaveat, type ListAge } from './caveats.js';
