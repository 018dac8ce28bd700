import { InputError, isIsoDate, type IsoDate, type ListEntry } from '../../domain/index.js';

/**
 * What a format loader hands back, whatever the format: the entries (each
 * carrying its list id) and the date the publisher put in the file, with
 * which kind of date it is, so freshness is computed from the best date known.
 */

/**
 * Where a list version's source date came from, best first:
 * - `publisher`: a date the file itself carries (UN `dateGenerated`, OFAC
 *   `Publish_Date`, EU `generationDate`, UK "Report Date");
 * - `http-last-modified`: the server's `Last-Modified` for the download;
 * - `newest-entry`: the newest listing date among the entries (CSL JSON/CSV,
 *   METI): a lower bound — the file is at least that new — so freshness errs
 *   on the stale side;
 * - `fetched`: the time it was fetched (or loaded): says nothing about the
 *   file's age, used only when nothing better exists.
 */
export const SOURCE_DATE_KINDS = ['publisher', 'http-last-modified', 'newest-entry', 'fetched'] as const;
export type SourceDateKind = (typeof SOURCE_DATE_KINDS)[number];

export interface ParsedListSource {
  entries: ListEntry[];
  sourceDate?: IsoDate | undefined;
  sourceDateKind?: SourceDateKind | undefined;
  /** Where in the file the date was read (`CONSOLIDATED_LIST/@dateGenerated`), for the version's record. */
  sourceDateField?: string | undefined;
}

/**
 * The source date to record: the publisher's date, else `Last-Modified`, else
 * the newest entry date, else the fetch time. A publisher date later than the
 * fetch (a clock or file error) is not trusted over `Last-Modified`.
 */
export function chooseSourceDate(
  parsed: Pick<ParsedListSource, 'sourceDate' | 'sourceDateKind'>,
  http: { lastModified?: IsoDate | undefined; fetchedAt: IsoDate },
): { sourceDate: IsoDate; sourceDateKind: SourceDateKind } {
  const kind = parsed.sourceDateKind ?? (parsed.sourceDate ? 'publisher' : undefined);
  if (parsed.sourceDate && kind === 'publisher' && parsed.sourceDate <= http.fetchedAt) return { sourceDate: parsed.sourceDate, sourceDateKind: 'publisher' };
  if (http.lastModified) return { sourceDate: http.lastModified, sourceDateKind: 'http-last-modified' };
  if (parsed.sourceDate && parsed.sourceDate <= http.fetchedAt) return { sourceDate: parsed.sourceDate, sourceDateKind: kind === 'publisher' ? 'publisher' : 'newest-entry' };
  return { sourceDate: http.fetchedAt, sourceDateKind: 'fetched' };
}

/** The newest of the entries' start dates (a lower bound of the file's date). */
export function newestEntryDate(entries: readonly ListEntry[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const e of entries) if (e.startDate && (!best || e.startDate > best)) best = e.startDate;
  return best;
}

/** The date part of an ISO timestamp ("2026-02-27T00:00:09.554Z", "2024-05-03T17:15:43.713+02:00"), as published. */
export function isoDatePart(text: string | undefined): IsoDate | undefined {
  const d = /^(\d{4}-\d{2}-\d{2})/.exec(text?.trim() ?? '')?.[1];
  return d && isIsoDate(d) ? d : undefined;
}

/** Bad input in a list file, naming the file and where in it (line, element, row). */
export function listFileError(source: string, where: string | undefined, message: string): InputError {
  return new InputError([{ path: where ? `${source}: ${where}` : source, message }]);
}
