/**
 * Issue 14, item 4: on PostgreSQL the service account can only INSERT and SELECT the audit
 * log. The owner role migrates; the service role gets the grants src/store/README.md lists
 * (the same SQL as `serviceRoleGrants`), and then cannot update, delete, truncate, or lift the
 * append-only trigger, while the service itself still works.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, serviceRoleGrants, type Store } from './index.js';
import { openTestStore, TEST_PG_URL, type TestStore } from './testing.js';

describe('PostgreSQL service role: the audit log is insert-and-select only', () => {
  let t: TestStore;
  let role: string;
  let schema: string;
  let admin: pg.Client;
  let service: Store;
  let asService: pg.Client;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    schema = new URL(t.url).searchParams.get('schema')!;
    role = `redline_svc_${randomBytes(5).toString('hex')}`;
    admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    for (const s of serviceRoleGrants(schema, role)) await admin.query(s);
    const u = new URL(TEST_PG_URL);
    u.username = role;
    service = await openStore(`${u.toString()}?schema=${schema}`);
    asService = new pg.Client({ connectionString: u.toString(), options: `-c search_path=${schema}` });
    await asService.connect();
  });

  afterAll(async () => {
    await asService?.end();
    await service?.close();
    await t?.cleanup();
    await admin?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${role}`);
    await admin?.end();
  });

  it('the service role opens the store and records (audit appends, counterparties, keys)', async () => {
    await service.recordScreening({ query: 'Example Cloud GmbH', country: 'DE', result: { query: 'Example Cloud GmbH', hits: [] } as never });
    await service.createApiKey({ role: 'viewer' });
    expect(await service.verifyAudit()).toMatchObject({ ok: true, records: 2, keyed: 2 });
  });

  it('cannot change, delete or truncate audit records, nor lift the trigger that guards them', async () => {
    await expect(asService.query(`UPDATE audit_log SET output_json = '{}' WHERE seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(asService.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/permission denied/);
    await expect(asService.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(asService.query('DROP TRIGGER audit_log_append_only ON audit_log')).rejects.toThrow(/must be owner/);
    await expect(asService.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    expect(await service.verifyAudit()).toMatchObject({ ok: true, records: 2 });
  });
});
