import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../src/store/updates/fixture-server.js';
import { openStore } from '../../src/store/index.js';
import { createServer } from '../../src/api/server.js';

/**
 * `redline lists update` as a user runs it, against a local server that publishes the very files
 * the bundled snapshots came from — one of them (the Entity List) newer, dated today, with a
 * party only it names. Then check, screen, batch and the API answer from the updated store.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/redline.js');
const LISTS = join(ROOT, 'data/lists');
const SLOW = 600_000;
const today = new Date().toISOString().slice(0, 10);
const NEW_PARTY = 'Zephyrine Quantum Lithography Works';

const dir = mkdtempSync(join(tmpdir(), 'redline-update-cli-'));
const db = join(dir, 'store.sqlite');
const sourcesFile = join(dir, 's.yaml');
let srv: FixtureServer;

/** Asynchronous on purpose: spawnSync would block this process, and with it the fixture server the CLI downloads from. */
function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', REDLINE_DB: db } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const manifest = JSON.parse(readFileSync(join(LISTS, 'manifest.json'), 'utf8')) as { sources: { file: string; format: string; exclude?: string[] }[] };

function entityListToday(): string {
  const el = JSON.parse(readFileSync(join(LISTS, 'us/nsfreg_bis_entity_list_2026-07-09.json'), 'utf8')) as { extracted: string; count: number; entities: unknown[] };
  el.extracted = today;
  el.entities.push({ name: NEW_PARTY, aliases: [], country: 'China', address: 'Hefei, Anhui, China', status: null, effective_date: today, federal_register: '91 FR 99999', notes: 'For all items subject to the EAR. (See § 744.11 of the EAR)' });
  el.count = el.entities.length;
  return JSON.stringify(el);
}

