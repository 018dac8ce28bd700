import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reusePreparedStatements } from './open.js';

function database() {
  const db = new SqliteDatabase(':memory:');
  db.exec('create table t (a integer)');
  db.exec('insert into t values (1), (2), (3)');
  reusePreparedStatements(db);
  return db;
}

describe('SQLite statements prepared once and reused (kysely prepares every query afresh)', () => {
  it('the same SQL text gives the same statement, another text another one', () => {
    const db = database();
    const a = db.prepare('select a from t where a > ?');
    expect(db.prepare('select a from t where a > ?')).toBe(a);
    expect(db.prepare('select a from t where a < ?')).not.toBe(a);
    expect(a.all(1)).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare('select a from t where a > ?').all(2)).toEqual([{ a: 3 }]);
  });

  it('a statement busy in a stream is not shared: the same query meanwhile gets its own', () => {
    const db = database();
    const it = db.prepare('select a from t order by a').iterate() as IterableIterator<{ a: number }>;
    expect(it.next().value).toEqual({ a: 1 });
    expect(db.prepare('select a from t order by a').all()).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect([...it].map((r) => r.a)).toEqual([2, 3]);
  });

  it('a kept statement still works after the schema changes under it', () => {
    const db = database();
    expect(db.prepare('select * from t where a = 1').all()).toEqual([{ a: 1 }]);
    db.exec('alter table t add column b text');
    db.exec("update t set b = 'x'");
    expect(db.prepare('select * from t where a = 1').all()).toEqual([{ a: 1, b: 'x' }]);
  });
});
