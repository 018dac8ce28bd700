import type { Kysely } from 'kysely';
import { simplify, traditionalize } from '../screening/index.js';
import { appendAuditIn, appendAuditsIn } from './audit.js';
import { newId, nowIso, num, parseJson, slices, writeTx, type StoreContext } from './context.js';
import { recordReview } from './records.js';
import type { Database, ReviewCasesTable } from './schema.js';
import type { AuditInput } from './types.js';
import {
  findSavedByName,
  nameKey,
  savedNameIndex,
  getSavedCounterparty,
  listSavedCounterparties,
  saveCounterparty,
  savedNames,
  type SavedCounterparty,
  type SavedCounterpartyInput,
} from './saved-counterparties.js';

/**
 * The review queue (issue 15): every potential list match at or above the alert threshold and
 * every `review` answer opens a case, which a person assigns, comments on and closes as cleared
 * (not the listed party / facts resolved), confirmed (a true match) or escalated. Every step is
 * an event with its own audit record. Where the deployment asks for four eyes, clearing and
 * confirming take two different people: the first proposes, the second decides.
 *
 * Clearing a potential match writes a review decision (src/store/reviews.ts) for the
 * counterparty under every name it is known by — the saved counterparty's names in any script,
 * and the simplified and traditional forms of a Chinese name — so the hit is suppressed in later
 * checks, batches and re-screens under any of them, for as long as the listed entry is unchanged
 * and the clearance has not expired or been revoked.
 */

