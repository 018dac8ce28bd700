import type { Kysely } from 'kysely';
import type { Determination, ListVersion, ScreeningResult } from '../domain/index.js';
import { appendAuditIn, appendAuditRowsIn } from './audit.js';
import { insertBatchRowsIn } from './batch-repo.js';
import { canonicalJson } from './canonical.js';
import { newId, nowIso, num, parseJson, slices, writeTx, type StoreContext } from './context.js';
import { counterpartyKey } from './counterparty-key.js';
import { upsertCounterpartiesIn, type CounterpartyWrite } from './counterparty-batch.js';
import type { CounterpartiesTable, Database, DeterminationsTable, ReviewsTable } from './schema.js';
import type {
  Counterparty,
  CounterpartyInput,
  CounterpartyRef,
  DeterminationOptionsRecord,
  BatchRow,
  DeterminationRecordInput,
  ReviewDecision,
  ReviewInput,
  ReviewRecord,
  ScreeningRecordInput,
  StoredDetermination,
  StoredScreening,
} from './types.js';

export { counterpartyKey } from './counterparty-key.js';

export function listsRecord(versions: readonly ListVersion[] | undefined): Record<string, { sourceDate: string; hash: string; currentAsOf?: string }> {
  const out: Record<string, { sourceDate: string; hash: string; currentAsOf?: string }> = {};
  // currentAsOf is recorded because freshness counts from it: replay needs it to judge staleness the same way.
  for (const v of versions ?? []) out[v.list] = { sourceDate: v.sourceDate, hash: v.hash, ...(v.currentAsOf ? { currentAsOf: v.currentAsOf } : {}) };
  return out;
}

function toCounterparty(r: CounterpartiesTable): Counterparty {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    country: r.country,
    address: r.address,
    aliases: JSON.parse(r.aliases_json) as string[],
    createdAt: r.created_at,
    lastScreenedAt: r.last_screened_at,
    lastScreening: parseJson<ScreeningResult>(r.last_screening_json),
  };
}

