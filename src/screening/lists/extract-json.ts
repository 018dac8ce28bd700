import type { IsoDate, ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { citationDates, cleanCitation, entityListFootnotes, parseDate, splitMulti } from './fields.js';
import { assignContentIds } from './ids.js';

/**
 * JSON list extracts: `{ list_id, extracted, entities: [{ name, aliases,
 * country, address, status, effective_date, federal_register, notes }] }`, one
 * file per list (Entity List, MEU, DPL, NS-CMIC, 1260H, UFLPA, FCC, ISN). The
 * extracts carry no ids, so ids come from content (see `assignContentIds`).
 */
export const EXTRACT_LIST_IDS: Record<string, string> = {
  'bis-entity-list': 'us.bis.entity-list',
  'bis-meu': 'us.bis.meu',
  'bis-dpl': 'us.bis.dpl',
  'ofac-nscmic': 'us.ofac.ns-cmic',
  'dow-1260h': 'us.dow.1260h',
  'dhs-uflpa': 'us.dhs.uflpa',
  'fcc-covered': 'us.fcc.covered',
  'state-nonproliferation': 'us.state.isn',
};

export interface ParsedList {
  list: string;
  sourceDate?: IsoDate | undefined;
  entries: ListEntry[];
}

interface RawEntity {
  name?: unknown;
  aliases?: unknown;
  country?: unknown;
  address?: unknown;
  status?: unknown;
  effective_date?: unknown;
  federal_register?: unknown;
  notes?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function parseListExtract(text: string, source = 'list extract'): ParsedList {
  let doc: { list_id?: unknown; extracted?: unknown; entities?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    throw new Error(`${source}: not JSON (${(err as Error).message})`);
  }
  const rawId = str(doc.list_id);
  const list = rawId ? EXTRACT_LIST_IDS[rawId] : undefined;
  if (!list) throw new Error(`${source}: unknown list_id ${JSON.stringify(doc.list_id)}; expected one of ${Object.keys(EXTRACT_LIST_IDS).join(', ')}`);
  if (!Array.isArray(doc.entities)) throw new Error(`${source}: "entities" must be an array`);
  const entries: ListEntry[] = [];
  (doc.entities as RawEntity[]).forEach((raw, i) => {
    const name = str(raw.name);
    if (!name) throw new Error(`${source}: entities[${i}].name is missing`);
    entries.push(entryFrom(list, name, raw));
  });
  assignContentIds(entries);
  return { list, sourceDate: parseDate(str(doc.extracted)), entries };
}

function entryFrom(list: string, name: string, raw: RawEntity): ListEntry {
  const notes = str(raw.notes);
  const citation = cleanCitation(str(raw.federal_register));
  const country = countryCode(str(raw.country));
  const entry: ListEntry = {
    id: '',
    list,
    name,
    altNames: Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [],
    countries: country ? [country] : [],
    addresses: splitMulti(str(raw.address)),
    citation,
    startDate: parseDate(str(raw.effective_date)) ?? citationDates(citation)[0],
  };
  if (list === 'us.bis.entity-list') {
    entry.licenseRequirement = notes;
    entry.footnotes = entityListFootnotes(notes);
  } else if (notes) {
    entry.remarks = notes;
  }
  if (list === 'us.bis.dpl' && notes) entry.endDate = parseDate(/Expires:\s*([\d-]+)/.exec(notes)?.[1]);
  if (list === 'us.ofac.ns-cmic' && notes) {
    const program = /Program:\s*([A-Z0-9-]+)/.exec(notes)?.[1];
    if (program) entry.programs = [program];
  }
  if (list === 'us.state.isn' && notes) Object.assign(entry, isnStatus(notes));
  const status = str(raw.status);
  if (status && /^(active|suspended|removed)$/.test(status)) entry.status = status as ListEntry['status'];
  return entry;
}

/** ISN sanctions lapse: an entry whose every sanction expired, was lifted or terminated is no longer in force. */
function isnStatus(notes: string): Partial<ListEntry> {
  const statuses = [...notes.matchAll(/status:\s*([^;|]*)/gi)].map((m) => m[1]!.trim());
  if (statuses.length === 0) return {};
  if (statuses.some((s) => /active/i.test(s))) return { status: 'active' };
  const ends = statuses.flatMap((s) => citationDates(s));
  return { status: 'removed', endDate: ends.sort().at(-1) };
}
