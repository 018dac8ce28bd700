import { InputError, type InputProblem } from '../domain/index.js';

/**
 * One CSV row of an order book → one transaction input (docs/batch.md). A row is one order
 * line: one item, its parties and its destination. The transaction is then validated by the
 * same schema as `redline check`, and problems are named by column, not by JSON path.
 */

/** Party column prefixes and the role each stands for. `consignee` is the ultimate consignee. */
export const PARTY_PREFIXES = {
  end_user: 'end_user',
  consignee: 'ultimate_consignee',
  intermediate_consignee: 'intermediate_consignee',
  buyer: 'buyer',
} as const;
type PartyPrefix = keyof typeof PARTY_PREFIXES;

/** Party fields per prefix: column suffix → transaction field. */
const PARTY_FIELDS = {
  name: 'name',
  country: 'country',
  headquarters: 'headquarters',
  ultimate_parent: 'ultimateParent',
  address: 'address',
  type: 'type',
} as const;

const TOP_COLUMNS = ['id', 'date', 'from', 'to', 'model', 'item', 'quantity', 'value', 'currency', 'end_use', 'exporter_country', 'exporter_headquarters'] as const;

/** Every column a book may have, in the order docs/batch.md lists them. */
export const CSV_COLUMNS: readonly string[] = [
  ...TOP_COLUMNS,
  ...Object.keys(PARTY_PREFIXES).flatMap((p) => Object.keys(PARTY_FIELDS).map((f) => `${p}_${f}`)),
];
const KNOWN = new Set(CSV_COLUMNS);

/** Checks a header once, before any row: unknown or doubled columns are errors for the whole file. */
export function checkCsvHeader(header: readonly string[], source = 'header'): string[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const cols = header.map((h) => h.trim().toLowerCase());
  cols.forEach((c, i) => {
    if (!KNOWN.has(c)) problems.push({ path: `${source}: column ${i + 1} "${header[i]}"`, message: `unknown column; known columns: ${CSV_COLUMNS.join(', ')}` });
    else if (seen.has(c)) problems.push({ path: `${source}: column ${i + 1} "${header[i]}"`, message: 'appears twice' });
    seen.add(c);
  });
  if (!seen.has('to')) problems.push({ path: source, message: 'a "to" column (destination country) is required' });
  if (!seen.has('model') && !seen.has('item')) problems.push({ path: source, message: 'a "model" or an "item" column is required' });
  if (problems.length) throw new InputError(problems);
  return cols;
}

/** What a built transaction's JSON paths came from, so problems can name the column. */
interface Origins {
  parties: PartyPrefix[];
  itemFromJson: boolean;
}

function cell(record: Record<string, string | undefined>, col: string): string | undefined {
  const v = record[col];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A number cell: "1,250.50" is read as 1250.5; anything else non-numeric is an error naming the column. */
function numberCell(record: Record<string, string | undefined>, col: string, problems: InputProblem[]): number | undefined {
  const v = cell(record, col);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/,/g, ''));
  if (!Number.isFinite(n)) {
    problems.push({ path: col, message: `"${v}" is not a number` });
    return undefined;
  }
  return n;
}

function itemFrom(record: Record<string, string | undefined>, problems: InputProblem[]): { item: Record<string, unknown> | undefined; fromJson: boolean } {
  const model = cell(record, 'model');
  const json = cell(record, 'item');
  if (model && json) {
    problems.push({ path: 'item', message: 'give either "model" or "item", not both' });
    return { item: undefined, fromJson: false };
  }
  if (!model && !json) {
    problems.push({ path: 'model', message: 'is required (a catalogue model name, or an "item" JSON object)' });
    return { item: undefined, fromJson: false };
  }
  if (model) return { item: { model }, fromJson: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json!);
  } catch (err) {
    problems.push({ path: 'item', message: `invalid JSON (${(err as Error).message})` });
    return { item: undefined, fromJson: true };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push({ path: 'item', message: 'must be a JSON object describing one item' });
    return { item: undefined, fromJson: true };
  }
  return { item: { ...(parsed as Record<string, unknown>) }, fromJson: true };
}

/**
 * Each party's columns, named once: a column name built per row (`${prefix}_${suffix}`) is a new
 * string that every record lookup had to hash afresh (3 % of a batch worker's time).
 */
