/**
 * Test support: a fresh store per engine. SQLite gets a temporary file;
 * PostgreSQL gets a fresh schema (`redline_test_<random>`) in the local test
 * database, dropped afterwards. PostgreSQL being down is an error, never a
 * skip: CI starts it, and a silently skipped engine is an untested engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openStore } from './index.js';
import type { Store, StoreEngine } from './types.js';

/** The local PostgreSQL used by tests (trust auth); override with REDLINE_TEST_PG. */
export const TEST_PG_URL = process.env.REDLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  engine: StoreEngine;
  store: Store;
  /** The --db value that reaches the same store from another process. */
  url: string;
  /** Runs raw SQL against the store's database, bypassing the store (to play the attacker). */
  exec(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

export async function openTestStore(engine: StoreEngine): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'redline-store-'));
    const url = join(dir, 'test.sqlite');
    const store = await openStore(url);
    return {
      engine,
      store,
      url,
      async exec(sql, params = []) {
        const db = new SqliteDatabase(url);
        try {
          db.pragma('busy_timeout = 5000');
          const stmt = db.prepare(sql);
          return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
        } finally {
          db.close();
        }
      },
      async cleanup() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `redline_test_${randomBytes(6).toString('hex')}`;
  const url = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}); start it (CI runs .ci/run) — the postgres tests do not skip`);
  }
  let store: Store;
  try {
    store = await openStore(url);
  } catch (err) {
    // Leave nothing behind when the store cannot be opened (the schema may already exist).
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    throw err;
  }
  return {
    engine,
    store,
    url,
    async exec(sql, params = []) {
      await admin.query(`SET search_path TO ${schema}`);
      const res = await admin.query(sql, params);
      return res.rows as Record<string, unknown>[];
    },
    async cleanup() {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The SQL that lifts the append-only guard (what an attacker with the owner's rights would do first). */
export function dropAuditGuard(engine: StoreEngine): string[] {
  return engine === 'sqlite'
    ? ['DROP TRIGGER audit_log_no_update', 'DROP TRIGGER audit_log_no_delete']
    : ['DROP TRIGGER audit_log_append_only ON audit_log'];
}
