import { parse } from 'csv-parse/sync';
import { InputError, isIsoDate } from '../domain/index.js';
import type { BookLine } from './types.js';

/**
 * Reading an order book for exposure analysis: CSV (one item per row, the columns below) or
 * JSON Lines (one contract.md transaction per line). Text in, lines out: no file access here,
 * so the CLI and the HTTP API read the same way. docs/exposure.md documents the columns.
 */
export const BOOK_COLUMNS = [
  'id',
  'date',
  'from',
  'to',
  'model',
  'quantity',
  'value',
  'currency',
  'end_user_name',
  'end_user_country',
  'end_user_headquarters',
  'end_user_ultimate_parent',
  'end_user_type',
  'end_use',
  // An item that is not in the chip catalogue: a kind with its words, or a whole JSON item.
  'kind',
  'category',
  'substance',
  'form',
  'item',
] as const;

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

/** A catalogue reference is a chip: the bundled catalogue holds integrated circuits only. */
export function itemKind(item: unknown): string {
  if (!isObj(item)) return 'unknown';
  return str(item.kind) ?? (str(item.model) ? 'ic' : 'unknown');
}

function number(v: string | undefined, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${field}: "${v}" is not a number`);
  return n;
}

function lineOf(row: number, tx: Obj, items: unknown[], value: number): BookLine {
  const labels = [...new Set(items.map(itemLabel))];
  const kinds = [...new Set(items.map(itemKind))];
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

function csvItem(r: Record<string, string>): unknown {
  if (r.item) {
    try {
      return JSON.parse(r.item);
    } catch (e) {
      throw new Error(`item: not valid JSON (${(e as Error).message})`);
    }
  }
  const quantity = number(r.quantity, 'quantity');
  const extra = quantity !== undefined ? { quantity } : {};
  if (!r.kind) return r.model ? { model: r.model, ...extra } : {};
  const item: Obj = { kind: r.kind, ...extra };
  if (r.model) item.model = r.model;
  if (r.category) item.category = r.category;
  if (r.substance) item.substance = r.substance;
  if (r.form) item.form = r.form;
  return item;
}

/** A CSV row as a contract.md transaction with one item and (when named) one end user. */
export function csvRowTransaction(r: Record<string, string>): Obj {
  const tx: Obj = { to: r.to };
  if (r.id) tx.id = r.id;
  if (r.date) tx.date = r.date;
  if (r.from) tx.from = r.from;
  tx.items = [csvItem(r)];
  if (r.end_user_name) {
    const party: Obj = { role: 'end_user', name: r.end_user_name };
    if (r.end_user_country) party.country = r.end_user_country;
    if (r.end_user_headquarters) party.headquarters = r.end_user_headquarters;
    if (r.end_user_ultimate_parent) party.ultimateParent = r.end_user_ultimate_parent;
    if (r.end_user_type) party.type = r.end_user_type;
    tx.parties = [party];
  }
  if (r.end_use) tx.endUse = r.end_use.split(/[;|\s]+/).filter(Boolean);
  const value = number(r.value, 'value');
  if (value !== undefined) tx.value = value;
  if (r.currency) tx.currency = r.currency;
  return tx;
}

const VALUE_NEEDED = 'value: exposure needs each line\'s value (a number in the book\'s currency)';

export function parseCsvBook(text: string): BookEntry[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new InputError([{ path: 'book', message: `not readable as CSV (${(e as Error).message})` }]);
  }
  const header = rows.shift();
  if (!header) throw new InputError([{ path: 'book', message: 'the file is empty: it needs a header row naming the columns' }]);
  const unknown = header.filter((h) => !(BOOK_COLUMNS as readonly string[]).includes(h));
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
      if (typeof tx.value !== 'number') return { line: lineOf(row, tx, items, 0), error: VALUE_NEEDED };
      return { line: lineOf(row, tx, items, tx.value), transaction: tx };
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

export function parseJsonlBook(text: string): BookEntry[] {
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
    if (value === undefined) out.push({ line: lineOf(row, tx, items, 0), error: VALUE_NEEDED });
    else out.push({ line: lineOf(row, tx, items, value), transaction: tx });
  });
  return out;
}

export function parseBook(text: string, format: BookFormat): BookEntry[] {
  const entries = format === 'jsonl' ? parseJsonlBook(text) : parseCsvBook(text);
  if (!entries.length) throw new InputError([{ path: 'book', message: 'the book has no lines' }]);
  return entries;
}
