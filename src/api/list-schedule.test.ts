import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../bundle/paths.js';
import { openTestStore, type TestStore } from '../store/testing.js';
import { startFixtureServer, type FixtureServer } from '../store/updates/fixture-server.js';
import type { UpdateReport } from '../store/index.js';
import { createServer, type RedlineServer } from './server.js';

/**
 * `serve` runs `lists update` on its schedule and switches to the new lists without a restart;
 * requests sent all the while — before, during and after the new version loads and the screener
 * over it is built — all succeed, and the answers change once the new version is in force.
 */
const NEW_PARTY = 'Quillon Hexaphase Deposition Works';
const today = new Date().toISOString().slice(0, 10);

function entityListWithNewParty(): string {
  const el = JSON.parse(readFileSync(join(LISTS_DIR, 'us/nsfreg_bis_entity_list_2026-07-09.json'), 'utf8')) as { extracted: string; count: number; entities: unknown[] };
  el.extracted = today;
  el.entities.push({ name: NEW_PARTY, aliases: [], country: 'China', address: 'Wuxi, Jiangsu, China', status: null, effective_date: today, federal_register: '91 FR 99998', notes: 'For all items subject to the EAR.' });
  el.count = el.entities.length;
  return JSON.stringify(el);
}

describe('scheduled list updates inside serve', () => {
  let ts: TestStore;
  let srv: FixtureServer;
  let server: RedlineServer;
  let dir: string;
  let base: string;
  let key: string;
  const reports: UpdateReport[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-schedule-'));
    ts = await openTestStore('sqlite');
    srv = await startFixtureServer();
    srv.routes.set('/el.json', { body: entityListWithNewParty(), etag: true });
    writeFileSync(join(dir, 's.yaml'), `sources:\n  - id: us.bis.entity-list\n    format: extract-json\n    url: ${srv.url}/el.json\n`);
    server = await createServer({
      store: ts.store,
      uploadsDir: join(dir, 'uploads'),
      batchMode: 'inline',
      webDir: join(dir, 'no-web'),
      listRefreshMs: 0, // only the schedule switches lists here
      listUpdateIntervalMs: 3_600_000,
      listUpdateFirstRunMs: 1_500,
      listSources: join(dir, 's.yaml'),
      onListUpdate: (r) => reports.push(r),
    });
    key = (await ts.store.createApiKey({ role: 'viewer' })).key;
    base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await srv?.close();
    await ts?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('switches to the new Entity List on schedule, and no request fails during the switch', async () => {
    const tx = { date: today, from: 'US', to: 'CN', items: [{ kind: 'ic', name: 'microcontroller', eccn: 'EAR99' }], parties: [{ role: 'end_user', name: NEW_PARTY, country: 'CN' }] };
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const results: { status: number; listed: boolean; phase: 'before' | 'after'; sent: number; at: number }[] = [];
    const errors: unknown[] = [];
    const started = Date.now();
    // Requests one after another, with a few in parallel, until the update is reported and a few more after it.
    const worker = async () => {
      let extra = 0;
      while (Date.now() - started < 150_000 && extra < 3) {
        const phase = reports.length ? 'after' : 'before';
        const sent = Date.now();
        if (phase === 'after') extra++;
        try {
          const [check, screen] = await Promise.all([
            fetch(`${base}/v1/check`, { method: 'POST', headers, body: JSON.stringify(tx) }),
            fetch(`${base}/v1/screen`, { method: 'POST', headers, body: JSON.stringify({ name: NEW_PARTY }) }),
          ]);
          const d = (await check.json()) as { jurisdictions?: { findings: { measure: string }[] }[] };
          await screen.arrayBuffer();
          const listed = (d.jurisdictions ?? []).some((j) => j.findings.some((f) => f.measure === 'us.ear.744.11.entity-list'));
          results.push({ status: Math.max(check.status, screen.status), listed, phase, sent, at: Date.now() });
        } catch (err) {
          errors.push(err);
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);

    expect(errors).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.sources[0]).toMatchObject({ source: 'us.bis.entity-list', status: 'updated' });
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    // Answered from the bundled list before the switch, from the new version after it — no restart.
    // (A request sent just before the update was reported may already be answered from the new version.)
    expect(results[0]).toMatchObject({ phase: 'before', listed: false });
    const after = results.filter((r) => r.phase === 'after');
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after.every((r) => r.listed)).toBe(true);
    // Once an answer came from the new version, no request sent after it was answered from the old one.
    const firstListed = Math.min(...results.filter((r) => r.listed).map((r) => r.at));
    expect(results.filter((r) => r.sent > firstListed && !r.listed)).toEqual([]);
    const lists = (await (await fetch(`${base}/v1/lists`, { headers })).json()) as { lists: { list: string; version: number; sourceDate: string }[] };
    expect(lists.lists.find((l) => l.list === 'us.bis.entity-list')).toMatchObject({ version: 2, sourceDate: today });
  }, 200_000);
});