function sourcesYaml(overrides: Record<string, string> = {}): string {
  const lines = ['sources:'];
  for (const s of manifest.sources) {
    const id = s.file.replace(/^.*\//, '').replace(/\.\w+$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    lines.push(`  - id: ${id}`, `    format: ${s.format}`, `    url: ${overrides[s.file] ?? `${srv.url}/${s.file}`}`);
    if (s.exclude) lines.push(`    exclude: [${s.exclude.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  srv = await startFixtureServer();
  for (const s of manifest.sources) srv.routes.set(`/${s.file}`, { body: readFileSync(join(LISTS, s.file)), etag: true, lastModified: new Date() });
  srv.routes.set('/us/nsfreg_bis_entity_list_2026-07-09.json', { body: entityListToday(), etag: true });
  writeFileSync(sourcesFile, sourcesYaml());
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const versionCount = async (): Promise<number> => {
  const store = await openStore(db);
  try {
    return (await store.listVersions()).length;
  } finally {
    await store.close();
  }
};

const tx = (name: string) => JSON.stringify({ date: today, from: 'US', to: 'CN', items: [{ kind: 'ic', name: 'microcontroller', eccn: 'EAR99' }], parties: [{ role: 'end_user', name, country: 'CN' }] });
type Det = { outcome: string; jurisdictions: { findings: { measure: string }[] }[] };
const measures = (d: Det) => d.jurisdictions.flatMap((j) => j.findings.map((f) => f.measure));

// Each CLI run opens the store's lists (tens of thousands of entries): minutes on a loaded machine.
describe('redline lists update (local fixture server)', () => {
  it('loads every source; a second run is not modified for each and creates no version', async () => {
    const first = await run(['lists', 'update', '--sources', sourcesFile, '--db', db, '--json']);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    const report = JSON.parse(first.stdout) as { allCurrent: boolean; sources: { source: string; status: string }[] };
    expect(report.sources).toHaveLength(manifest.sources.length);
    expect(report.sources.every((s) => s.status === 'updated' || s.status === 'not_modified')).toBe(true);
    expect(report.sources.find((s) => s.source.startsWith('nsfreg-bis-entity-list'))?.status).toBe('updated');
    const versions = await versionCount();

    const second = await run(['lists', 'update', '--sources', sourcesFile, '--db', db, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect((JSON.parse(second.stdout) as typeof report).sources.map((s) => s.status)).toEqual(manifest.sources.map(() => 'not_modified'));
    expect(await versionCount()).toBe(versions);
  }, SLOW);

  it('after: screen finds the name only the updated file holds, and check answers from the lists without a staleness review', async () => {
    const s = await run(['screen', NEW_PARTY, '--json', '--db', db]);
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(s.stdout) as { hits: { list: string; score: number }[] }).hits[0]).toMatchObject({ list: 'us.bis.entity-list', score: 1 });
    const c = await run(['check', '-', '--json', '--db', db], tx(NEW_PARTY));
    expect(c.code, c.stderr).toBe(0);
    const d = JSON.parse(c.stdout) as Det;
    expect(d.outcome).toBe('license_required');
    expect(measures(d)).toContain('us.ear.744.11.entity-list');
    expect(measures(d)).not.toContain('redline.lists.stale');
    const st = await run(['lists', 'status', '--db', db, '--json']);
    const h = JSON.parse(st.stdout) as { status: string; lists: { list: string; sourceDate: string; sourceDateKind: string; stale: boolean }[] };
    expect(h.status).toBe('ok');
    expect(h.lists.find((l) => l.list === 'us.bis.entity-list')).toMatchObject({ sourceDate: today, sourceDateKind: 'publisher', stale: false });
  }, SLOW);

  it('batch and the API answer from the same lists', async () => {
    const book = join(dir, 'book.csv');
    writeFileSync(book, `id,date,from,to,item,end_user_name,end_user_country\nL1,${today},US,CN,"{""kind"":""ic"",""name"":""mcu"",""eccn"":""EAR99""}",${NEW_PARTY},CN\n`);
    const out = join(dir, 'out.jsonl');
    const b = await run(['batch', book, '--out', out, '--db', db, '--workers', '0', '--no-progress']);
    expect(b.code, b.stderr).toBe(0);
    const row = readFileSync(out, 'utf8');
    expect(row).toMatch(/us\.ear\.744\.11\.entity-list/);
    expect(row).not.toMatch(/redline\.lists\.stale/);

    const store = await openStore(db);
    const server = await createServer({ store, batchMode: 'inline', webDir: join(dir, 'no-web'), uploadsDir: join(dir, 'uploads') });
    try {
      const key = await store.createApiKey({ role: 'viewer' });
      const r = await server.app.inject({ method: 'POST', url: '/v1/check', headers: { authorization: `Bearer ${key.key}` }, payload: JSON.parse(tx(NEW_PARTY)) });
      expect(r.statusCode).toBe(200);
      const d = r.json() as Det;
      expect(measures(d)).toContain('us.ear.744.11.entity-list');
      expect(measures(d)).not.toContain('redline.lists.stale');
      expect((await server.app.inject({ method: 'GET', url: '/v1/health' })).json().status).toBe('ok');
    } finally {
      await server.close();
      await store.close();
    }
  }, SLOW);

  it('refuses a truncated file and an HTML page served with 200: exit 1, the previous version stays', async () => {
    const el = '/us/nsfreg_bis_entity_list_2026-07-09.json';
    const full = entityListToday().replace(NEW_PARTY, `${NEW_PARTY} II`);
    srv.routes.set(el, { body: full.slice(0, Math.floor(full.length / 2)), etag: true });
    const cut = await run(['lists', 'update', '--sources', sourcesFile, '--db', db, '--source', 'nsfreg-bis-entity-list-2026-07-09']);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/refused/);
    expect(cut.stdout).toMatch(/not a valid extract-json file|JSON/);
    srv.routes.set(el, { body: '<!DOCTYPE html><html><head><title>503</title></head><body>Down for maintenance</body></html>', contentType: 'text/html' });
    const html = await run(['lists', 'update', '--sources', sourcesFile, '--db', db, '--source', 'nsfreg-bis-entity-list-2026-07-09', '--json']);
    expect(html.code).toBe(1);
    expect((JSON.parse(html.stdout) as { sources: { reason: string }[] }).sources[0]!.reason).toMatch(/HTML page, not a list file in the extract-json format/);
    const s = await run(['screen', NEW_PARTY, '--json', '--db', db]);
    expect((JSON.parse(s.stdout) as { hits: { list: string; score: number }[] }).hits[0]).toMatchObject({ list: 'us.bis.entity-list', score: 1 });
    const st = JSON.parse((await run(['lists', 'status', '--db', db, '--json'])).stdout) as { status: string; reasons: string[] };
    expect(st.status).toBe('degraded');
    expect(st.reasons.join('\n')).toMatch(/nsfreg-bis-entity-list-2026-07-09 was refused/);
  }, SLOW);

  it('kill -9 during an update leaves the previous version intact, and the next run completes', async () => {
    const el = '/us/nsfreg_bis_entity_list_2026-07-09.json';
    const next = entityListToday().replace(NEW_PARTY, 'Aurelian Deposition Systems');
    // Runs on its own too: make sure the store holds a version of every list first.
    if ((await versionCount()) === 0) {
      srv.routes.set(el, { body: entityListToday(), etag: true });
      expect(await run(['lists', 'update', '--sources', sourcesFile, '--db', db]).code).toBe(0);
    }
    const latestEntityList = async () => {
      const store = await openStore(db);
      try {
        return { v: (await store.latestListVersions()).find((x) => x.list === 'us.bis.entity-list')!, audit: await store.verifyAudit() };
      } finally {
        await store.close();
      }
    };
    const was = (await latestEntityList()).v;
    // The download starts and never finishes: the process is killed while it is in flight.
    srv.routes.set(el, { body: next, stallAfter: 4096 });
    const before = await versionCount();
    const asked = srv.requests.filter((r) => r.path === el).length;
    const child = spawn(process.execPath, [BIN, 'lists', 'update', '--sources', sourcesFile, '--db', db], { env: { ...process.env, NO_COLOR: '1' } });
    await new Promise<void>((resolveWait, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (srv.requests.filter((r) => r.path === el).length > asked) {
          clearInterval(poll);
          setTimeout(resolveWait, 500);
        } else if (Date.now() - started > SLOW - 60_000) {
          clearInterval(poll);
          reject(new Error('the update never asked for the Entity List'));
        }
      }, 200);
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await versionCount()).toBe(before);
    const after = await latestEntityList();
    expect(after.audit.ok).toBe(true);
    expect(after.v).toMatchObject({ id: was.id, entries: was.entries, hash: was.hash });
    srv.routes.set(el, { body: next, etag: true });
    const again = await run(['lists', 'update', '--sources', sourcesFile, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const s = await run(['screen', 'Aurelian Deposition Systems', '--json', '--db', db]);
    expect((JSON.parse(s.stdout) as { hits: { list: string; score: number }[] }).hits[0]).toMatchObject({ list: 'us.bis.entity-list', score: 1 });
  }, SLOW);

  it('a bad sources file is exit 2 naming the line and field', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'sources:\n  - id: eu.fsf\n    format: csl-csv\n    url: gopher://example/x\n');
    const r = await run(['lists', 'update', '--sources', bad, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4 sources\.0\.url: must be an http/);
    const env = spawnSync(process.execPath, [BIN, 'lists', 'update', '--db', db], { encoding: 'utf8', env: { ...process.env, REDLINE_LIST_SOURCES: bad } });
    expect(env.status).toBe(2);
  }, SLOW);
});
