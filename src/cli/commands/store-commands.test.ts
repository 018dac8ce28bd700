import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndRecord, openStore, type StoreEngine } from '../../store/index.js';
import { dropAuditGuard, openTestStore, type TestStore } from '../../store/testing.js';
import { loadRuleset } from '../../bundle/rules.js';
import { loadCatalogue } from '../../bundle/catalogue.js';

// The CLI runs from dist/ (npm test builds first); these tests spawn it as a user would.
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
function redline(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/redline.js'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'redline-cli-store-'));

describe('redline keys', () => {
  const db = join(dir, 'keys.sqlite');

  it('prints a new key once, alone on its line, and stores only its hash', async () => {
    const r = redline(['keys', 'create', '--role', 'analyst', '--name', 'erp', '--db', db]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^rl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\n$/);
    expect(r.stderr).toContain('shown only now');
    const store = await openStore(db);
    try {
      expect(await store.verifyKey(r.stdout.trim())).toMatchObject({ role: 'analyst' });
    } finally {
      await store.close();
    }
    const listed = redline(['keys', 'list', '--json', '--db', db]);
    expect(listed.stdout).not.toContain(r.stdout.trim());
  });

  it('gives { id, key, role } with --json, and revokes by id', async () => {
    const r = redline(['keys', 'create', '--role', 'viewer', '--json', '--db', db]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const created = JSON.parse(r.stdout) as { id: string; key: string; role: string };
    expect(created).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{12}$/), key: expect.stringMatching(/^rl_/), role: 'viewer' });
    expect(redline(['keys', 'revoke', created.id, '--db', db]).code).toBe(0);
    const store = await openStore(db);
    try {
      expect(await store.verifyKey(created.key)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('exits 2 naming --role for a role that does not exist, and for an unknown key id', () => {
    const bad = redline(['keys', 'create', '--role', 'root', '--db', db]);
    expect(bad.code, bad.stderr + bad.stdout).toBe(2);
    expect(bad.stderr).toContain('--role');
    expect(bad.stderr).toContain('viewer, analyst, admin');
    expect(redline(['keys', 'revoke', 'ffffffffffff', '--db', db]).code).toBe(2);
  });
});

describe.each(['sqlite', 'postgres'] as StoreEngine[])('redline audit on %s', (engine) => {
  let t: TestStore;
  let detId: string;
  beforeAll(async () => {
    t = await openTestStore(engine);
    await t.store.createApiKey({ role: 'admin' });
    const tx = { date: '2026-09-30', from: 'US', to: 'CN', items: [{ model: 'NVIDIA H100 SXM5 80GB' }], parties: [{ role: 'end_user', name: 'Example Buyer Ltd', country: 'CN' }] };
    const { record } = await checkAndRecord(t.store, { ruleset: await loadRuleset(), catalogue: loadCatalogue() }, tx, { today: '2026-09-30' });
    detId = record.id;
    await t.store.appendAudit({ kind: 'screening', input: { query: 'x' }, output: { hits: [] } });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('replays a recorded determination: exit 0, reproduced exactly', () => {
    const r = redline(['audit', 'replay', detId, '--db', t.url]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('reproduced exactly: license_required');
    const j = redline(['audit', 'replay', detId, '--json', '--db', t.url]);
    expect(JSON.parse(j.stdout)).toMatchObject({ reproduced: true, sameInputs: true, determinationId: detId });
    const missing = redline(['audit', 'replay', 'det_missing', '--db', t.url]);
    expect(missing.code, missing.stderr + missing.stdout).toBe(2);
    expect(missing.stderr).toContain('no audit record or determination');
  });

  it('lists the records with --json', () => {
    const r = redline(['audit', 'list', '--json', '--db', t.url]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect((JSON.parse(r.stdout) as { kind: string }[]).map((x) => x.kind)).toEqual(['screening', 'determination', 'key']);
  });

  it('audit anchor writes a signed head that verify --anchor checks; a malformed anchor is bad input', () => {
    const file = join(dir, `anchor-${engine}.json`);
    const a = redline(['audit', 'anchor', '--out', file, '--db', t.url]);
    expect(a.code, a.stderr + a.stdout).toBe(0);
    expect(a.stderr).toContain('anchored record 3');
    const stdout = redline(['audit', 'anchor', '--db', t.url]);
    expect(JSON.parse(stdout.stdout)).toMatchObject({ format: 'redline-audit-anchor/1', seq: 3, algorithm: 'Ed25519' });
    const ok = redline(['audit', 'verify', '--anchor', file, '--db', t.url]);
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toContain('3 record(s) sealed with audit key');
    expect(ok.stdout).toContain('the log still holds record 3 as anchored');
    const bad = join(dir, `bad-anchor-${engine}.json`);
    writeFileSync(bad, JSON.stringify({ format: 'redline-audit-anchor/1', seq: 'x' }));
    const refused = redline(['audit', 'verify', '--anchor', bad, '--db', t.url]);
    expect(refused.code, refused.stderr + refused.stdout).toBe(2);
    expect(refused.stderr).toContain('anchor seq');
  });

  it('verify exits 0 on an intact chain and 1 naming the first changed record', async () => {
    const ok = redline(['audit', 'verify', '--db', t.url]);
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toContain('audit log intact: 3 record(s)');
    for (const s of dropAuditGuard(engine)) await t.exec(s);
    await t.exec(`UPDATE audit_log SET output_json = REPLACE(output_json, 'license_required', 'no_license_required') WHERE seq = 2`);
    const broken = redline(['audit', 'verify', '--db', t.url]);
    expect(broken.code, broken.stderr + broken.stdout).toBe(1);
    expect(broken.stdout).toContain('audit log BROKEN at record 2 (changed)');
    const j = redline(['audit', 'verify', '--json', '--db', t.url]);
    expect(j.code, j.stderr + j.stdout).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'changed' } });
  });
});

describe('redline audit with an unreachable store', () => {
  it('exits 1 with a plain message, no stack', () => {
    const r = redline(['audit', 'verify', '--db', 'postgres://nobody@127.0.0.1:1/none']);
    expect(r.code, r.stderr + r.stdout).toBe(1);
    expect(r.stderr).toMatch(/cannot open the store at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('redline lists', () => {
  const db = join(dir, 'lists.sqlite');
  const file = (name: string, names: string[]): string => {
    const p = join(dir, name);
    writeFileSync(p, ['list,name,aliases,country,citation', ...names.map((n) => `test.cli,"${n}",,CN,"99 FR 7"`)].join('\n'));
    return p;
  };
  const base = Array.from({ length: 10 }, (_, i) => `Ostrava Vexel ${i} Co`);

  it('loads a file and prints the diff against the previous version', () => {
    const first = redline(['lists', 'load', file('cli_2026-02-01.csv', base), '--db', db]);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('test.cli: (none) → v1 (2026-02-01, 10 entries): +10 added, ~0 changed, −0 removed');
    const second = redline(['lists', 'load', file('cli_2026-03-01.csv', [...base.slice(1), 'Ostrava Vexel 99 Co']), '--db', db, '--json']);
    expect(second.code, second.stderr + second.stdout).toBe(0);
    const report = JSON.parse(second.stdout) as { lists: { diff: { added: { name: string }[]; removed: { name: string }[] } }[] };
    expect(report.lists[0]!.diff.added.map((e) => e.name)).toEqual(['Ostrava Vexel 99 Co']);
    expect(report.lists[0]!.diff.removed.map((e) => e.name)).toEqual(['Ostrava Vexel 0 Co']);
    const diff = redline(['lists', 'diff', 'test.cli', '--db', db]);
    expect(diff.stdout).toContain('+ Ostrava Vexel 99 Co');
    expect(diff.stdout).toContain('− Ostrava Vexel 0 Co');
    const listed = JSON.parse(redline(['lists', 'list', '--json', '--db', db]).stdout) as { list: string; version: number; bundledSnapshot: boolean }[];
    expect(listed.find((v) => v.list === 'test.cli')?.version).toBe(2);
    expect(listed.find((v) => v.list === 'us.bis.entity-list')?.bundledSnapshot).toBe(true);
  });

  it('refuses a load that loses more than 20 % with exit 2, and takes it with --force', () => {
    const short = file('cli_2026-04-01.csv', base.slice(1, 6));
    const refused = redline(['lists', 'load', short, '--db', db]);
    expect(refused.code, refused.stderr + refused.stdout).toBe(2);
    expect(refused.stderr).toContain('data gate: test.cli: this load would remove 5 of its 10 entries (50 %)');
    expect(refused.stderr).toContain('--force');
    const forced = redline(['lists', 'load', short, '--force', '--db', db]);
    expect(forced.code, forced.stderr + forced.stdout).toBe(0);
    expect(forced.stdout).toContain('−5 removed');
  });

  it('exits 2 for a file it cannot read or a format it does not know', () => {
    expect(redline(['lists', 'load', join(dir, 'missing.csv'), '--db', db]).stderr).toContain('no such file');
    const odd = join(dir, 'odd.txt');
    writeFileSync(odd, 'hello\nworld\n');
    const r = redline(['lists', 'load', odd, '--db', db]);
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(r.stderr).toContain('--format');
  });
});

describe('SQLite appends from several processes', () => {
  it('keep one unbroken chain (BEGIN IMMEDIATE serialises them)', async () => {
    const db = join(dir, 'concurrent.sqlite');
    (await openStore(db)).close();
    const script = `import { openStore } from ${JSON.stringify(join(ROOT, 'dist/store/index.js'))};
      const s = await openStore(${JSON.stringify(db)});
      for (let i = 0; i < 25; i++) await s.appendAudit({ kind: 'screening', input: { p: process.pid, i }, output: {} });
      await s.close();`;
    const runs = Array.from({ length: 4 }, () =>
      new Promise<number>((ok) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('exit', (c) => ok(c ?? 1))),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const store = await openStore(db);
    try {
      expect(await store.verifyAudit()).toMatchObject({ ok: true, records: 100 });
    } finally {
      await store.close();
    }
  });
});
