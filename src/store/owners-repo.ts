import { sql } from 'kysely';
import { ownershipKey, type OwnershipEdge } from '../domain/index.js';
import { registerFromEdges, type RegisterIndex } from '../ownership/index.js';
import { appendAuditIn } from './audit.js';
import { nowIso, num, writeTx, type StoreContext } from './context.js';
import type { OwnerEdgesTable, OwnerImportsTable } from './schema.js';
import type { NewOwnersImport, OwnersImport, Store } from './types.js';

// Rows go in as one JSON parameter per chunk, unpacked by the database (json_each /
// json_array_elements): one short statement instead of 9 bound parameters per row, which is
// what keeps a 100,000-edge import within seconds on both engines.
const CHUNK = 10_000;

function insertChunk(engine: StoreContext['engine'], json: string) {
  if (engine === 'sqlite') {
    return sql`insert into owner_edges (import_id, line, entity, entity_key, owner, owner_key, share, as_of, source)
      select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
             json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]')
      from json_each(${json})`;
  }
  return sql`insert into owner_edges (import_id, line, entity, entity_key, owner, owner_key, share, as_of, source)
    select (e->>0)::integer, (e->>1)::integer, e->>2, e->>3, e->>4, e->>5, (e->>6)::real, e->>7, e->>8
    from json_array_elements(${json}::json) as e`;
}

/** Stores a validated import as one new version in one transaction, with its audit record. */
export async function importOwners(ctx: StoreContext, input: NewOwnersImport): Promise<OwnersImport> {
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = ownershipKey(name)));
    return k;
  };
  return writeTx(ctx, async (trx) => {
    const row = await trx
      .insertInto('owner_imports')
      .values({ imported_at: nowIso(), source: input.source ?? null, rows: input.edges.length, hash: input.hash, key_id: input.keyId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const stored = toImport(row);
    for (let i = 0; i < input.edges.length; i += CHUNK) {
      const values = input.edges
        .slice(i, i + CHUNK)
        .map((e, j) => [stored.id, e.line ?? i + j + 1, e.entity, keyOf(e.entity), e.owner, keyOf(e.owner), e.share ?? null, e.asOf, e.source ?? null]);
      await insertChunk(ctx.engine, JSON.stringify(values)).execute(trx);
    }
    await appendAuditIn(trx, ctx, {
      kind: 'owners_import',
      input: { source: input.source ?? null, hash: input.hash, rows: input.edges.length },
      output: { import: stored.id, rows: input.edges.length },
      keyId: input.keyId,
      ref: String(stored.id),
    });
    return stored;
  });
}

function toImport(r: { id: number | string; imported_at: string; source: string | null; rows: number | string; hash: string; key_id: string | null }): OwnersImport {
  return { id: num(r.id), importedAt: r.imported_at, source: r.source, rows: num(r.rows), hash: r.hash, keyId: r.key_id };
}

function toEdge(r: Omit<OwnerEdgesTable, 'entity_key' | 'owner_key'>): OwnershipEdge {
  return {
    entity: r.entity,
    owner: r.owner,
    share: r.share === null ? undefined : Number(r.share),
    asOf: r.as_of,
    source: r.source ?? undefined,
    importId: num(r.import_id),
    line: num(r.line),
  };
}

const EDGE_COLUMNS = ['import_id', 'line', 'entity', 'owner', 'share', 'as_of', 'source'] as const;

export async function ownerEdges(ctx: StoreContext): Promise<OwnershipEdge[]> {
  const rows = await ctx.db.selectFrom('owner_edges').select(EDGE_COLUMNS).orderBy('import_id').orderBy('line').execute();
  return rows.map(toEdge);
}

export async function ownerEdgesFor(ctx: StoreContext, key: string): Promise<{ asEntity: OwnershipEdge[]; asOwner: OwnershipEdge[] }> {
  const q = (col: 'entity_key' | 'owner_key') => ctx.db.selectFrom('owner_edges').select(EDGE_COLUMNS).where(col, '=', key).orderBy('import_id').orderBy('line').execute();
  const [asEntity, asOwner] = await Promise.all([q('entity_key'), q('owner_key')]);
  return { asEntity: asEntity.map(toEdge), asOwner: asOwner.map(toEdge) };
}

export async function latestOwnersImport(ctx: StoreContext): Promise<number> {
  const r = await ctx.db.selectFrom('owner_imports').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return num(r?.id ?? 0);
}

export async function listOwnersImports(ctx: StoreContext): Promise<OwnersImport[]> {
  const rows: OwnerImportsTable[] = (await ctx.db.selectFrom('owner_imports').selectAll().orderBy('id').execute()) as never;
  return rows.map((r) => toImport(r as never));
}

/** The register in memory, as determinations read it (a snapshot of every import so far). */
export async function loadOwnershipRegister(store: Store): Promise<RegisterIndex> {
  const [version, edges] = await Promise.all([store.latestOwnersImport(), store.ownerEdges()]);
  return registerFromEdges(edges, version);
}

/**
 * For a long-running server: keeps the snapshot and reloads it when another import landed (one
 * cheap query per use), so every API process sees the same register.
 */
export function ownershipRegisterCache(store: Store): () => Promise<RegisterIndex | undefined> {
  let current: RegisterIndex | undefined;
  let loading: Promise<RegisterIndex> | undefined;
  return async () => {
    const latest = await store.latestOwnersImport();
    if (latest === 0) return undefined;
    if (current && current.version === latest) return current;
    loading ??= loadOwnershipRegister(store).finally(() => (loading = undefined));
    current = await loading;
    return current;
  };
}
