import { sql, type Kysely } from 'kysely';
import { appendAuditIn } from './audit.js';
import { newId, nowIso, writeTx, type StoreContext } from './context.js';
import { counterpartyKey } from './records.js';
import type { CounterpartiesTable, Database } from './schema.js';
import type { AuditInput, AuditRecord, CounterpartyInput } from './types.js';

/**
 * The batch form of `upsertCounterparty`, for callers that add many parties at once (the API's
 * group commit): a few multi-row statements in the caller's transaction instead of one
 * transaction per party. Same outcome as upserting them one by one in order: a party new to the
 * store is added once (the first spelling's name wins); an address or aliases given replace the
 * stored ones, a party given without them keeps what is stored.
 */

/** Rows per statement: 9 values each keeps a statement far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 500;

/** One input per key, merged in order as successive single upserts would leave it. */
function mergeByKey(cs: readonly CounterpartyInput[]): Map<string, CounterpartyInput> {
  const byKey = new Map<string, CounterpartyInput>();
  for (const c of cs) {
    const key = counterpartyKey(c);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...c });
    else {
      if (c.address) seen.address = c.address;
      if (c.aliases?.length) seen.aliases = c.aliases;
    }
  }
  return byKey;
}

function rowOf(key: string, c: CounterpartyInput, at: string): CounterpartiesTable {
  return {
    id: newId('cp', 9),
    key,
    name: c.name,
    country: c.country?.toUpperCase() ?? null,
    address: c.address ?? null,
    aliases_json: JSON.stringify(c.aliases ?? []),
    created_at: at,
    last_screened_at: null,
    last_screening_json: null,
  };
}

export async function upsertCounterpartiesIn(trx: Kysely<Database>, cs: readonly CounterpartyInput[]): Promise<void> {
  const at = nowIso();
  const plain: CounterpartiesTable[] = [];
  const patching: CounterpartiesTable[] = [];
  for (const [key, c] of mergeByKey(cs)) (c.address || c.aliases?.length ? patching : plain).push(rowOf(key, c, at));
  for (let i = 0; i < plain.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('counterparties')
      .values(plain.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  for (let i = 0; i < patching.length; i += ROWS_PER_STATEMENT) {
    // Keys are unique within a statement (merged above), as PostgreSQL requires of DO UPDATE.
    await trx
      .insertInto('counterparties')
      .values(patching.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          address: sql<string | null>`coalesce(excluded.address, counterparties.address)`,
          aliases_json: sql<string>`case when excluded.aliases_json = '[]' then counterparties.aliases_json else excluded.aliases_json end`,
        }),
      )
      .execute();
  }
}

export function upsertCounterparties(ctx: StoreContext, cs: readonly CounterpartyInput[]): Promise<void> {
  if (!cs.length) return Promise.resolve();
  return writeTx(ctx, (trx) => upsertCounterpartiesIn(trx, cs));
}

/** Audit records, in order, and the counterparties they name, in one transaction: both are written or neither. */
export function appendAuditsWith(ctx: StoreContext, inputs: readonly AuditInput[], counterparties: readonly CounterpartyInput[] = []): Promise<AuditRecord[]> {
  return writeTx(ctx, async (trx) => {
    const out: AuditRecord[] = [];
    for (const input of inputs) out.push(await appendAuditIn(trx, ctx, input));
    if (counterparties.length) await upsertCounterpartiesIn(trx, counterparties);
    return out;
  });
}
