import { isIsoDate, type IsoDate } from '../../domain/index.js';

/** Field parsers shared by the list loaders: dates, citations, multi-valued cells, Entity List footnotes. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function iso(y: number, m: number, d: number): IsoDate | undefined {
  const year = y < 100 ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  const s = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : undefined;
}

/** A date written as ISO, m/d/yy(yy), "November 25, 2024" or "03 Jun 2021"; undefined otherwise. */
export function parseDate(text: string | null | undefined): IsoDate | undefined {
  if (!text) return undefined;
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) return iso(+m[3]!, +m[1]!, +m[2]!);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.slice(0, 3).toLowerCase()]) return iso(+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.slice(0, 3).toLowerCase()]) return iso(+m[3]!, MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!);
  return undefined;
}

/** Every date in a citation such as "84 FR 22963, 5/21/19. 89 FR 96830, 12/5/24" or "91 FR 35189 (June 10, 2026)". */
export function citationDates(text: string | null | undefined): IsoDate[] {
  if (!text) return [];
  const out: IsoDate[] = [];
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g)) {
    const d = iso(+m[3]!, +m[1]!, +m[2]!);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(/\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*(\d{4})\b/g)) {
    const d = parseDate(m[0]);
    if (d) out.push(d);
  }
  return out.sort();
}

/** One-line citation: newlines and doubled spaces in list files become "; " and " ". */
export function cleanCitation(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = text
    .split(/\s*\n\s*/)
    .map((s) => s.replace(/\.\s*$/, '').trim())
    .filter(Boolean)
    .join('; ')
    .replace(/\s+/g, ' ')
    .trim();
  return t || undefined;
}

/** Splits a `;`-joined cell (also "; and "), trimming and dropping empties. */
export function splitMulti(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/;\s*(?:and\s+)?/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Entity List footnotes from the licence-requirement text. The eCFR text puts
 * the footnote digit right after the FDP paragraph it invokes ("734.9(e) 1",
 * "734.9(g),3") or at the end of the cell ("... of the EAR) 5"). Footnotes 1, 3,
 * 4 and 5 carry FDP rules (15 CFR 734.9(e)(1), (g), (e)(2), (e)(3)); a trailing
 * 2 on Huawei entries is an entry-specific note and is left out (rules §1.11).
 */
export function entityListFootnotes(requirement: string | null | undefined): number[] {
  if (!requirement) return [];
  const found = new Set<number>();
  for (const m of requirement.matchAll(/734\.9\(\s*[eg]\s*\)\s*,?\s*([1-5])(?![\d(.])/g)) found.add(+m[1]!);
  const tail = /(?:\)|EAR)\s*\.?\s*([1-5])\s*$/.exec(requirement.trim());
  if (tail) found.add(+tail[1]!);
  found.delete(2);
  return [...found].sort();
}
