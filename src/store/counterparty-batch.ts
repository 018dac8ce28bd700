import { sql, type Kysely } from 'kysely';
import { appendAuditsIn } from './audit.js';
import { newId, nowIso, slices, writeTx, type StoreContext } from './context.js';
import { counterpartyKey } from './counterparty-key.js';
import type { CounterpartiesTable, Database } from './schema.js';
import type { ScreeningResult } from '../domain/index.js';
import type { AuditInput, AuditRecord, CounterpartyInput } from './types.js';

/** A party to upsert, with what screening it found when that is to be kept as its last screening. */
export type CounterpartyWrite = CounterpartyInput & { screening?: ScreeningResult | undefined };

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
function mergeByKey(cs: readonly CounterpartyWrite[]): Map<string, CounterpartyWrite> {
  const byKey = new Map<string, CounterpartyWrite>();
  for (const c of cs) {
    const key = counterpartyKey(c);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...c });
    else {
      if (c.address) seen.address = c.address;
      if (c.aliases?.length) seen.aliases = c.aliases;
      if (c.screening) seen.screening = c.screening;
    }
  }
  return byKey;
}

function rowOf(key: string, c: CounterpartyWrite, at: string): CounterpartiesTable {
  return {
    id: newId('cp', 9),
    key,
    name: c.name,
    country: c.country?.toUpperCase() ?? null,
    address: c.address ?? null,
    aliases_json: JSON.stringify(c.aliases ?? []),
    created_at: at,
    last_screened_at: c.screening ? at : null,
    last_screening_json: c.screening ? JSON.stringify(c.screening) : null,
  };
}

export async function upsertCounterpartiesIn(trx: Kysely<Database>, cs: readonly CounterpartyWrite[]): Promise<void> {
  const at = nowIso();
  const plain: CounterpartiesTable[] = [];
  const patching: CounterpartiesTable[] = [];
  for (const [key, c] of mergeByKey(cs)) (c.address || c.aliases?.length || c.screening ? patching : plain).push(rowOf(key, c, at));
  for (const part of slices(plain, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('counterparties')
      .values(part)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  for (const part of slices(patching, ROWS_PER_STATEMENT)) {
    // Keys are unique within a statement (merged above), as PostgreSQL requires of DO UPDATE.
    await trx
      .insertInto('counterparties')
      .values(part)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          address: sql<string | null>`coalesce(excluded.address, counterparties.address)`,
          aliases_json: sql<string>`case when excluded.aliases_json = '[]' then counterparties.aliases_json else excluded.aliases_json end`,
          last_screened_at: sql<string | null>`coalesce(excluded.last_screened_at, counterparties.last_screened_at)`,
          last_screening_json: sql<string | null>`coalesce(excluded.last_screening_json, counterparties.last_screening_json)`,
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
    const out = await appendAuditsIn(trx, ctx, inputs);
    if (counterparties.length) await upsertCounterpartiesIn(trx, counterparties);
    return out;
  });
}
