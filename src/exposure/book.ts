import { parse } from 'csv-parse/sync';
import { InputError, isIsoDate } from '../domain/index.js';
import type { BookLine } from './types.js';

/**
 * Reading an order book for exposure analysis: CSV (one item per row) or JSON Lines (one
 * contract.md transaction per line). Text in, lines out: no file access here, so the CLI and the
 * HTTP API read the same way. The CSV columns are the batch columns of docs/batch.md, so one
 * book serves `redline batch` and `redline exposure` alike (docs/exposure.md).
 */
const PARTY_PREFIXES = { end_user: 'end_user', consignee: 'ultimate_consignee', intermediate_consignee: 'intermediate_consignee', buyer: 'buyer' } as const;
const PARTY_FIELDS = { name: 'name', country: 'country', headquarters: 'headquarters', ultimate_parent: 'ultimateParent', address: 'address', type: 'type' } as const;

export const BOOK_COLUMNS: readonly string[] = [
  'id', 'date', 'from', 'to', 'model', 'item', 'quantity', 'value', 'currency', 'end_use', 'exporter_country', 'exporter_headquarters',
  ...Object.keys(PARTY_PREFIXES).flatMap((p) => Object.keys(PARTY_FIELDS).map((f) => `${p}_${f}`)),
];

export interface BookEntry {
  line: BookLine;
  /** The transaction to evaluate (validated by the check itself), absent when the row is unreadable. */
  transaction?: Record<string, unknown>;
  error?: string;
}

export type BookFormat = 'csv' | 'jsonl';

/** A file name's format: `.jsonl`/`.ndjson` are JSON Lines, anything else CSV. */
export function bookFormatOf(name: string): BookFormat {
  return /\.(jsonl|ndjson)$/i.test(name) ? 'jsonl' : 'csv';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A person's name for an item: its model, its name, its substance and form, or its tool type. */
export function itemLabel(item: unknown): string {
  if (!isObj(item)) return 'item';
  const model = str(item.model) ?? str(item.name);
  if (model) return model;
  if (item.kind === 'material') return [str(item.substance), str(item.form)].filter(Boolean).join(' ') || 'material';
  if (item.kind === 'sme' && str(item.category)) return `${String(item.category)} tool`;
  return str(item.eccn) ?? str(item.kind) ?? 'item';
}

/** Which kind of product a catalogue name is (`ic`, `sme`), from the catalogue the caller holds. */
export type KindOfModel = (model: string) => string | undefined;

/** The kind-of-model lookup for a catalogue of chips with named equipment beside it (src/classify Catalogue). */
export function kindOfModelIn(catalogue: { resolve(model: string): unknown; equipment?: { resolve(model: string): unknown } | undefined }): KindOfModel {
  return (model) => (catalogue.resolve(model) ? 'ic' : catalogue.equipment?.resolve(model) ? 'sme' : undefined);
}

/** An item's kind: its own `kind`, or for a catalogue reference what the catalogue says it is. */
export function itemKind(item: unknown, kindOfModel?: KindOfModel): string {
  if (!isObj(item)) return 'unknown';
  const kind = str(item.kind);
  if (kind) return kind;
  const model = str(item.model);
  return (model && kindOfModel?.(model)) || 'unknown';
}

/** A number cell; "1,250.50" reads as 1250.5 (as in docs/batch.md). */
function number(v: string | undefined, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`${field}: "${v}" is not a number`);
  return n;
}

function lineOf(row: number, tx: Obj, items: unknown[], value: number, kindOfModel?: KindOfModel): BookLine {
  const labels = [...new Set(items.map(itemLabel))];
  const kinds = [...new Set(items.map((i) => itemKind(i, kindOfModel)))];
  return {
    row,
    id: str(tx.id) ?? `row-${row}`,
    date: isIsoDate(tx.date) ? tx.date : undefined,
    from: str(tx.from),
    to: str(tx.to) ?? '',
    item: labels.join(' + ') || 'item',
    kind: kinds.length === 1 ? kinds[0]! : 'mixed',
    value,
    currency: str(tx.currency) ?? '',
    quantity: items.length === 1 && isObj(items[0]) && typeof items[0].quantity === 'number' ? items[0].quantity : undefined,
  };
}

function csvItem(r: Record<string, string>): Obj {
  if (r.model && r.item) throw new Error('item: give either "model" or "item", not both');
  let item: Obj;
  if (r.item) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.item);
    } catch (e) {
      throw new Error(`item: not valid JSON (${(e as Error).message})`);
    }
    if (!isObj(parsed)) throw new Error('item: must be a JSON object describing one item');
    item = { ...parsed };
  } else if (r.model) {
    item = { model: r.model };
  } else {
    throw new Error('model: is required (a catalogue model name, or an "item" JSON object)');
  }
  const quantity = number(r.quantity, 'quantity');
  if (quantity !== undefined) item.quantity = quantity;
  return item;
}

