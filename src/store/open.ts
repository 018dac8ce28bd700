import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { auditKeyringFor, type AuditKeyring } from './audit-key.js';
import type { StoreContext } from './context.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import type { StoreEngine } from './types.js';

/** The default store: a SQLite file under ./data/runtime (gitignored), overridable with REDLINE_DB or --db. */
export const DEFAULT_DB_PATH = 'data/runtime/redline.sqlite';

export interface StoreTarget {
  engine: StoreEngine;
  /** SQLite: a file path or `:memory:`. PostgreSQL: the connection string without Redline's own parameters. */
  connection: string;
  /** PostgreSQL schema to use (`?schema=` in the URL); created when missing. */
  schema?: string | undefined;
  /** For messages: the location with any password removed. */
  location: string;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Picks the engine from the URL: `postgres://` / `postgresql://` → PostgreSQL; `sqlite:`, `file:`, a path or nothing → SQLite. */
export function parseStoreUrl(url?: string): StoreTarget {
  const raw = url?.trim() || process.env.REDLINE_DB?.trim() || DEFAULT_DB_PATH;
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    const u = new URL(raw);
    const schema = u.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`--db: schema ${JSON.stringify(schema)} must be a plain identifier (letters, digits, _)`);
    u.searchParams.delete('schema');
    const shown = new URL(u.toString());
    if (shown.password) shown.password = '***';
    return { engine: 'postgres', connection: u.toString(), schema, location: `${shown.toString()}${schema ? ` (schema ${schema})` : ''}` };
  }
  const path = raw.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '');
  if (path === ':memory:') return { engine: 'sqlite', connection: path, location: ':memory:' };
  const abs = resolve(path);
  return { engine: 'sqlite', connection: abs, location: abs };
}

function sqliteContext(target: StoreTarget, auditKeys: AuditKeyring): StoreContext {
  if (target.connection !== ':memory:') mkdirSync(dirname(target.connection), { recursive: true });
  const database = new SqliteDatabase(target.connection);
  // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the write lock instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  reusePreparedStatements(database);
  return { engine: 'sqlite', auditKeys, db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }) };
}

/** Statements kept for reuse at most (a multi-row insert has one SQL text per row count). */
const PREPARED_STATEMENTS = 1000;

/**
 * kysely's SQLite driver prepares every query afresh, and compiling the SQL cost more than running
 * it on the API's hot path (a screening's audit append and counterparty upsert). The same texts
 * come back on every request, so each is prepared once and reused; a statement still busy (a
 * stream not yet finished) is not shared — that query gets one of its own. SQLite re-prepares
 * a kept statement by itself when a migration changes the schema.
 */
export function reusePreparedStatements(database: SqliteDatabase.Database): void {
  const prepare = database.prepare.bind(database);
  const kept = new Map<string, SqliteDatabase.Statement>();
  database.prepare = ((source: string) => {
    const stmt = kept.get(source);
    if (stmt && !stmt.busy) return stmt;
    const fresh = prepare(source);
    if (!stmt) {
      if (kept.size >= PREPARED_STATEMENTS) kept.clear();
      kept.set(source, fresh);
    }
    return fresh;
  }) as typeof database.prepare;
}

function postgresContext(target: StoreTarget, auditKeys: AuditKeyring): StoreContext {
  const pool = new pg.Pool({
    connectionString: target.connection,
    max: Number(process.env.REDLINE_PG_POOL ?? 10),
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // An idle client losing its server connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return { engine: 'postgres', auditKeys, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}

/** Connects, creates the PostgreSQL schema if asked for one, and migrates to the latest schema. */
export async function openContext(target: StoreTarget, auditKeys: AuditKeyring = auditKeyringFor(target)): Promise<StoreContext> {
  const ctx = target.engine === 'postgres' ? postgresContext(target, auditKeys) : sqliteContext(target, auditKeys);
  try {
    // Only when missing: a service role without CREATE on the database opens an existing schema (README, PostgreSQL roles).
    if (target.engine === 'postgres' && target.schema) {
      const found = await sql<{ n: number }>`select 1 as n from pg_namespace where nspname = ${target.schema}`.execute(ctx.db);
      if (!found.rows.length) await sql.raw(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`).execute(ctx.db);
    }
    await migrateToLatest(ctx.db, ctx.engine, target.engine === 'postgres' ? target.schema : undefined);
  } catch (err) {
    await ctx.db.destroy().catch(() => undefined);
    throw new Error(`cannot open the store at ${target.location}: ${(err as Error).message}`, { cause: err });
  }
  return ctx;
}
