import type { Kysely } from 'kysely';
import { simplify } from '../screening/index.js';
import { newId, nowIso, parseJson, type StoreContext } from './context.js';
import type { Database, SavedCounterpartiesTable } from './schema.js';

/**
 * Saved counterparties (issue 15): a party entered once — every name it is known by in any
 * script, its country, headquarters, ultimate parent, type and owners — so the facts whose
 * absence makes an answer `review` are not typed again, and a clearance follows the party under
 * each of its names.
 */
export interface SavedCounterpartyInput {
  id?: string | undefined;
  name: string;
  /** Other names: the Chinese legal name, a former name, a trading name … */
  names?: string[] | undefined;
  country?: string | undefined;
  headquarters?: string | undefined;
  ultimateParent?: string | undefined;
  type?: string | undefined;
  owners?: string[] | undefined;
}

export interface SavedCounterparty {
  id: string;
  name: string;
  /** All names, the main one first. */
  names: string[];
  country: string | null;
  headquarters: string | null;
  ultimateParent: string | null;
  type: string | null;
  owners: string[];
  createdAt: string;
  updatedAt: string;
}

/** How a name is recognised again: case, punctuation, spacing and Chinese script folded. */
export function nameKey(name: string): string {
  return simplify(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function toSaved(r: SavedCounterpartiesTable): SavedCounterparty {
  return {
    id: r.id,
    name: r.name,
    names: parseJson<string[]>(r.names_json) ?? [r.name],
    country: r.country,
    headquarters: r.headquarters,
    ultimateParent: r.ultimate_parent,
    type: r.type,
    owners: parseJson<string[]>(r.owners_json) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function upper(v: string | undefined): string | null {
  return v ? v.trim().toUpperCase() : null;
}

export async function saveCounterparty(ctx: StoreContext, input: SavedCounterpartyInput): Promise<SavedCounterparty> {
  const names = [input.name, ...(input.names ?? [])].map((n) => n.trim()).filter((n, i, a) => n && a.indexOf(n) === i);
  const existing = input.id
    ? await ctx.db.selectFrom('saved_counterparties').selectAll().where('id', '=', input.id).executeTakeFirst()
    : await findSavedRow(ctx.db, input.name);
  const at = nowIso();
  const row: SavedCounterpartiesTable = {
    id: existing?.id ?? input.id ?? newId('party', 9),
    name: names[0]!,
    names_json: JSON.stringify(names),
    country: upper(input.country),
    headquarters: upper(input.headquarters),
    ultimate_parent: upper(input.ultimateParent),
    type: input.type ?? null,
    owners_json: JSON.stringify(input.owners ?? []),
    created_at: existing?.created_at ?? at,
    updated_at: at,
  };
  if (existing) await ctx.db.updateTable('saved_counterparties').set(row).where('id', '=', row.id).execute();
  else await ctx.db.insertInto('saved_counterparties').values(row).execute();
  return toSaved(row);
}

export async function listSavedCounterparties(ctx: StoreContext): Promise<SavedCounterparty[]> {
  return (await ctx.db.selectFrom('saved_counterparties').selectAll().orderBy('name').limit(5000).execute()).map(toSaved);
}

export async function getSavedCounterparty(ctx: StoreContext, id: string): Promise<SavedCounterparty | undefined> {
  const r = await ctx.db.selectFrom('saved_counterparties').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSaved(r) : undefined;
}

// A deployment holds thousands of saved parties, not millions: matching names in memory is enough.
async function findSavedRow(db: Kysely<Database>, name: string): Promise<SavedCounterpartiesTable | undefined> {
  const key = nameKey(name);
  const rows = await db.selectFrom('saved_counterparties').selectAll().execute();
  return rows.find((r) => (parseJson<string[]>(r.names_json) ?? [r.name]).some((n) => nameKey(n) === key));
}

/** The saved counterparty known by this name (any of its names, either Chinese script). */
export async function findSavedByName(db: Kysely<Database>, name: string): Promise<SavedCounterparty | undefined> {
  const r = await findSavedRow(db, name);
  return r ? toSaved(r) : undefined;
}

export async function savedNames(db: Kysely<Database>, id: string): Promise<string[]> {
  const r = await db.selectFrom('saved_counterparties').select(['name', 'names_json']).where('id', '=', id).executeTakeFirst();
  return r ? (parseJson<string[]>(r.names_json) ?? [r.name]) : [];
}

/** Every name of every saved counterparty → its id (read once per batch of cases). */
export async function savedNameIndex(db: Kysely<Database>): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const r of await db.selectFrom('saved_counterparties').select(['id', 'name', 'names_json']).execute()) {
    for (const n of parseJson<string[]>(r.names_json) ?? [r.name]) if (!index.has(nameKey(n))) index.set(nameKey(n), r.id);
  }
  return index;
}
