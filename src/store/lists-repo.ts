import type { Kysely } from 'kysely';
import type { ListEntry } from '../domain/index.js';
import { listContentHash } from '../bundle/lists.js';
import { appendAuditIn } from './audit.js';
import { entryContentHash } from './canonical.js';
import { nowIso, num, writeTx, type StoreContext } from './context.js';
import type { Database, ListVersionsTable } from './schema.js';
import type { ListSourceState, NewListVersion, SourceDateKind, StoredEntry, StoredListVersion } from './types.js';

type VersionRow = { [K in keyof ListVersionsTable]: K extends 'id' ? number : ListVersionsTable[K] };

function toVersion(r: VersionRow): StoredListVersion {
  return {
    id: num(r.id),
    list: r.list,
    version: num(r.version),
    title: r.title,
    sourceDate: r.source_date,
    hash: r.hash,
    entries: num(r.entries),
    bundledSnapshot: r.bundled === 1,
    loadedAt: r.loaded_at,
    source: r.source,
    format: r.format,
    keyId: r.key_id,
    sourceDateKind: (r.source_date_kind as SourceDateKind | null) ?? null,
    ...(r.current_as_of ? { currentAsOf: r.current_as_of } : {}),
  };
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;

async function insertEntries(trx: Kysely<Database>, versionId: number, entries: readonly ListEntry[]): Promise<void> {
  const rows = entries.map((entry, pos) => ({
    // Stored as the loader built it (not canonical) so the list content hash recomputes the same after a read.
    json: JSON.stringify(entry),
    hash: entryContentHash(entry),
    entry,
    pos,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await trx
      .insertInto('entry_contents')
      .values(chunk.map((r) => ({ hash: r.hash, list: r.entry.list, entry_id: r.entry.id, entry_json: r.json })))
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    await trx
      .insertInto('list_version_entries')
      .values(chunk.map((r) => ({ version_id: versionId, entry_id: r.entry.id, entry_hash: r.hash, pos: r.pos })))
      .execute();
  }
}

export async function addListVersion(ctx: StoreContext, v: NewListVersion, audit: { input?: unknown; output?: unknown } = {}): Promise<StoredListVersion> {
  const ids = new Set<string>();
  for (const e of v.entries) {
    if (e.list !== v.list) throw new Error(`entry ${e.id} belongs to ${e.list}, not ${v.list}`);
    if (ids.has(e.id)) throw new Error(`${v.list}: entry id ${e.id} appears twice`);
    ids.add(e.id);
  }
  const hash = listContentHash(v.entries);
  return writeTx(ctx, async (trx) => {
    const last = await trx.selectFrom('list_versions').select((eb) => eb.fn.max('version').as('v')).where('list', '=', v.list).executeTakeFirst();
    const version = num(last?.v ?? 0) + 1;
    const inserted = await trx
      .insertInto('list_versions')
      .values({
        list: v.list,
        version,
        title: v.title,
        source_date: v.sourceDate,
        hash,
        entries: v.entries.length,
        bundled: v.bundledSnapshot ? 1 : 0,
        loaded_at: nowIso(),
        source: v.source ?? null,
        format: v.format ?? null,
        key_id: v.keyId ?? null,
        source_date_kind: v.sourceDateKind ?? null,
        current_as_of: v.currentAsOf ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const stored = toVersion(inserted);
    await insertEntries(trx, stored.id, v.entries);
    await appendAuditIn(trx, ctx, {
      kind: 'list_load',
      input: {
        list: v.list,
        sourceDate: v.sourceDate,
        ...(v.sourceDateKind ? { sourceDateKind: v.sourceDateKind } : {}),
        source: v.source ?? null,
        format: v.format ?? null,
        bundledSnapshot: !!v.bundledSnapshot,
        ...(audit.input as object | undefined),
      },
      output: audit.output ?? { version, entries: v.entries.length, hash },
      lists: { [v.list]: { sourceDate: v.sourceDate, hash } },
      keyId: v.keyId,
      ref: String(stored.id),
    });
    return stored;
  });
}

export async function listVersions(ctx: StoreContext, list?: string): Promise<StoredListVersion[]> {
  let q = ctx.db.selectFrom('list_versions').selectAll();
  if (list) q = q.where('list', '=', list);
  const rows = await q.orderBy('list').orderBy('version').execute();
  return rows.map(toVersion);
}

export async function latestListVersions(ctx: StoreContext): Promise<StoredListVersion[]> {
  const rows = await ctx.db
    .selectFrom('list_versions as v')
    .selectAll('v')
    .where(({ eb, selectFrom }) =>
      eb('v.version', '=', selectFrom('list_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.list', '=', 'v.list')),
    )
    .orderBy('v.list')
    .execute();
  return rows.map(toVersion);
}

export async function getListVersion(ctx: StoreContext, id: number): Promise<StoredListVersion | undefined> {
  const row = await ctx.db.selectFrom('list_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function findListVersion(ctx: StoreContext, list: string, hash: string): Promise<StoredListVersion | undefined> {
  const row = await ctx.db.selectFrom('list_versions').selectAll().where('list', '=', list).where('hash', '=', hash).orderBy('version', 'desc').executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Entries of the versions in the order given, each version's entries in file order. */
export async function listEntries(ctx: StoreContext, versionIds: readonly number[]): Promise<StoredEntry[]> {
  const out: StoredEntry[] = [];
  for (const id of versionIds) {
    const rows = await ctx.db
      .selectFrom('list_version_entries as e')
      .innerJoin('entry_contents as c', 'c.hash', 'e.entry_hash')
      .select(['c.entry_json', 'e.entry_hash'])
      .where('e.version_id', '=', id)
      .orderBy('e.pos')
      .execute();
    for (const r of rows) out.push({ entry: JSON.parse(r.entry_json) as ListEntry, hash: r.entry_hash });
  }
  return out;
}

export async function currentEntry(ctx: StoreContext, list: string, entryId: string): Promise<StoredEntry | undefined> {
  const latest = await ctx.db.selectFrom('list_versions').select('id').where('list', '=', list).orderBy('version', 'desc').executeTakeFirst();
  if (!latest) return undefined;
  const row = await ctx.db
    .selectFrom('list_version_entries as e')
    .innerJoin('entry_contents as c', 'c.hash', 'e.entry_hash')
    .select(['c.entry_json', 'e.entry_hash'])
    .where('e.version_id', '=', num(latest.id))
    .where('e.entry_id', '=', entryId)
    .executeTakeFirst();
  return row ? { entry: JSON.parse(row.entry_json) as ListEntry, hash: row.entry_hash } : undefined;
}

export async function listSourceStates(ctx: StoreContext): Promise<ListSourceState[]> {
  const rows = await ctx.db.selectFrom('list_sources').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    format: r.format,
    etag: r.etag,
    lastModified: r.last_modified,
    contentHash: r.content_hash,
    lists: JSON.parse(r.lists_json) as string[],
    lastStatus: r.last_status as ListSourceState['lastStatus'],
    lastCheckedAt: r.last_checked_at,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    lastError: r.last_error,
  }));
}

export async function putListSourceState(ctx: StoreContext, s: ListSourceState): Promise<void> {
  const row = {
    url: s.url,
    format: s.format,
    etag: s.etag,
    last_modified: s.lastModified,
    content_hash: s.contentHash,
    lists_json: JSON.stringify(s.lists),
    last_status: s.lastStatus,
    last_checked_at: s.lastCheckedAt,
    last_success_at: s.lastSuccessAt,
    last_failure_at: s.lastFailureAt,
    last_error: s.lastError,
  };
  await ctx.db
    .insertInto('list_sources')
    .values({ id: s.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function confirmListVersions(ctx: StoreContext, versionIds: readonly number[], day: string): Promise<void> {
  if (!versionIds.length) return;
  await ctx.db
    .updateTable('list_versions')
    .set({ current_as_of: day })
    .where('id', 'in', [...versionIds])
    .where((eb) => eb.or([eb('current_as_of', 'is', null), eb('current_as_of', '<', day)]))
    .execute();
}
