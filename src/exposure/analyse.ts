import type { IsoDate } from '../domain/index.js';
import { bookCurrency, exposureReport } from './aggregate.js';
import type { BookEntry } from './book.js';
import { compareExposure } from './compare.js';
import { analyseBook, analyseBookInSteps, type CheckLine } from './evaluate.js';
import type { ExposureComparison, ExposureReport } from './types.js';

export interface ExposureOptions {
  /** Rules of this date for every line; undefined = each line under its own date. */
  asOf?: IsoDate | undefined;
  /** A second date to compare with: the result is then a comparison. */
  compareAsOf?: IsoDate | undefined;
  onProgress?: (done: number, total: number) => void;
  /** Said once at the top of the report (see caveats.ts). */
  caveats?: string[];
}

/** One report for one date, or the comparison of two: what `redline exposure` and the API answer. */
export function exposureOfBook(entries: readonly BookEntry[], check: CheckLine, options: ExposureOptions = {}): ExposureReport | ExposureComparison {
  // A book in two currencies is refused before any line is evaluated.
  bookCurrency(entries);
  const passes = options.compareAsOf === undefined ? 1 : 2;
  const progress = (pass: number) => (done: number, total: number) => options.onProgress?.(pass * total + done, passes * total);
  const base = analyseBook(entries, check, options.asOf, progress(0));
  if (options.compareAsOf === undefined) return exposureReport(base.lines, { asOf: base.asOf, measures: base.measures, caveats: options.caveats ?? [] });
  const compared = analyseBook(entries, check, options.compareAsOf, progress(1));
  return compareExposure(base, compared, options.caveats ?? []);
}

export function isComparison(r: ExposureReport | ExposureComparison): r is ExposureComparison {
  return 'flips' in r;
}

/** The same as exposureOfBook, yielding through `pause` as it goes (for a server's event loop). */
export async function exposureOfBookInSteps(
  entries: readonly BookEntry[],
  check: CheckLine,
  options: ExposureOptions & { pause: () => Promise<void> },
): Promise<ExposureReport | ExposureComparison> {
  const caveats = options.caveats ?? [];
  bookCurrency(entries);
  const base = await analyseBookInSteps(entries, check, options.asOf, options.pause);
  if (options.compareAsOf === undefined) return exposureReport(base.lines, { asOf: base.asOf, measures: base.measures, caveats });
  const compared = await analyseBookInSteps(entries, check, options.compareAsOf, options.pause);
  return compareExposure(base, compared, caveats);
}