/** A CSV row as a contract.md transaction with one item and the parties its columns name. */
export function csvRowTransaction(r: Record<string, string>): Obj {
  const tx: Obj = {};
  if (r.id) tx.id = r.id;
  if (r.date) tx.date = r.date;
  if (r.from) tx.from = r.from.toUpperCase();
  if (r.to) tx.to = r.to.toUpperCase();
  tx.items = [csvItem(r)];
  const value = number(r.value, 'value');
  if (value !== undefined) tx.value = value;
  if (r.currency) tx.currency = r.currency.toUpperCase();
  if (r.end_use) tx.endUse = r.end_use.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
  if (r.exporter_country || r.exporter_headquarters) {
    const exporter: Obj = {};
    if (r.exporter_country) exporter.country = r.exporter_country.toUpperCase();
    if (r.exporter_headquarters) exporter.headquarters = r.exporter_headquarters.toUpperCase();
    tx.exporter = exporter;
  }
  const parties: Obj[] = [];
  for (const [prefix, role] of Object.entries(PARTY_PREFIXES)) {
    const party: Obj = {};
    for (const [suffix, field] of Object.entries(PARTY_FIELDS)) {
      const v = r[`${prefix}_${suffix}`];
      if (v) party[field] = suffix === 'name' || suffix === 'address' || suffix === 'type' ? v : v.toUpperCase();
    }
    if (!Object.keys(party).length) continue;
    if (!party.name) throw new Error(`${prefix}_name: is required when other ${prefix}_ columns are filled`);
    parties.push({ role, ...party });
  }
  if (parties.length) tx.parties = parties;
  return tx;
}

const VALUE_NEEDED = 'value: exposure needs each line\'s value (a number in the book\'s currency)';

export function parseCsvBook(text: string, kindOfModel?: KindOfModel): BookEntry[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new InputError([{ path: 'book', message: `not readable as CSV (${(e as Error).message})` }]);
  }
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header) throw new InputError([{ path: 'book', message: 'the file is empty: it needs a header row naming the columns' }]);
  const unknown = header.filter((h) => !BOOK_COLUMNS.includes(h));
  if (unknown.length) {
    throw new InputError([{ path: 'book header', message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${BOOK_COLUMNS.join(', ')})` }]);
  }
  if (!header.includes('to')) throw new InputError([{ path: 'book header', message: 'the column "to" (destination country) is required' }]);
  return rows.map((cells, i) => {
    const row = i + 1;
    const r: Record<string, string> = {};
    header.forEach((h, k) => (r[h] = cells[k] ?? ''));
    if (cells.length !== header.length) {
      return { line: lineOf(row, r, [], 0), error: `has ${cells.length} cells where the header has ${header.length}` };
    }
    try {
      const tx = csvRowTransaction(r);
      const items = tx.items as unknown[];
      if (typeof tx.value !== 'number') return { line: lineOf(row, tx, items, 0, kindOfModel), error: VALUE_NEEDED };
      return { line: lineOf(row, tx, items, tx.value, kindOfModel), transaction: tx };
    } catch (e) {
      return { line: lineOf(row, r, [], 0), error: (e as Error).message };
    }
  });
}

/** The value of a JSON transaction: its `value`, or the sum of its items' values when each has one. */
function transactionValue(tx: Obj, items: unknown[]): number | undefined {
  if (typeof tx.value === 'number') return tx.value;
  const values = items.map((i) => (isObj(i) && typeof i.value === 'number' ? i.value : undefined));
  return values.length && values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0) : undefined;
}

export function parseJsonlBook(text: string, kindOfModel?: KindOfModel): BookEntry[] {
  const out: BookEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const row = i + 1;
    let tx: unknown;
    try {
      tx = JSON.parse(raw);
    } catch (e) {
      out.push({ line: lineOf(row, {}, [], 0), error: `not valid JSON (${(e as Error).message})` });
      return;
    }
    if (!isObj(tx)) {
      out.push({ line: lineOf(row, {}, [], 0), error: 'each line must be a JSON object (a transaction)' });
      return;
    }
    const items = Array.isArray(tx.items) ? tx.items : [];
    const value = transactionValue(tx, items);
    if (value === undefined) out.push({ line: lineOf(row, tx, items, 0, kindOfModel), error: VALUE_NEEDED });
    else out.push({ line: lineOf(row, tx, items, value, kindOfModel), transaction: tx });
  });
  return out;
}

export function parseBook(text: string, format: BookFormat, kindOfModel?: KindOfModel): BookEntry[] {
  // A byte-order mark (Excel and Windows editors write one) is not part of line 1.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const entries = format === 'jsonl' ? parseJsonlBook(text, kindOfModel) : parseCsvBook(text, kindOfModel);
  if (!entries.length) throw new InputError([{ path: 'book', message: 'the book has no lines' }]);
  return entries;
}
