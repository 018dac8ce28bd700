import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { AuditKeyring } from './audit-key.js';
import type { Database } from './schema.js';
import type { StoreEngine } from './types.js';

export interface StoreContext {
  db: Kysely<Database>;
  engine: StoreEngine;
  /** The audit key(s): outside the database (audit-key.ts). */
  auditKeys: AuditKeyring;
}

/**
 * Runs `fn` in a write transaction that holds the write lock from its first
 * statement. On SQLite that is `BEGIN IMMEDIATE` (a plain BEGIN would take
 * the lock only at the first write, letting two processes read the same
 * audit head and fork the chain); on PostgreSQL the audit append itself
 * locks the head row (`SELECT … FOR UPDATE`).
 */
export async function writeTx<T>(ctx: StoreContext, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (ctx.engine === 'postgres') return ctx.db.transaction().execute(fn);
  return ctx.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** The items in consecutive parts of at most `size` (multi-row statements stay under the engines' parameter limits). */
export function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A random id with a readable prefix (`det_…`, `cp_…`): unguessable, URL-safe. */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export function parseJson<T>(text: string | null | undefined): T | null {
  return text === null || text === undefined ? null : (JSON.parse(text) as T);
}

/** PostgreSQL returns count(*) and bigint as strings. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
