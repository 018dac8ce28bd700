import type { ListEntry } from '../../domain/index.js';
import { assignCslIds, cslEntry } from './csl.js';
import { isoDatePart, listFileError, newestEntryDate, type ParsedListSource } from './source.js';

/**
 * The US Consolidated Screening List as JSON (trade.gov `consolidated.json`,
 * the same records the CSL API returns): `{ results: [{ name, alt_names[],
 * addresses[{ address, city, state, postal_code, country }], source,
 * federal_register_notice, start_date, end_date, entity_number, programs[],
 * license_requirement, license_policy, nationalities[], citizenships[],
 * remarks, ids[], … }] }`. Each record is flattened to the CSV's cells
 * (arrays joined with "; ", an address printed "address, city, state,
 * postal_code, COUNTRY" as the CSV prints it) and read by the CSV's own
 * mapping, so the JSON and the CSV of one list give the same entries and ids.
 *
 * Source date: the file has no generation date of its own. When it carries
 * the API's `sources_used[].source_last_updated`, the newest of those is the
 * publisher's date; otherwise the newest `start_date` is returned as a
 * `newest-entry` lower bound (a fetcher's `Last-Modified` is better than that).
 */
type Json = Record<string, unknown>;

const cell = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(cell).filter((s): s is string => !!s && s.trim() !== '').join('; ');
  return undefined;
};

function addressCell(v: unknown): string | undefined {
  if (!Array.isArray(v)) return cell(v);
  return v
    .map((a) => {
      if (typeof a === 'string') return a;
      if (!a || typeof a !== 'object') return '';
      const o = a as Json;
      return ['address', 'city', 'state', 'postal_code', 'country'].map((k) => cell(o[k])?.trim()).filter(Boolean).join(', ');
    })
    .filter(Boolean)
    .join('; ');
}

function flatten(r: Json): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'addresses' && k !== 'ids') out[k] = cell(v);
  out.addresses = addressCell(r.addresses);
  out._id = cell(r.id) ?? cell(r._id);
  return out;
}

function publisherDate(doc: Json): string | undefined {
  const used = Array.isArray(doc.sources_used) ? (doc.sources_used as Json[]) : [];
  return used.map((s) => isoDatePart(cell(s?.source_last_updated))).filter((d): d is string => !!d).sort().at(-1);
}

export function parseCslJson(text: string, source = 'CSL JSON'): ParsedListSource {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw listFileError(source, undefined, `not JSON (${(err as Error).message})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray((doc as Json).results)) {
    throw listFileError(source, 'results', 'not a CSL JSON file: expected an object with a "results" array');
  }
  const entries: ListEntry[] = [];
  ((doc as Json).results as unknown[]).forEach((r, i) => {
    const where = `results[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw listFileError(source, where, 'must be an object');
    let entry: ListEntry | undefined;
    try {
      entry = cslEntry(flatten(r as Json), where, source);
    } catch (err) {
      throw listFileError(source, where, (err as Error).message.replace(`${source}: ${where}: `, ''));
    }
    if (entry) entries.push(entry);
  });
  assignCslIds(entries);
  const published = publisherDate(doc as Json);
  if (published) return { entries, sourceDate: published, sourceDateKind: 'publisher', sourceDateField: 'sources_used[].source_last_updated' };
  const newest = newestEntryDate(entries);
  return { entries, sourceDate: newest, sourceDateKind: newest ? 'newest-entry' : undefined, sourceDateField: newest ? 'results[].start_date (newest)' : undefined };
}
