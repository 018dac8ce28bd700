import { InputError, type Determination, type IsoDate } from '../domain/index.js';
import type { BookEntry } from './book.js';
import type { AnalysedBook } from './compare.js';
import { lineOutcome } from './line-outcome.js';
import type { EvaluatedLine, MeasureInfo } from './types.js';

/** Determines one transaction under the rules of `asOf` (or its own date when `asOf` is undefined). */
export type CheckLine = (transaction: unknown, asOf: IsoDate | undefined) => Determination;

/**
 * Evaluates every line of a book under one date. A line the engine rejects (bad field, unknown
 * item) becomes an error line carrying its message; anything else thrown is a bug and propagates.
 */
export function analyseBook(
  entries: readonly BookEntry[],
  check: CheckLine,
  asOf: IsoDate | undefined,
  onProgress?: (done: number, total: number) => void,
): AnalysedBook {
  const measures: Record<string, MeasureInfo> = {};
  const lines = entries.map((entry, i) => {
    onProgress?.(i, entries.length);
    return evaluateLine(entry, check, asOf, measures);
  });
  onProgress?.(entries.length, entries.length);
  return { asOf: asOf ?? null, lines, measures };
}

function evaluateLine(entry: BookEntry, check: CheckLine, asOf: IsoDate | undefined, measures: Record<string, MeasureInfo>): EvaluatedLine {
  if (!entry.transaction) return { line: entry.line, error: entry.error ?? 'unreadable line' };
  try {
    const { result, measures: seen } = lineOutcome(check(entry.transaction, asOf));
    for (const [id, info] of Object.entries(seen)) measures[id] ??= info;
    return { line: entry.line, result };
  } catch (e) {
    if (e instanceof InputError) return { line: entry.line, error: e.message };
    throw e;
  }
}

/**
 * The same, handing control back every `every` lines through `pause` (a server passes
 * setImmediate), so a big book does not hold up other requests while it is evaluated.
 */
export async function analyseBookInSteps(
  entries: readonly BookEntry[],
  check: CheckLine,
  asOf: IsoDate | undefined,
  pause: () => Promise<void>,
  every = 100,
): Promise<AnalysedBook> {
  const measures: Record<string, MeasureInfo> = {};
  const lines: EvaluatedLine[] = [];
  for (const [i, entry] of entries.entries()) {
    if (i > 0 && i % every === 0) await pause();
    lines.push(evaluateLine(entry, check, asOf, measures));
  }
  return { asOf: asOf ?? null, lines, measures };
}
