import type { Kysely } from 'kysely';
import { canonicalJson, sha256Hex } from './canonical.js';
import { nowIso, parseJson, writeTx, type StoreContext } from './context.js';
import type { AuditLogTable, Database } from './schema.js';
import type { AuditInput, AuditKind, AuditQuery, AuditRecord, AuditVerification } from './types.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The content a record's hash covers: everything but its seq and the hashes.
 * Order in the chain is carried by prev_hash, so a record moved to another
 * seq (or a renumbered gap) breaks the link rather than its own hash.
 */
function hashedContent(r: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>): string {
  return canonicalJson({
    at: r.at,
    kind: r.kind,
    keyId: r.keyId,
    ref: r.ref,
    input: r.input,
    output: r.output,
    ruleset: r.ruleset,
    lists: r.lists,
    meta: r.meta,
  });
}

export function chainHash(prevHash: string, content: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>): string {
  return sha256Hex(prevHash + hashedContent(content));
}

export function rowToAudit(row: AuditLogTable): AuditRecord {
  return {
    seq: Number(row.seq),
    at: row.at,
    kind: row.kind as AuditKind,
    keyId: row.key_id,
    ref: row.ref,
    input: JSON.parse(row.input_json),
    output: JSON.parse(row.output_json),
    ruleset: parseJson(row.ruleset_json),
    lists: parseJson(row.lists_json),
    meta: parseJson(row.meta_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Appends one record. Must run inside `writeTx`: the caller's transaction holds the lock. */
export async function appendAuditIn(trx: Kysely<Database>, ctx: StoreContext, input: AuditInput): Promise<AuditRecord> {
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (ctx.engine === 'postgres') q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  const content = {
    at: nowIso(),
    kind: input.kind,
    keyId: input.keyId ?? null,
    ref: input.ref ?? null,
    // Round-trip through canonical JSON so the record returned is what a later read gives back.
    input: JSON.parse(canonicalJson(input.input)) as unknown,
    output: JSON.parse(canonicalJson(input.output)) as unknown,
    ruleset: input.ruleset ?? null,
    lists: input.lists ?? null,
    meta: input.meta ?? null,
  };
  const seq = Number(head.seq) + 1;
  const hash = chainHash(head.hash, content);
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: content.at,
      kind: content.kind,
      key_id: content.keyId,
      ref: content.ref,
      input_json: canonicalJson(content.input),
      output_json: canonicalJson(content.output),
      ruleset_json: content.ruleset ? canonicalJson(content.ruleset) : null,
      lists_json: content.lists ? canonicalJson(content.lists) : null,
      meta_json: content.meta ? canonicalJson(content.meta) : null,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { ...content, seq, prevHash: head.hash, hash };
}

export function appendAudit(ctx: StoreContext, input: AuditInput): Promise<AuditRecord> {
  return writeTx(ctx, (trx) => appendAuditIn(trx, ctx, input));
}

export async function getAudit(ctx: StoreContext, seq: number): Promise<AuditRecord | undefined> {
  const row = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row ? rowToAudit(row) : undefined;
}

export async function listAudit(ctx: StoreContext, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const order = query.order ?? (query.afterSeq !== undefined ? 'asc' : 'desc');
  let q = ctx.db.selectFrom('audit_log').selectAll();
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.keyId) q = q.where('key_id', '=', query.keyId);
  if (query.afterSeq !== undefined) q = q.where('seq', '>', query.afterSeq);
  if (query.beforeSeq !== undefined) q = q.where('seq', '<', query.beforeSeq);
  const rows = await q.orderBy('seq', order).limit(Math.min(Math.max(query.limit ?? 50, 1), 1000)).execute();
  return rows.map(rowToAudit);
}

const PAGE = 1000;

/**
 * Walks the chain in seq order, a page at a time, and names the first record
 * that is wrong: its content does not hash to its stored hash (changed), a
 * seq is missing (removed), it does not link to the record before it
 * (reordered when the record it links to comes later, else removed), or the
 * log ends before the head the store last wrote (truncated).
 */
export async function verifyAudit(ctx: StoreContext): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let records = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq', 'asc').limit(PAGE).execute();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const seq = Number(row.seq);
      const bad = (problem: NonNullable<AuditVerification['firstBad']>['problem'], at: number, detail: string): AuditVerification => ({
        ok: false,
        records,
        head: prev,
        firstBad: { seq: at, problem, detail },
      });
      if (seq !== expected) {
        return bad('removed', expected, `record ${expected} is missing: record ${seq} follows record ${expected - 1}`);
      }
      let record: AuditRecord;
      try {
        record = rowToAudit(row);
      } catch {
        return bad('changed', seq, `record ${seq} no longer holds valid JSON`);
      }
      if (chainHash(record.prevHash, record) !== record.hash) {
        return bad('changed', seq, `record ${seq} (${record.kind}, ${record.at}) was changed: its content no longer matches its hash`);
      }
      if (record.prevHash !== prev) {
        const later = rows.slice(i + 1).find((r) => r.hash === record.prevHash);
        return later
          ? bad('reordered', seq, `record ${seq} is out of order: it follows the record now at seq ${Number(later.seq)}, not record ${seq - 1}`)
          : bad('removed', seq, `record ${seq} does not follow record ${seq - 1}: a record between them was removed or replaced`);
      }
      prev = record.hash;
      records++;
      expected++;
    }
    if (rows.length < PAGE) break;
  }
  const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && Number(head.seq) > records) {
    return { ok: false, records, head: prev, firstBad: { seq: records + 1, problem: 'truncated', detail: `records ${records + 1} to ${Number(head.seq)} are missing from the end of the log` } };
  }
  if (head && Number(head.seq) === records && head.hash !== prev) {
    return { ok: false, records, head: prev, firstBad: { seq: records, problem: 'changed', detail: `record ${records} does not match the chain head the store recorded` } };
  }
  return { ok: true, records, head: records ? prev : null };
}