export const CASE_STATUSES = ['open', 'in_review', 'cleared', 'confirmed', 'escalated', 'revoked'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseKind = 'potential_match' | 'missing_facts';
export type CaseSource = 'check' | 'batch' | 'rescreen' | 'screen';
const OPEN_STATUSES: CaseStatus[] = ['open', 'in_review', 'escalated'];

export interface NewCase {
  kind: CaseKind;
  orderRef?: string | undefined;
  counterparty?: { name: string; country?: string | undefined } | undefined;
  /** The hit, for a potential match. */
  hit?: { list: string; listTitle?: string | undefined; entryId: string; name: string; entryHash: string; score: number; citation?: string | undefined } | undefined;
  /** What the answer was missing, for a `review` answer (paths and words). */
  missing?: { path: string; label: string }[] | undefined;
  outcome?: string | undefined;
  source: CaseSource;
  sourceRef?: string | undefined;
  actor?: string | undefined;
}

export interface CaseEvent {
  at: string;
  actor: string | null;
  action: string;
  text: string | null;
  auditSeq: number;
}

export interface ReviewCase {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  orderRef: string | null;
  counterparty: { name: string; country: string | null; savedId: string | null } | null;
  hit: NewCase['hit'] | null;
  missing: { path: string; label: string }[];
  outcome: string | null;
  source: CaseSource;
  sourceRef: string | null;
  owner: string | null;
  /** A decision waiting for its second person (four eyes). */
  pending: { decision: 'cleared' | 'confirmed'; by: string; reason: string; expiresAt?: string | undefined } | null;
  decidedBy: string | null;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  events?: CaseEvent[];
}

/** A step someone may not take (the same person twice under four eyes, a closed case ...): HTTP 409, CLI exit 2. */
export class CaseConflict extends Error {}

function dedupeKey(c: NewCase): string {
  const cp = c.counterparty ? `${c.counterparty.name.trim().toLowerCase()}|${(c.counterparty.country ?? '').toUpperCase()}` : '';
  if (c.kind === 'potential_match') return `m|${cp}|${c.hit?.list}|${c.hit?.entryId}`;
  return `f|${c.orderRef ?? ''}|${cp}|${(c.missing ?? []).map((m) => m.path).sort().join(',')}`;
}

function toCase(r: ReviewCasesTable): ReviewCase {
  const detail = parseJson<{ hit?: NewCase['hit']; missing?: NewCase['missing']; outcome?: string }>(r.detail_json) ?? {};
  return {
    id: r.id,
    kind: r.kind as CaseKind,
    status: r.status as CaseStatus,
    orderRef: r.order_ref,
    counterparty: r.counterparty_name ? { name: r.counterparty_name, country: r.counterparty_country, savedId: r.saved_counterparty_id } : null,
    hit: detail.hit ?? null,
    missing: detail.missing ?? [],
    outcome: detail.outcome ?? null,
    source: r.source as CaseSource,
    sourceRef: r.source_ref,
    owner: r.owner,
    pending: parseJson(r.pending_json),
    decidedBy: r.decided_by,
    reason: r.reason,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What an event writes to the audit log. */
function eventAudit(caseId: string, actor: string | undefined, action: string, text: string | undefined, extra: Record<string, unknown> = {}): AuditInput {
  return { kind: 'review_case', input: { case: caseId, action, actor: actor ?? null, ...extra }, output: { text: text ?? null }, ref: caseId };
}

async function addEvent(trx: Kysely<Database>, ctx: StoreContext, caseId: string, actor: string | undefined, action: string, text: string | undefined, extra: Record<string, unknown> = {}): Promise<void> {
  const audit = await appendAuditIn(trx, ctx, eventAudit(caseId, actor, action, text, extra));
  await trx.insertInto('review_case_events').values({ case_id: caseId, at: audit.at, actor: actor ?? null, action, text: text ?? null, audit_seq: audit.seq }).execute();
}

/** Opens a case, or returns the open case for the same counterparty and entry (or order and facts). */
export async function openCase(ctx: StoreContext, c: NewCase): Promise<{ case: ReviewCase; created: boolean }> {
  return (await openCases(ctx, [c]))[0]!;
}

/** Keys per lookup and rows per INSERT: far below either engine's parameter limit. */
const CASE_ROWS_PER_STATEMENT = 200;

/**
 * Opens many cases in one transaction (a batch chunk's worth), as opening them one by one in
 * order would — a case whose counterparty and entry (or order and facts) already has an open
 * case, or had one earlier in this call, reuses it — with one lookup of the open cases per 200
 * keys, multi-row inserts and one audit append for all their "opened" events, instead of some
 * six round trips per case.
 */
export async function openCases(ctx: StoreContext, cs: readonly NewCase[]): Promise<{ case: ReviewCase; created: boolean }[]> {
  if (!cs.length) return [];
  return writeTx(ctx, async (trx) => {
    const keys = cs.map(dedupeKey);
    const open = new Map<string, ReviewCasesTable>();
    const distinct = [...new Set(keys)];
    for (const part of slices(distinct, CASE_ROWS_PER_STATEMENT)) {
      const rows = await trx.selectFrom('review_cases').selectAll().where('dedupe_key', 'in', part).where('status', 'in', OPEN_STATUSES).execute();
      for (const r of rows) if (!open.has(r.dedupe_key)) open.set(r.dedupe_key, r);
    }
    const out: { case: ReviewCase; created: boolean }[] = [];
    const opened: { row: ReviewCasesTable; c: NewCase }[] = [];
    let savedIndex: Map<string, string> | undefined;
    for (const [k, c] of cs.entries()) {
      const key = keys[k]!;
      const existing = open.get(key);
      if (existing) {
        out.push({ case: toCase(existing), created: false });
        continue;
      }
      savedIndex ??= await savedNameIndex(trx);
      const row = caseRow(c, key, c.counterparty ? savedIndex.get(nameKey(c.counterparty.name)) : undefined);
      open.set(key, row);
      opened.push({ row, c });
      out.push({ case: toCase(row), created: true });
    }
    for (const part of slices(opened, CASE_ROWS_PER_STATEMENT)) await trx.insertInto('review_cases').values(part.map((o) => o.row)).execute();
    const events = opened.map(({ row, c }) => ({ row, c, text: openedText(c) }));
    const audits = await appendAuditsIn(
      trx,
      ctx,
      events.map((e) => eventAudit(e.row.id, e.c.actor, 'opened', e.text, { orderRef: e.row.order_ref })),
    );
    const eventRows = events.map((e, k) => ({ case_id: e.row.id, at: audits[k]!.at, actor: e.c.actor ?? null, action: 'opened', text: e.text, audit_seq: audits[k]!.seq }));
    for (const part of slices(eventRows, CASE_ROWS_PER_STATEMENT)) await trx.insertInto('review_case_events').values(part).execute();
    return out;
  });
}

function openedText(c: NewCase): string {
  const what =
    c.kind === 'potential_match'
      ? `potential match of "${c.counterparty?.name}" with "${c.hit?.name}" (${c.hit?.listTitle ?? c.hit?.list}, score ${c.hit?.score.toFixed(2)})`
      : `review answer: missing ${(c.missing ?? []).map((m) => m.label).join('; ')}`;
  return `${what}; from ${c.source}${c.sourceRef ? ` ${c.sourceRef}` : ''}`;
}

function caseRow(c: NewCase, key: string, savedId: string | undefined): ReviewCasesTable {
  const at = nowIso();
  return {
    id: newId('case', 9),
    kind: c.kind,
    status: 'open',
    dedupe_key: key,
    order_ref: c.orderRef ?? null,
    counterparty_name: c.counterparty?.name ?? null,
    counterparty_country: c.counterparty?.country?.toUpperCase() ?? null,
    saved_counterparty_id: savedId ?? null,
    list: c.hit?.list ?? null,
    entry_id: c.hit?.entryId ?? null,
    entry_name: c.hit?.name ?? null,
    entry_hash: c.hit?.entryHash ?? null,
    score: c.hit?.score ?? null,
    detail_json: JSON.stringify({ hit: c.hit, missing: c.missing, outcome: c.outcome }),
    source: c.source,
    source_ref: c.sourceRef ?? null,
    owner: null,
    pending_json: null,
    decided_by: null,
    reason: null,
    expires_at: null,
    review_ids_json: null,
    created_at: at,
    updated_at: at,
  };
}

export interface CaseQuery {
  status?: CaseStatus | undefined;
  owner?: string | undefined;
  kind?: CaseKind | undefined;
  limit?: number | undefined;
}

export async function listCases(ctx: StoreContext, q: CaseQuery = {}): Promise<ReviewCase[]> {
  let query = ctx.db.selectFrom('review_cases').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.owner) query = query.where('owner', '=', q.owner);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(Math.min(q.limit ?? 200, 1000)).execute();
  return rows.map(toCase);
}

export async function getCase(ctx: StoreContext, id: string): Promise<ReviewCase | undefined> {
  const row = await ctx.db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const events = await ctx.db.selectFrom('review_case_events').selectAll().where('case_id', '=', id).orderBy('id').execute();
  return { ...toCase(row), events: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, text: e.text, auditSeq: num(e.audit_seq) })) };
}

