import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeyringFor, keyringFromFile, openStore, parseAuditSecret, POSTGRES_AUDIT_KEY_FILE } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-audit-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the audit key lives outside the database', () => {
  it('is created on the first append, mode 0600, beside the SQLite store, and not by a verify of an empty log', async () => {
    const db = join(dir, 'a.sqlite');
    const store = await openStore(db, { auditKeys: auditKeyringFor({ engine: 'sqlite', connection: db }, {}) });
    try {
      expect(await store.verifyAudit()).toMatchObject({ ok: true, records: 0, keyId: null });
      expect(existsSync(`${db}.audit-key`)).toBe(false);
      const r = await store.appendAudit({ kind: 'key', input: { action: 'create' }, output: {} });
      expect(statSync(`${db}.audit-key`).mode & 0o777).toBe(0o600);
      const key = parseAuditSecret(readFileSync(`${db}.audit-key`, 'utf8'), 'file');
      expect(r.macKeyId).toBe(key.id);
      // The database holds the key's id, never the key.
      expect(readFileSync(db).includes(key.secret.toString('hex'))).toBe(false);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, keyed: 1, keyId: key.id, keySource: `key file ${db}.audit-key` });
    } finally {
      await store.close();
    }
  });

  it('comes from REDLINE_AUDIT_KEY first, then REDLINE_AUDIT_KEY_FILE, then the engine default', () => {
    const secret = 'c'.repeat(64);
    const file = join(dir, 'env.key');
    expect(auditKeyringFor({ engine: 'sqlite', connection: '/x/s.sqlite' }, { REDLINE_AUDIT_KEY: secret, REDLINE_AUDIT_KEY_FILE: file }).source).toBe('REDLINE_AUDIT_KEY');
    expect(auditKeyringFor({ engine: 'sqlite', connection: '/x/s.sqlite' }, { REDLINE_AUDIT_KEY_FILE: file }).source).toBe(`key file ${file}`);
    expect(auditKeyringFor({ engine: 'sqlite', connection: '/x/s.sqlite' }, {}).source).toBe('key file /x/s.sqlite.audit-key');
    expect(auditKeyringFor({ engine: 'postgres', connection: 'postgres://db/x' }, {}).source).toMatch(new RegExp(`${POSTGRES_AUDIT_KEY_FILE}$`));
  });

  it('refuses a key too short to be a secret, naming where it came from', () => {
    expect(() => parseAuditSecret('short', 'REDLINE_AUDIT_KEY')).toThrow(/REDLINE_AUDIT_KEY: .*64 hex digits or at least 32 characters/);
    expect(parseAuditSecret('ab'.repeat(32), 'x').secret).toHaveLength(32);
    expect(parseAuditSecret('a passphrase of thirty-two chars!', 'x').secret.toString()).toBe('a passphrase of thirty-two chars!');
  });

  it('rotates: a new key first in the file seals new records, the old key below it still verifies the old ones', async () => {
    const db = join(dir, 'rotate.sqlite');
    const file = join(dir, 'rotate.key');
    const oldKey = 'd'.repeat(64);
    const newKey = 'e'.repeat(64);
    writeFileSync(file, `${oldKey}\n`, { mode: 0o600 });
    let store = await openStore(db, { auditKeys: keyringFromFile(file) });
    await store.appendAudit({ kind: 'key', input: { n: 1 }, output: {} });
    await store.close();
    writeFileSync(file, `# current\n${newKey}\n# retired\n${oldKey}\n`);
    store = await openStore(db, { auditKeys: keyringFromFile(file) });
    try {
      const r = await store.appendAudit({ kind: 'key', input: { n: 2 }, output: {} });
      expect(r.macKeyId).toBe(parseAuditSecret(newKey, 'x').id);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, keyed: 2 });
    } finally {
      await store.close();
    }
    writeFileSync(file, `${newKey}\n`);
    store = await openStore(db, { auditKeys: keyringFromFile(file) });
    try {
      expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBad: { seq: 1, problem: 'unverifiable' } });
    } finally {
      await store.close();
    }
  });
});
