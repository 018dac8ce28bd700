import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAuditGuard, openTestStore, type TestStore } from './testing.js';
import { canonicalJson, chainHash, GENESIS_HASH, parseStoreUrl, type StoreEngine } from './index.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","z":1}]},"b":1}');
  });
  it('gives the same text for the same value built in another key order', () => {
    expect(canonicalJson({ x: 1, y: [2, 3] })).toBe(canonicalJson({ y: [2, 3], x: 1 }));
  });
});

describe('parseStoreUrl', () => {
  it('picks PostgreSQL for postgres:// and keeps the schema parameter for itself, hiding the password', () => {
    const t = parseStoreUrl('postgres://u:secret@db:5432/redline?schema=tenant_a');
    expect(t.engine).toBe('postgres');
    expect(t.schema).toBe('tenant_a');
    expect(t.connection).not.toContain('schema=');
    expect(t.location).not.toContain('secret');
  });
  it('picks SQLite for a path, sqlite: and :memory:', () => {
    expect(parseStoreUrl('/tmp/x.sqlite')).toMatchObject({ engine: 'sqlite', connection: '/tmp/x.sqlite' });
    expect(parseStoreUrl('sqlite:/tmp/y.db')).toMatchObject({ engine: 'sqlite', connection: '/tmp/y.db' });
    expect(parseStoreUrl(':memory:').engine).toBe('sqlite');
  });
  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => parseStoreUrl('postgres://db/x?schema=a;drop')).toThrow(/plain identifier/);
  });
});

