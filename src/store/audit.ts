import type { Kysely } from 'kysely';
import { anchorProblem, signAnchor, type AuditAnchor } from './audit-anchor.js';
import { hmacHex, sameHex, type AuditKey } from './audit-key.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { nowIso, parseJson, slices, writeTx, type StoreContext } from './context.js';
import type { AuditLogTable, Database } from './schema.js';
import type { AuditInput, AuditKind, AuditQuery, AuditRecord, AuditVerification, AuditVerifyOptions } from './types.js';

export const GENESIS_HASH = '0'.repeat(64);

/** An anchor was asked of a chain that does not verify: anchoring it would vouch for the damage. */
export class AuditBrokenError extends Error {
  override name = 'AuditBrokenError';
  constructor(readonly verification: AuditVerification) {
    super(`the audit log does not verify (record ${verification.firstBad?.seq}: ${verification.firstBad?.detail}); it cannot be anchored`);
  }
}

/**
 * The content a record's hash covers: everything but its seq and the hashes.
 * Order in the chain is carried by prev_hash, so a record moved to another
 * seq (or a renumbered gap) breaks the link rather than its own hash.
 */
function hashedContent(r: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'macKeyId'>): string {
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

type Content = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'macKeyId'>;

/** The hash of a record from before audit keys: plain SHA-256, which anyone can compute. */
export function chainHash(prevHash: string, content: Content): string {
  return sha256Hex(prevHash + hashedContent(content));
}

/** The hash of a sealed record: HMAC-SHA256 under the audit key, which the database does not hold. */
export function keyedChainHash(key: AuditKey, prevHash: string, content: Content): string {
  return hmacHex(key, prevHash, hashedContent(content));
}

/** The canonical texts of a record's JSON members, each made once when a record is appended. */
export interface ContentTexts {
  input: string;
  output: string;
  ruleset: string;
  lists: string;
  meta: string;
}

/**
 * `hashedContent` of a record whose JSON members are already canonical text: the same string,
 * written around the texts instead of serialising the (large) input and output again. Members in
 * canonical key order: at, input, keyId, kind, lists, meta, output, ref, ruleset.
 */
export function hashedContentOfTexts(c: Pick<Content, 'at' | 'kind' | 'keyId' | 'ref'>, t: ContentTexts): string {
  return `{"at":${JSON.stringify(c.at)},"input":${t.input},"keyId":${c.keyId === null ? 'null' : JSON.stringify(c.keyId)},"kind":${JSON.stringify(c.kind)},"lists":${t.lists},"meta":${t.meta},"output":${t.output},"ref":${c.ref === null ? 'null' : JSON.stringify(c.ref)},"ruleset":${t.ruleset}}`;
}

/** The chain head's seal: ties the last seq to its hash, so a rewound head shows. */
export function headSeal(key: AuditKey, seq: number, hash: string): string {
  return hmacHex(key, 'redline audit head\0', String(seq), '\0', hash);
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
    macKeyId: row.mac_key ?? null,
  };
}

/** Appends one record. Must run inside `writeTx`: the caller's transaction holds the lock. */
export async function appendAuditIn(trx: Kysely<Database>, ctx: StoreContext, input: AuditInput): Promise<AuditRecord> {
  return (await appendAuditsIn(trx, ctx, [input]))[0]!;
}

/** Records per INSERT: a determination's record carries a few kB of JSON. */
const AUDIT_ROWS_PER_STATEMENT = 100;

/**
 * Appends records in order, chained as one-by-one appends would chain them, with one read of the
 * head (locked on PostgreSQL), multi-row inserts and one head update: a batch chunk's thousand
 * records cost a few statements instead of three round trips each. Inside `writeTx`.
 */
export async function appendAuditsIn(trx: Kysely<Database>, ctx: StoreContext, inputs: readonly AuditInput[]): Promise<AuditRecord[]> {
  return (await appendAuditRowsIn(trx, ctx, inputs)).records;
}

/**
 * appendAuditsIn, also giving back the rows written (whose canonical input and output texts a
 * caller storing the same JSON again can reuse instead of serialising it once more).
 */