const PARTY_COLUMNS = (Object.entries(PARTY_PREFIXES) as [PartyPrefix, string][]).map(([prefix, role]) => ({
  prefix,
  role,
  fields: Object.entries(PARTY_FIELDS).map(([suffix, field]) => ({ suffix, field, column: `${prefix}_${suffix}` })),
}));

function partiesFrom(record: Record<string, string | undefined>, problems: InputProblem[]): { parties: Record<string, string>[]; prefixes: PartyPrefix[] } {
  const parties: Record<string, string>[] = [];
  const prefixes: PartyPrefix[] = [];
  for (const { prefix, role, fields } of PARTY_COLUMNS) {
    // The role first, as parties are written.
    const party: Record<string, string> = { role };
    let filled = 0;
    for (const { suffix, field, column } of fields) {
      const v = cell(record, column);
      if (v === undefined) continue;
      party[field] = suffix === 'name' || suffix === 'address' || suffix === 'type' ? v : v.toUpperCase();
      filled++;
    }
    if (filled === 0) continue;
    if (!party.name) {
      problems.push({ path: `${prefix}_name`, message: `is required when other ${prefix}_ columns are filled` });
      continue;
    }
    parties.push(party);
    prefixes.push(prefix);
  }
  return { parties, prefixes };
}

/** Builds the transaction input of one row; throws InputError naming columns for what it cannot read. */
export function transactionFromCsvRecord(record: Record<string, string | undefined>): { tx: Record<string, unknown>; origins: Origins } {
  const problems: InputProblem[] = [];
  const { item, fromJson } = itemFrom(record, problems);
  const quantity = numberCell(record, 'quantity', problems);
  const value = numberCell(record, 'value', problems);
  const { parties, prefixes } = partiesFrom(record, problems);
  if (problems.length) throw new InputError(problems);
  if (item && quantity !== undefined) item.quantity = quantity;
  const tx: Record<string, unknown> = { items: [item] };
  const id = cell(record, 'id');
  if (id !== undefined) tx.id = id;
  const date = cell(record, 'date');
  if (date !== undefined) tx.date = date;
  for (const col of ['from', 'to'] as const) {
    const v = cell(record, col);
    if (v !== undefined) tx[col] = v.toUpperCase();
  }
  if (value !== undefined) tx.value = value;
  const currency = cell(record, 'currency');
  if (currency !== undefined) tx.currency = currency.toUpperCase();
  const endUse = cell(record, 'end_use');
  if (endUse !== undefined) tx.endUse = endUse.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
  const exporterCountry = cell(record, 'exporter_country');
  const exporterHq = cell(record, 'exporter_headquarters');
  if (exporterCountry || exporterHq) {
    tx.exporter = {
      ...(exporterCountry ? { country: exporterCountry.toUpperCase() } : {}),
      ...(exporterHq ? { headquarters: exporterHq.toUpperCase() } : {}),
    };
  }
  if (parties.length) tx.parties = parties;
  return { tx, origins: { parties: prefixes, itemFromJson: fromJson } };
}

const FIELD_TO_SUFFIX: Record<string, string> = Object.fromEntries(Object.entries(PARTY_FIELDS).map(([s, f]) => [f, s]));

/** Renames a transaction path (`parties[1].country`) to the column it came from (`consignee_country`). */
export function columnOfPath(path: string, origins: Origins): string {
  const party = /^parties\[(\d+)\]\.?(\w*)(.*)$/.exec(path);
  if (party) {
    const prefix = origins.parties[Number(party[1])];
    if (!prefix) return path;
    const suffix = FIELD_TO_SUFFIX[party[2] ?? ''];
    return suffix ? `${prefix}_${suffix}${party[3] ?? ''}` : `${prefix}_${party[2] || 'name'}${party[3] ?? ''}`;
  }
  const item = /^items\[0\]\.?(.*)$/.exec(path);
  if (item) {
    if (item[1] === 'quantity') return 'quantity';
    if (!origins.itemFromJson) return 'model';
    return item[1] ? `item.${item[1]}` : 'item';
  }
  if (path.startsWith('endUse')) return `end_use${path.slice('endUse'.length)}`;
  if (path.startsWith('exporter.')) return `exporter_${path.slice('exporter.'.length)}`;
  return path;
}