describe.each(['sqlite', 'postgres'] as StoreEngine[])('store on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(engine);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  describe('audit chain', () => {
    it('links each record to the one before and verifies intact', async () => {
      const first = await t.store.appendAudit({ kind: 'screening', input: { query: 'Acme' }, output: { hits: [] } });
      const second = await t.store.appendAudit({ kind: 'screening', input: { query: 'Beta' }, output: { hits: [{ score: 0.9 }] }, keyId: 'k1' });
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.prevHash).toBe(first.hash);
      expect(second.seq).toBe(first.seq + 1);
      // Sealed with the audit key: not the public SHA-256 anyone could compute.
      expect(second.macKeyId).toMatch(/^[0-9a-f]{16}$/);
      expect(chainHash(first.hash, second)).not.toBe(second.hash);
      const stored = await t.store.getAudit(second.seq);
      expect(stored).toEqual(second);
      const v = await t.store.verifyAudit();
      expect(v).toMatchObject({ ok: true, records: 2, head: second.hash });
    });

    it('never forks under concurrent appends', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => t.store.appendAudit({ kind: 'screening', input: { i }, output: {} })));
      const v = await t.store.verifyAudit();
      expect(v.ok).toBe(true);
      expect(v.records).toBe(42);
    });

    it('lists records newest first and pages forward by seq', async () => {
      const newest = await t.store.listAudit({ limit: 3 });
      expect(newest.map((r) => r.seq)).toEqual([42, 41, 40]);
      const forward = await t.store.listAudit({ afterSeq: 40, limit: 5 });
      expect(forward.map((r) => r.seq)).toEqual([41, 42]);
      expect((await t.store.listAudit({ keyId: 'k1' })).map((r) => r.seq)).toEqual([2]);
    });

    it('refuses UPDATE and DELETE on the audit log at the database', async () => {
      await expect(t.exec(`UPDATE audit_log SET output_json = '{}' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(t.exec('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    });
  });

  describe('API keys', () => {
    it('stores only a hash and verifies the key to its id and role', async () => {
      const k = await t.store.createApiKey({ role: 'analyst', name: 'erp' });
      expect(k.key).toMatch(/^rl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(await t.store.verifyKey(k.key)).toEqual({ id: k.id, role: 'analyst' });
      const rows = await t.exec(`SELECT * FROM api_keys WHERE id = '${k.id}'`);
      expect(JSON.stringify(rows)).not.toContain(k.key.split('_').at(-1)!.slice(0, 20));
      expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      const listed = (await t.store.listApiKeys()).find((x) => x.id === k.id);
      expect(listed?.lastUsedAt).not.toBeNull();
    });

    it('rejects a wrong secret, a malformed key and a revoked key', async () => {
      const k = await t.store.createApiKey({ role: 'viewer' });
      const wrong = `${k.key.slice(0, -4)}AAAA` === k.key ? `${k.key.slice(0, -4)}BBBB` : `${k.key.slice(0, -4)}AAAA`;
      expect(await t.store.verifyKey(wrong)).toBeUndefined();
      expect(await t.store.verifyKey('Bearer nonsense')).toBeUndefined();
      expect(await t.store.revokeApiKey(k.id)).toBe(true);
      expect(await t.store.revokeApiKey(k.id)).toBe(false);
      expect(await t.store.verifyKey(k.key)).toBeUndefined();
    });
  });

  describe('batch jobs', () => {
    it('stores each (job, row) once, so a resumed chunk writes no duplicates', async () => {
      const job = await t.store.createBatchJob({ format: 'csv', inputPath: 'book.csv', total: 4 });
      const rows = [0, 1, 2].map((n) => ({ jobId: job.id, rowNo: n, status: 'ok' as const, result: { outcome: 'review', n }, error: null }));
      expect(await t.store.putBatchRows(rows)).toBe(3);
      const again = [...rows.slice(1), { jobId: job.id, rowNo: 3, status: 'error' as const, result: null, error: { line: 5, message: 'bad date' } }];
      expect(await t.store.putBatchRows(again)).toBe(1);
      expect((await t.store.getBatchRows(job.id)).map((r) => r.rowNo)).toEqual([0, 1, 2, 3]);
      expect(await t.store.batchRowCounts(job.id)).toEqual({ ok: 3, error: 1, maxRowNo: 3 });
      expect(await t.store.storedBatchRowNos(job.id, 2, 10)).toEqual([2, 3]);
      const done = await t.store.updateBatchJob(job.id, { status: 'done', done: 3, failed: 1 });
      expect(done).toMatchObject({ status: 'done', done: 3, failed: 1, total: 4 });
    });
  });

  describe('counterparties', () => {
    it('recognises a party again by folded name and country', async () => {
      const a = await t.store.upsertCounterparty({ name: 'Acme  Trading Co.', country: 'cn' });
      const b = await t.store.upsertCounterparty({ name: 'ACME trading co', country: 'CN', address: '1 Road' });
      expect(b.id).toBe(a.id);
      expect(b.address).toBe('1 Road');
      expect((await t.store.findCounterparty({ name: 'acme trading co.', country: 'CN' }))?.id).toBe(a.id);
      expect(await t.store.findCounterparty({ name: 'Acme Trading Co', country: 'HK' })).toBeUndefined();
    });
  });

  // Last: these break the chain on purpose. Each case tampers, checks, and puts the row back.
  describe('tampering', () => {
    beforeAll(async () => {
      for (const s of dropAuditGuard(engine)) await t.exec(s);
    });

    it('names a record whose output was changed', async () => {
      const [row] = await t.exec('SELECT output_json FROM audit_log WHERE seq = 7');
      await t.exec(`UPDATE audit_log SET output_json = '{"hits":[],"note":"edited"}' WHERE seq = 7`);
      const v = await t.store.verifyAudit();
      expect(v.ok).toBe(false);
      expect(v.firstBad).toMatchObject({ seq: 7, problem: 'changed' });
      expect(v.records).toBe(6);
      await t.exec(`UPDATE audit_log SET output_json = '${String(row!.output_json)}' WHERE seq = 7`);
      expect((await t.store.verifyAudit()).ok).toBe(true);
    });

    it('names a removed record', async () => {
      const [row] = await t.exec('SELECT * FROM audit_log WHERE seq = 5');
      await t.exec('DELETE FROM audit_log WHERE seq = 5');
      const v = await t.store.verifyAudit();
      expect(v.firstBad).toMatchObject({ seq: 5, problem: 'removed' });
      await reinsert(t, row!);
      expect((await t.store.verifyAudit()).ok).toBe(true);
    });

    it('names the first of two swapped records', async () => {
      await swapSeq(t, 10, 11);
      const v = await t.store.verifyAudit();
      expect(v.firstBad).toMatchObject({ seq: 10, problem: 'reordered' });
      await swapSeq(t, 10, 11);
      expect((await t.store.verifyAudit()).ok).toBe(true);
    });

    it('notices records cut from the end of the log', async () => {
      const [row] = await t.exec('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
      await t.exec(`DELETE FROM audit_log WHERE seq = ${Number(row!.seq)}`);
      const v = await t.store.verifyAudit();
      expect(v.firstBad).toMatchObject({ seq: Number(row!.seq), problem: 'truncated' });
      await reinsert(t, row!);
      expect((await t.store.verifyAudit()).ok).toBe(true);
    });
  });
});

async function reinsert(t: TestStore, row: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(row);
  const marks = cols.map((_, i) => (t.engine === 'postgres' ? `$${i + 1}` : '?')).join(', ');
  await t.exec(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${marks})`, cols.map((c) => row[c]));
}

/** Swaps the seq numbers of two records (moving each one's content to the other's place). */
async function swapSeq(t: TestStore, a: number, b: number): Promise<void> {
  await t.exec(`UPDATE audit_log SET seq = -1 WHERE seq = ${a}`);
  await t.exec(`UPDATE audit_log SET seq = ${a} WHERE seq = ${b}`);
  await t.exec(`UPDATE audit_log SET seq = ${b} WHERE seq = -1`);
}