export async function appendAuditRowsIn(
  trx: Kysely<Database>,
  ctx: StoreContext,
  inputs: readonly AuditInput[],
): Promise<{ records: AuditRecord[]; rows: AuditLogTable[] }> {
  if (!inputs.length) return { records: [], rows: [] };
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (ctx.engine === 'postgres') q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  const key = ctx.auditKeys.current(true)!;
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const records: AuditRecord[] = [];
  const rows: AuditLogTable[] = [];
  for (const input of inputs) {
    // Each member serialised once: the row stores the text, the hash covers it, and the record
    // returned is its parse — what a later read gives back.
    const texts: ContentTexts = {
      input: canonicalJson(input.input),
      output: canonicalJson(input.output),
      ruleset: input.ruleset ? canonicalJson(input.ruleset) : 'null',
      lists: input.lists ? canonicalJson(input.lists) : 'null',
      meta: input.meta ? canonicalJson(input.meta) : 'null',
    };
    const content = {
      at: nowIso(),
      kind: input.kind,
      keyId: input.keyId ?? null,
      ref: input.ref ?? null,
      input: JSON.parse(texts.input) as unknown,
      output: JSON.parse(texts.output) as unknown,
      ruleset: input.ruleset ?? null,
      lists: input.lists ?? null,
      meta: input.meta ?? null,
    };
    seq += 1;
    const hash = hmacHex(key, prevHash, hashedContentOfTexts(content, texts));
    rows.push({
      seq,
      at: content.at,
      kind: content.kind,
      key_id: content.keyId,
      ref: content.ref,
      input_json: texts.input,
      output_json: texts.output,
      ruleset_json: input.ruleset ? texts.ruleset : null,
      lists_json: input.lists ? texts.lists : null,
      meta_json: input.meta ? texts.meta : null,
      prev_hash: prevHash,
      hash,
      mac_key: key.id,
    });
    records.push({ ...content, seq, prevHash, hash, macKeyId: key.id });
    prevHash = hash;
  }
  for (const part of slices(rows, AUDIT_ROWS_PER_STATEMENT)) await trx.insertInto('audit_log').values(part).execute();
  await trx.updateTable('audit_head').set({ seq, hash: prevHash, mac: headSeal(key, seq, prevHash), mac_key: key.id }).where('id', '=', 1).execute();
  return { records, rows };
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
 * that is wrong: its content does not match its hash or seal (changed, or
 * forged without the key), a seq is missing (removed), it does not link to the
 * record before it (reordered when the record it links to comes later, else
 * removed), a record without a seal follows sealed ones (forged: appended or
 * re-chained without the key), or the log does not end where the sealed head
 * says (truncated with the head rewound, or records appended past it). With an
 * anchor, the log must also still reach the anchored record, unchanged.
 */
export async function verifyAudit(ctx: StoreContext, options: AuditVerifyOptions = {}): Promise<AuditVerification> {
  const current = ctx.auditKeys.current(false);
  const anchor = options.anchor;
  let prev = GENESIS_HASH;
  let expected = 1;
  let records = 0;
  let keyed = 0;
  let unkeyed = 0;
  let anchorOk: boolean | undefined;
  const summary = () => ({
    keyed,
    unkeyed,
    keyId: current?.id ?? null,
    keySource: ctx.auditKeys.source,
    ...(anchor ? { anchor: { seq: anchor.seq, hash: anchor.hash, at: anchor.at, keyId: anchor.keyId, ok: anchorOk ?? false } } : {}),
  });
  const bad = (problem: NonNullable<AuditVerification['firstBad']>['problem'], at: number, detail: string): AuditVerification => ({
    ok: false,
    records,
    head: records ? prev : null,
    firstBad: { seq: at, problem, detail },
    ...summary(),
  });
  const keyFor = (id: string): AuditKey | undefined => ctx.auditKeys.byId(id);
  const noKey = (id: string) =>
    `it is sealed with audit key ${id}, which this process does not hold (${current ? `it holds ${current.id}` : 'it holds none'}, from ${ctx.auditKeys.source}; see REDLINE_AUDIT_KEY_FILE)`;

  if (anchor) {
    const problem = anchorProblem(anchor, keyFor(anchor.keyId) ?? current);
    if (problem) return bad('anchor', anchor.seq, problem);
    if (anchor.seq === 0) anchorOk = true;
  }
  for (;;) {
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq', 'asc').limit(PAGE).execute();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const seq = Number(row.seq);
      if (seq !== expected) {
        return bad('removed', expected, `record ${expected} is missing: record ${seq} follows record ${expected - 1}`);
      }
      let record: AuditRecord;
      try {
        record = rowToAudit(row);
      } catch {
        return bad('changed', seq, `record ${seq} no longer holds valid JSON`);
      }
      if (record.macKeyId === null) {
        if (keyed > 0) {
          return bad('forged', seq, `record ${seq} (${record.kind}, ${record.at}) has no seal although the records before it are sealed with the audit key: it was appended or re-chained by someone without the key`);
        }
        if (chainHash(record.prevHash, record) !== record.hash) {
          return bad('changed', seq, `record ${seq} (${record.kind}, ${record.at}) was changed: its content no longer matches its hash`);
        }
      } else {
        const key = keyFor(record.macKeyId);
        if (!key) return bad('unverifiable', seq, `record ${seq} cannot be checked: ${noKey(record.macKeyId)}`);
        if (!sameHex(keyedChainHash(key, record.prevHash, record), record.hash)) {
          return bad('changed', seq, `record ${seq} (${record.kind}, ${record.at}) does not match its seal: it was changed, or written by someone without the audit key`);
        }
      }
      if (record.prevHash !== prev) {
        const later = rows.slice(i + 1).find((r) => r.hash === record.prevHash);
        return later
          ? bad('reordered', seq, `record ${seq} is out of order: it follows the record now at seq ${Number(later.seq)}, not record ${seq - 1}`)
          : bad('removed', seq, `record ${seq} does not follow record ${seq - 1}: a record between them was removed or replaced`);
      }
      if (anchor && seq === anchor.seq) {
        if (record.hash !== anchor.hash) {
          return bad('changed', seq, `record ${seq} is not the record anchored on ${anchor.at}: the log was rewritten at or before record ${seq}`);
        }
        anchorOk = true;
      }
      prev = record.hash;
      records++;
      if (record.macKeyId === null) unkeyed++;
      else keyed++;
      expected++;
    }
    if (rows.length < PAGE) break;
  }
  if (anchor && records < anchor.seq) {
    return bad('truncated', records + 1, `the log ends at record ${records}, but the anchor of ${anchor.at} holds record ${anchor.seq}: records ${records + 1} to ${anchor.seq} were cut (and the head rewound)`);
  }
  const head = await ctx.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  if (head && headSeq > records) {
    return bad('truncated', records + 1, `records ${records + 1} to ${headSeq} are missing from the end of the log`);
  }
  if (head && headSeq < records) {
    return bad('forged', headSeq + 1, `records ${headSeq + 1} to ${records} lie past the chain head the store recorded (record ${headSeq}): they were appended outside the store`);
  }
  if (head && headSeq === records && head.hash !== (records ? prev : GENESIS_HASH)) {
    return bad('changed', records, `record ${records} does not match the chain head the store recorded`);
  }
  if (head && (keyed > 0 || head.mac_key)) {
    // The head must carry a seal that ties it to the last record: without the key, no one can rewind it.
    if (!head.mac || !head.mac_key) {
      return bad('truncated', records, `the chain head (record ${headSeq}) carries no seal although the log is sealed with the audit key: the head was rewritten, records after ${headSeq} may have been cut`);
    }
    const key = keyFor(head.mac_key);
    if (!key) return bad('unverifiable', records, `the chain head cannot be checked: ${noKey(head.mac_key)}`);
    if (!sameHex(headSeal(key, headSeq, head.hash), head.mac)) {
      return bad('truncated', records, `the chain head (record ${headSeq}) does not match its seal: it was rewound or rewritten by someone without the audit key, so records after ${headSeq} may have been cut`);
    }
  }
  return { ok: true, records, head: records ? prev : null, ...summary() };
}

/** Signs the head of a chain that verifies, for keeping outside the database. */
export async function anchorAudit(ctx: StoreContext, location: string): Promise<AuditAnchor> {
  const v = await verifyAudit(ctx);
  if (!v.ok) throw new AuditBrokenError(v);
  const key = ctx.auditKeys.current(true)!;
  return signAnchor(key, { seq: v.records, hash: v.head ?? GENESIS_HASH }, location);
}