async function mustGet(trx: Kysely<Database>, id: string): Promise<ReviewCasesTable> {
  const row = await trx.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CaseConflict(`no review case "${id}" (see: redline reviews list)`);
  return row;
}

async function update(trx: Kysely<Database>, id: string, patch: Partial<ReviewCasesTable>): Promise<void> {
  await trx.updateTable('review_cases').set({ ...patch, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function assignCase(ctx: StoreContext, id: string, owner: string, actor: string): Promise<ReviewCase> {
  await writeTx(ctx, async (trx) => {
    const row = await mustGet(trx, id);
    await update(trx, id, { owner, ...(row.status === 'open' ? { status: 'in_review' } : {}) });
    await addEvent(trx, ctx, id, actor, 'assigned', `assigned to ${owner}`);
  });
  return (await getCase(ctx, id))!;
}

export async function commentCase(ctx: StoreContext, id: string, text: string, actor: string): Promise<ReviewCase> {
  await writeTx(ctx, async (trx) => {
    await mustGet(trx, id);
    await addEvent(trx, ctx, id, actor, 'comment', text);
  });
  return (await getCase(ctx, id))!;
}

/** Every name the case's counterparty is known by, in both Chinese scripts. */
async function knownNames(ctx: StoreContext, row: ReviewCasesTable): Promise<string[]> {
  const names = new Set<string>();
  if (row.counterparty_name) names.add(row.counterparty_name);
  if (row.saved_counterparty_id) for (const n of await savedNames(ctx.db, row.saved_counterparty_id)) names.add(n);
  else if (row.counterparty_name) {
    const saved = await findSavedByName(ctx.db, row.counterparty_name);
    if (saved) for (const n of saved.names) names.add(n);
  }
  for (const n of [...names]) {
    names.add(simplify(n));
    names.add(traditionalize(n));
  }
  return [...names];
}

/** Writes the review decision for every name of the counterparty; returns the review ids. */
async function recordForAllNames(ctx: StoreContext, row: ReviewCasesTable, decision: 'cleared' | 'confirmed' | 'revoked', reason: string, actor: string, expiresAt?: string): Promise<string[]> {
  if (row.kind !== 'potential_match' || !row.list || !row.entry_id || !row.entry_hash) return [];
  const ids: string[] = [];
  for (const name of await knownNames(ctx, row)) {
    const r = await recordReview(ctx, {
      counterparty: { name, country: row.counterparty_country ?? undefined },
      list: row.list,
      entryId: row.entry_id,
      entryHash: row.entry_hash,
      decision,
      reason: `${reason} (review case ${row.id}, by ${actor})`,
      ...(expiresAt ? { expiresAt } : {}),
    });
    ids.push(r.id);
  }
  return ids;
}

export interface DecideOptions {
  actor: string;
  reason: string;
  expiresAt?: string | undefined;
  /** Clearing and confirming need a second, different person. */
  fourEyes: boolean;
}

/** Clears, confirms or escalates a case; under four eyes the first clear/confirm is a proposal. */
export async function decideCase(ctx: StoreContext, id: string, decision: 'cleared' | 'confirmed' | 'escalated', o: DecideOptions): Promise<ReviewCase> {
  const row = await ctx.db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CaseConflict(`no review case "${id}" (see: redline reviews list)`);
  if (!OPEN_STATUSES.includes(row.status as CaseStatus)) throw new CaseConflict(`case ${id} is already ${row.status.replace('_', ' ')}`);
  if (!o.reason.trim()) throw new CaseConflict('a decision needs a reason');
  if (decision === 'escalated') {
    await writeTx(ctx, async (trx) => {
      await update(trx, id, { status: 'escalated', pending_json: null });
      await addEvent(trx, ctx, id, o.actor, 'escalated', o.reason);
    });
    return (await getCase(ctx, id))!;
  }
  const pending = parseJson<ReviewCase['pending']>(row.pending_json);
  if (o.fourEyes && !(pending && pending.decision === decision)) {
    const proposal = { decision, by: o.actor, reason: o.reason, ...(o.expiresAt ? { expiresAt: o.expiresAt } : {}) };
    await writeTx(ctx, async (trx) => {
      await update(trx, id, { status: 'in_review', pending_json: JSON.stringify(proposal) });
      await addEvent(trx, ctx, id, o.actor, `proposed ${decision}`, `${o.reason} — needs a second person to ${decision === 'cleared' ? 'clear' : 'confirm'}`);
    });
    return (await getCase(ctx, id))!;
  }
  if (o.fourEyes && pending && pending.by === o.actor) {
    throw new CaseConflict(`four eyes: ${o.actor} proposed this; a different person must ${decision === 'cleared' ? 'clear' : 'confirm'} it`);
  }
  const expiresAt = o.expiresAt ?? pending?.expiresAt;
  const reason = pending ? `${pending.reason}; approved by ${o.actor}: ${o.reason}` : o.reason;
  const reviewIds = await recordForAllNames(ctx, row, decision, reason, o.actor, expiresAt);
  await writeTx(ctx, async (trx) => {
    await update(trx, id, { status: decision, pending_json: null, decided_by: o.actor, reason, expires_at: expiresAt ?? null, review_ids_json: JSON.stringify(reviewIds) });
    await addEvent(trx, ctx, id, o.actor, decision, `${reason}${expiresAt ? ` (until ${expiresAt})` : ''}`, { reviews: reviewIds });
  });
  return (await getCase(ctx, id))!;
}

/** Undoes a clearance: the hit stands again under every name (a later decision wins). */
export async function revokeCase(ctx: StoreContext, id: string, actor: string, reason: string): Promise<ReviewCase> {
  const row = await ctx.db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CaseConflict(`no review case "${id}"`);
  if (row.status !== 'cleared') throw new CaseConflict(`only a cleared case can be revoked; ${id} is ${row.status.replace('_', ' ')}`);
  if (!reason.trim()) throw new CaseConflict('revoking needs a reason');
  const reviewIds = await recordForAllNames(ctx, row, 'revoked', reason, actor);
  await writeTx(ctx, async (trx) => {
    await update(trx, id, { status: 'revoked', review_ids_json: JSON.stringify(reviewIds) });
    await addEvent(trx, ctx, id, actor, 'revoked', reason, { reviews: reviewIds });
  });
  return (await getCase(ctx, id))!;
}

/** Gives a cleared case a (new) expiry: the clearance is written again with it. */
export async function setCaseExpiry(ctx: StoreContext, id: string, expiresAt: string, actor: string): Promise<ReviewCase> {
  const row = await ctx.db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'cleared') throw new CaseConflict(`only a cleared case has an expiry; ${id} is ${row?.status ?? 'unknown'}`);
  const reviewIds = await recordForAllNames(ctx, row, 'cleared', `${row.reason ?? ''}; expiry set to ${expiresAt}`, actor, expiresAt);
  await writeTx(ctx, async (trx) => {
    await update(trx, id, { expires_at: expiresAt, review_ids_json: JSON.stringify(reviewIds) });
    await addEvent(trx, ctx, id, actor, 'expiry', `clearance holds until ${expiresAt}`, { reviews: reviewIds });
  });
  return (await getCase(ctx, id))!;
}

/** The queue and the saved counterparties, bound to one store (Store.reviewQueue). */
export interface ReviewQueue {
  open(c: NewCase): Promise<{ case: ReviewCase; created: boolean }>;
  openMany(cs: readonly NewCase[]): Promise<{ case: ReviewCase; created: boolean }[]>;
  list(q?: CaseQuery): Promise<ReviewCase[]>;
  get(id: string): Promise<ReviewCase | undefined>;
  assign(id: string, owner: string, actor: string): Promise<ReviewCase>;
  comment(id: string, text: string, actor: string): Promise<ReviewCase>;
  decide(id: string, decision: 'cleared' | 'confirmed' | 'escalated', o: DecideOptions): Promise<ReviewCase>;
  revoke(id: string, actor: string, reason: string): Promise<ReviewCase>;
  setExpiry(id: string, expiresAt: string, actor: string): Promise<ReviewCase>;
  saveCounterparty(c: SavedCounterpartyInput): Promise<SavedCounterparty>;
  listCounterparties(): Promise<SavedCounterparty[]>;
  getCounterparty(id: string): Promise<SavedCounterparty | undefined>;
}

export function reviewQueue(ctx: StoreContext): ReviewQueue {
  return {
    open: (c) => openCase(ctx, c),
    openMany: (cs) => openCases(ctx, cs),
    list: (q) => listCases(ctx, q),
    get: (id) => getCase(ctx, id),
    assign: (id, owner, actor) => assignCase(ctx, id, owner, actor),
    comment: (id, text, actor) => commentCase(ctx, id, text, actor),
    decide: (id, d, o) => decideCase(ctx, id, d, o),
    revoke: (id, actor, reason) => revokeCase(ctx, id, actor, reason),
    setExpiry: (id, e, actor) => setCaseExpiry(ctx, id, e, actor),
    saveCounterparty: (c) => saveCounterparty(ctx, c),
    listCounterparties: () => listSavedCounterparties(ctx),
    getCounterparty: (id) => getSavedCounterparty(ctx, id),
  };
}
