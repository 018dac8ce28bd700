import { parse } from 'csv-parse/sync';
import type { ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { cleanCitation, entityListFootnotes, parseDate, splitMulti } from './fields.js';
import { assignContentIds, assignIds } from './ids.js';

/**
 * The US Consolidated Screening List CSV (trade.gov), in both layouts: the
 * 2022 bulk file (`_id` a sha1 or an entity number, minimal quoting) and the
 * current one (`_id` a sha224, every field quoted). The columns are the same;
 * each row's `source` names its sub-list.
 */
const SUBLISTS: Record<string, string> = {
  EL: 'us.bis.entity-list',
  MEU: 'us.bis.meu',
  DPL: 'us.bis.dpl',
  UVL: 'us.bis.uvl',
  SDN: 'us.ofac.sdn',
  SSI: 'us.ofac.ssi',
  PLC: 'us.ofac.plc',
  CMIC: 'us.ofac.ns-cmic',
  CAP: 'us.ofac.capta',
  'NS-MBS List': 'us.ofac.ns-mbs',
  'NS-MBS': 'us.ofac.ns-mbs',
  FSE: 'us.ofac.fse',
  DTC: 'us.state.dtc',
  ISN: 'us.state.isn',
};

const REQUIRED = ['source', 'name', 'alt_names', 'addresses', 'federal_register_notice', 'start_date', 'license_requirement'];

/** The list id for a CSL `source` cell such as "Entity List (EL) - Bureau of Industry and Security". */
export function cslListId(source: string): string | undefined {
  const code = /\(([^)]+)\)/.exec(source)?.[1]?.trim();
  return code ? SUBLISTS[code] : undefined;
}

const TYPES: Record<string, ListEntry['type']> = { individual: 'individual', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft' };

export function parseCslCsv(text: string, source = 'CSL CSV'): ListEntry[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (rows.length > 0 && missing.length) throw new Error(`${source}: not a CSL file; missing column(s) ${missing.join(', ')}`);
  const entries: ListEntry[] = [];
  rows.forEach((r, i) => {
    const entry = cslEntry(r, `row ${i + 2}`, source);
    if (entry) entries.push(entry);
  });
  return assignCslIds(entries);
}

/**
 * One CSL record (a CSV row, or a JSON result flattened to the CSV's cells by
 * csl-json.ts) as an entry; undefined for a row without a name.
 */
export function cslEntry(r: Record<string, string | undefined>, where: string, source: string): ListEntry | undefined {
  const list = cslListId(r.source ?? '');
  if (!list) throw new Error(`${source}: ${where}: unknown source ${JSON.stringify(r.source)}`);
  const name = (r.name ?? '').trim();
  if (!name) return undefined;
  const addresses = splitMulti(r.addresses);
  const countries = new Set<string>();
  for (const a of addresses) {
    const c = countryCode(/,\s*([A-Z]{2})\s*$/.exec(a)?.[1] ?? (a.length === 2 ? a : undefined));
    if (c) countries.add(c);
  }
  for (const c of [...splitMulti(r.nationalities), ...splitMulti(r.citizenships)]) {
    const code = countryCode(c);
    if (code) countries.add(code);
  }
  const requirement = r.license_requirement?.trim() || undefined;
  const entry: ListEntry = {
    id: '',
    list,
    name,
    altNames: splitMulti(r.alt_names),
    type: TYPES[(r.type ?? '').trim().toLowerCase()],
    countries: [...countries],
    addresses,
    citation: cleanCitation(r.federal_register_notice),
    startDate: parseDate(r.start_date),
    endDate: parseDate(r.end_date),
    programs: splitMulti(r.programs),
    licenseRequirement: requirement,
    licensePolicy: r.license_policy?.trim() || undefined,
    remarks: r.remarks?.trim() || undefined,
    sourceId: publisherNumber(r) ?? (r._id?.trim() || undefined),
  };
  if (list === 'us.bis.entity-list') entry.footnotes = entityListFootnotes(requirement);
  return entry;
}

/** OFAC's entity number: the `entity_number` column, or `_id` in the 2022 layout where it held the number. */
function publisherNumber(r: Record<string, string | undefined>): string | undefined {
  return [r.entity_number, r._id].map((v) => v?.trim()).find((v): v is string => !!v && /^\d+$/.test(v));
}

/**
 * trade.gov regenerates `_id` when a row changes, so it is no identity. OFAC
 * rows carry OFAC's own entity number, the same `uid`/`ent_num` the OFAC XML
 * and legacy CSV carry, so those ids agree across all three; every other row
 * gets a content id, the same one the list's other formats give it.
 */
export function assignCslIds(entries: ListEntry[]): ListEntry[] {
  const numbered = entries.filter((e) => e.sourceId && /^\d+$/.test(e.sourceId));
  assignIds(numbered, (e) => `#${e.sourceId}`);
  assignContentIds(entries.filter((e) => !(e.sourceId && /^\d+$/.test(e.sourceId))));
  return entries;
}
