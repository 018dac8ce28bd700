import { ownershipKey, type OwnershipEdge } from '../domain/index.js';
import { registerFromEdges, type RegisterIndex } from '../ownership/index.js';
import { appendAuditIn } from './audit.js';
import { nowIso, num, writeTx, type StoreContext } from './context.js';
import type { OwnerEdgesTable, OwnerImportsTable } from './schema.js';
import type { NewOwnersImport, OwnersImport, Store } from './types.js';

// 9 columns per row: 1000 rows stay far below SQLite's and PostgreSQL's parameter limits.
const CHUNK = 1000;

/** Stores a validated import as one new version in one transaction, with its audit record. */
export async function importOwners(ctx: StoreContext, input: NewOwnersImport): Promise<OwnersImport> {
  return writeTx(ctx, async (trx) => {
    const row = await trx
      .insertInto('owner_imports')
      .values({ imported_at: nowIso(), source: input.source ?? null, rows: input.edges.length, hash: input.hash, key_id: input.keyId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const stored = toImport(row);
    for (let i = 0; i < input.edges.length; i += CHUNK) {
      const values = input.edges.slice(i, i + CHUNK).map((e, j) => ({
        import_id: stored.id,
        line: e.line ?? i + j + 1,
        entity: e.entity,
        entity_key: ownershipKey(e.entity),
        owner: e.owner,
        owner_key: ownershipKey(e.owner),
        share: e.share ?? null,
        as_of: e.asOf,
        source: e.source ?? null,
      }));
      await trx.insertInto('owner_edges').values(values).execute();
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