export async function upsertCounterpartyIn(trx: Kysely<Database>, c: CounterpartyInput, screening?: ScreeningResult): Promise<Counterparty> {
  const key = counterpartyKey(c);
  const at = nowIso();
  await trx
    .insertInto('counterparties')
    .values({
      id: newId('cp', 9),
      key,
      name: c.name,
      country: c.country?.toUpperCase() ?? null,
      address: c.address ?? null,
      aliases_json: JSON.stringify(c.aliases ?? []),
      created_at: at,
      last_screened_at: screening ? at : null,
      last_screening_json: screening ? JSON.stringify(screening) : null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const patch: Partial<CounterpartiesTable> = {};
  if (c.address) patch.address = c.address;
  if (c.aliases?.length) patch.aliases_json = JSON.stringify(c.aliases);
  if (screening) {
    patch.last_screened_at = at;
    patch.last_screening_json = JSON.stringify(screening);
  }
  if (Object.keys(patch).length) await trx.updateTable('counterparties').set(patch).where('key', '=', key).execute();
  const row = await trx.selectFrom('counterparties').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  return toCounterparty(row);
}

export function upsertCounterparty(ctx: StoreContext, c: CounterpartyInput): Promise<Counterparty> {
  return writeTx(ctx, (trx) => upsertCounterpartyIn(trx, c));
}

export async function getCounterparty(ctx: StoreContext, id: string): Promise<Counterparty | undefined> {
  const row = await ctx.db.selectFrom('counterparties').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCounterparty(row) : undefined;
}

export async function findCounterparty(ctx: StoreContext, ref: CounterpartyRef): Promise<Counterparty | undefined> {
  const row = await ctx.db.selectFrom('counterparties').selectAll().where('key', '=', counterpartyKey(ref)).executeTakeFirst();
  return row ? toCounterparty(row) : undefined;
}

export async function listCounterparties(ctx: StoreContext, options: { after?: string | undefined; limit?: number | undefined } = {}): Promise<Counterparty[]> {
  let q = ctx.db.selectFrom('counterparties').selectAll();
  if (options.after) q = q.where('id', '>', options.after);
  const rows = await q.orderBy('id').limit(Math.min(Math.max(options.limit ?? 500, 1), 10_000)).execute();
  return rows.map(toCounterparty);
}

/** The parties of a transaction as given (the input is unvalidated JSON, so read it defensively). */
function partiesOf(input: unknown): CounterpartyInput[] {
  const parties = (input as { parties?: unknown } | null)?.parties;
  if (!Array.isArray(parties)) return [];
  return parties.flatMap((p) => {
    const o = p as Record<string, unknown> | null;
    if (!o || typeof o.name !== 'string' || !o.name.trim()) return [];
    return [{
      name: o.name,
      country: typeof o.country === 'string' ? o.country : undefined,
      address: typeof o.address === 'string' ? o.address : undefined,
      aliases: Array.isArray(o.aliases) ? o.aliases.filter((a): a is string => typeof a === 'string') : undefined,
    }];
  });
}

export function recordDetermination(ctx: StoreContext, d: DeterminationRecordInput): Promise<StoredDetermination> {
  return writeTx(ctx, async (trx) => (await recordDeterminationsIn(trx, ctx, [d]))[0]!);
}

/** Many determinations in one transaction (batch runs): one lock, one commit. */
export function recordDeterminations(ctx: StoreContext, ds: readonly DeterminationRecordInput[]): Promise<StoredDetermination[]> {
  return writeTx(ctx, (trx) => recordDeterminationsIn(trx, ctx, ds));
}

/** Determination rows per INSERT: each carries its input and output JSON. */
const DETERMINATION_ROWS_PER_STATEMENT = 100;

/**
 * Many determinations in the caller's transaction, as recording them one by one in order would
 * leave the store — the same audit chain, rows and counterparties (with each one's last
 * screening) — in a few multi-row statements instead of some eight round trips per
 * determination: what a batch chunk of a thousand rows costs on PostgreSQL.
 */
async function recordDeterminationsIn(trx: Kysely<Database>, ctx: StoreContext, ds: readonly DeterminationRecordInput[]): Promise<StoredDetermination[]> {
  if (!ds.length) return [];
  const ids = ds.map(() => newId('det'));
  const lists = ds.map((d) => listsRecord(d.lists));
  const { records: audits, rows: auditRows } = await appendAuditRowsIn(
    trx,
    ctx,
    ds.map((d, k) => ({
      kind: 'determination' as const,
      input: d.input,
      output: d.output,
      ruleset: d.output.ruleset,
      lists: lists[k],
      keyId: d.keyId,
      meta: { options: d.options, ...(d.batch ? { batch: d.batch } : {}) },
      ref: ids[k],
    })),
  );
  const rows: DeterminationsTable[] = ds.map((d, k) => ({
    id: ids[k]!,
    audit_seq: audits[k]!.seq,
    created_at: audits[k]!.at,
    key_id: d.keyId ?? null,
    outcome: d.output.outcome,
    as_of: d.output.asOf,
    // The same canonical texts the audit record holds, serialised once.
    input_json: auditRows[k]!.input_json,
    output_json: auditRows[k]!.output_json,
    options_json: canonicalJson(d.options),
    lists_json: auditRows[k]!.lists_json ?? canonicalJson(lists[k]),
    batch_job_id: d.batch?.jobId ?? null,
    batch_row_no: d.batch?.rowNo ?? null,
  }));
  for (const part of slices(rows, DETERMINATION_ROWS_PER_STATEMENT)) await trx.insertInto('determinations').values(part).execute();
  const counterparties: CounterpartyWrite[] = [];
  for (const d of ds) {
    partiesOf(d.input).forEach((party, i) => {
      const screening = d.output.screening.find((s) => s.party === i);
      counterparties.push(screening ? { ...party, screening: { query: screening.query, hits: screening.hits } } : party);
    });
  }
  await upsertCounterpartiesIn(trx, counterparties);
  return ds.map((d, k) => ({
    id: ids[k]!,
    auditSeq: audits[k]!.seq,
    createdAt: audits[k]!.at,
    keyId: d.keyId ?? null,
    input: audits[k]!.input,
    output: audits[k]!.output as Determination,
    options: d.options,
    lists: lists[k]!,
  }));
}

/**
 * A batch chunk's rows and determinations together (Store.storeBatchChunk): the rows go in
 * first, and a determination is recorded only for a row this transaction stored. On
 * PostgreSQL a second transaction inserting the same (job, row) waits on the first and then
 * finds it stored, so two racing writers record each row once.
 */
export function storeBatchChunk(ctx: StoreContext, rows: readonly BatchRow[], ds: readonly DeterminationRecordInput[]): Promise<{ stored: number[] }> {
  return writeTx(ctx, async (trx) => {
    const stored = await insertBatchRowsIn(trx, rows);
    const fresh = new Set(stored);
    await recordDeterminationsIn(
      trx,
      ctx,
      ds.filter((d) => !d.batch || fresh.has(d.batch.rowNo)),
    );
    return { stored };
  });
}

function toDetermination(r: DeterminationsTable): StoredDetermination {
  return {
    id: r.id,
    auditSeq: num(r.audit_seq),
    createdAt: r.created_at,
    keyId: r.key_id,
    input: JSON.parse(r.input_json),
    output: JSON.parse(r.output_json) as Determination,
    options: JSON.parse(r.options_json) as DeterminationOptionsRecord,
    lists: JSON.parse(r.lists_json) as StoredDetermination['lists'],
  };
}

export async function getDetermination(ctx: StoreContext, id: string): Promise<StoredDetermination | undefined> {
  const row = await ctx.db.selectFrom('determinations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDetermination(row) : undefined;
}

export function recordScreening(ctx: StoreContext, s: ScreeningRecordInput): Promise<StoredScreening> {
  return writeTx(ctx, async (trx) => {
    const cp = await upsertCounterpartyIn(trx, { name: s.query, country: s.country, address: s.address }, s.result);
    const id = newId('scr');
    const audit = await appendAuditIn(trx, ctx, {
      kind: 'screening',
      input: { query: s.query, country: s.country ?? null, address: s.address ?? null, reason: s.reason ?? 'request' },
      output: s.result,
      lists: listsRecord(s.lists),
      keyId: s.keyId,
      meta:
        s.suppressed?.length || s.context
          ? {
              ...s.context,
              ...(s.suppressed?.length ? { suppressed: s.suppressed.map((x) => ({ list: x.hit.list, entryId: x.hit.entryId, score: x.hit.score, reviewId: x.reviewId })) } : {}),
            }
          : undefined,
      ref: id,
    });
    await trx
      .insertInto('screenings')
      .values({
        id,
        audit_seq: audit.seq,
        counterparty_id: cp.id,
        created_at: audit.at,
        key_id: s.keyId ?? null,
        query: s.query,
        reason: s.reason ?? 'request',
        result_json: canonicalJson(s.result),
      })
      .execute();
    return { id, auditSeq: audit.seq, counterpartyId: cp.id, createdAt: audit.at, query: s.query, result: s.result };
  });
}

function toReview(r: ReviewsTable): ReviewRecord {
  return {
    id: r.id,
    counterpartyId: r.counterparty_id,
    counterpartyKey: r.counterparty_key,
    list: r.list,
    entryId: r.entry_id,
    entryHash: r.entry_hash,
    decision: r.decision as ReviewDecision,
    reason: r.reason,
    keyId: r.key_id,
    createdAt: r.created_at,
    auditSeq: num(r.audit_seq),
    ...(r.expires_at ? { expiresAt: r.expires_at } : {}),
  };
}

export function recordReview(ctx: StoreContext, input: ReviewInput): Promise<ReviewRecord> {
  return writeTx(ctx, async (trx) => {
    const cp = await upsertCounterpartyIn(trx, input.counterparty);
    const id = newId('rev');
    const audit = await appendAuditIn(trx, ctx, {
      kind: 'review',
      input: { counterparty: { name: input.counterparty.name, country: input.counterparty.country ?? null }, list: input.list, entryId: input.entryId, entryHash: input.entryHash },
      output: { decision: input.decision, reason: input.reason, ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) },
      keyId: input.keyId,
      ref: id,
    });
    const row: ReviewsTable = {
      id,
      counterparty_id: cp.id,
      counterparty_key: cp.key,
      list: input.list,
      entry_id: input.entryId,
      entry_hash: input.entryHash,
      decision: input.decision,
      reason: input.reason,
      key_id: input.keyId ?? null,
      created_at: audit.at,
      audit_seq: audit.seq,
      ...(input.expiresAt ? { expires_at: input.expiresAt } : {}),
    };
    await trx.insertInto('reviews').values(row).execute();
    return toReview(row);
  });
}

/** The newest decision per (counterparty, list, entry): a later `confirmed` undoes an earlier `cleared`. */
export async function latestReviews(ctx: StoreContext, keys?: readonly string[]): Promise<ReviewRecord[]> {
  const rows: ReviewsTable[] = [];
  if (keys === undefined) rows.push(...(await ctx.db.selectFrom('reviews').selectAll().execute()));
  else {
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      if (chunk.length) rows.push(...(await ctx.db.selectFrom('reviews').selectAll().where('counterparty_key', 'in', chunk).execute()));
    }
  }
  const latest = new Map<string, ReviewsTable>();
  for (const r of rows) {
    const k = `${r.counterparty_key}\u0000${r.list}\u0000${r.entry_id}`;
    const seen = latest.get(k);
    if (!seen || num(r.audit_seq) > num(seen.audit_seq)) latest.set(k, r);
  }
  return [...latest.values()].sort((a, b) => num(a.audit_seq) - num(b.audit_seq)).map(toReview);
}

export async function getReviews(ctx: StoreContext, ids: readonly string[]): Promise<ReviewRecord[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.selectFrom('reviews').selectAll().where('id', 'in', [...ids]).orderBy('audit_seq').execute();
  return rows.map(toReview);
}
