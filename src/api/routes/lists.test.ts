import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../store/updates/fixture-server.js';
import { updateLists, type ListSource } from '../../store/index.js';
import { startTestServer, type TestServer } from '../test-server.js';

const names = (n: number, extra: string[] = []) => [...Array.from({ length: n }, (_, i) => `Fixture Party ${i} Trading LLC`), ...extra];
const csv = (list: string[]) => ['name,country', ...list.map((n) => `${n},IR`)].join('\n') + '\n';

let t: TestServer;
let srv: FixtureServer;
let source: ListSource;

beforeAll(async () => {
  t = await startTestServer();
  srv = await startFixtureServer();
  srv.routes.set('/eu.csv', { body: csv(names(10)), etag: true });
  source = { id: 'eu.fsf', format: 'plain-csv', list: 'eu.fsf', url: `${srv.url}/eu.csv`, enabled: true } as ListSource;
}, 120_000);
afterAll(async () => {
  await t.close();
  await srv.close();
});

const get = (url: string, auth = true) => t.server.app.inject({ method: 'GET', url, headers: auth ? t.auth('viewer') : {} });
const fast = { sleep: async () => undefined, backoffMs: 1, timeoutMs: 5_000 };

describe('lists in the API', () => {
  it('GET /v1/health is degraded while the bundled snapshots are past the maximum age, and says why', async () => {
    const r = await get('/v1/health', false);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.status).toBe('degraded');
    expect(body.reasons.join('\n')).toMatch(/us\.bis\.entity-list is \d+ days old/);
    expect((await get('/healthz', false)).statusCode).toBe(200);
  });

  it('switches to a new version while requests keep being answered, and GET /v1/lists shows it', async () => {
    const statuses: number[] = [];
    let done = false;
    const driver = (async () => {
      while (!done) {
        const r = await t.server.app.inject({ method: 'POST', url: '/v1/screen', headers: t.auth('viewer'), payload: { name: 'Fixture Party 10 Trading LLC' } });
        statuses.push(r.statusCode);
        await new Promise((res) => setImmediate(res));
      }
    })();
    const first = await updateLists(t.ts.store, [source], { fetch: fast });
    expect(first.sources[0]!.status).toBe('updated');
    srv.routes.set('/eu.csv', { body: csv(names(10, ['Fixture Party 10 Trading LLC'])), etag: true });
    const second = await updateLists(t.ts.store, [source], { fetch: fast });
    expect(second.sources[0]!.lists[0]).toMatchObject({ added: 1, removed: 0 });
    expect(await t.server.refreshLists()).toBe(true);
    done = true;
    await driver;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const hit = await t.server.app.inject({ method: 'POST', url: '/v1/screen', headers: t.auth('viewer'), payload: { name: 'Fixture Party 10 Trading LLC' } });
    expect(hit.json().hits[0]).toMatchObject({ list: 'eu.fsf', score: 1 });

    const lists = (await get('/v1/lists')).json();
    const eu = lists.lists.find((l: { list: string }) => l.list === 'eu.fsf');
    expect(eu).toMatchObject({ version: 2, entries: 11, source: 'eu.fsf', sourceDateKind: 'fetched', stale: false, lastFailureAt: null });
    expect(eu.serving.hash).toBeTruthy();
    expect(lists.sources.map((s: { id: string }) => s.id)).toEqual(['eu.fsf']);
  }, 120_000);

  it('a failed update makes /v1/health degraded naming the source', async () => {
    srv.routes.set('/eu.csv', { body: '<html><body>Maintenance</body></html>' });
    const r = await updateLists(t.ts.store, [source], { fetch: fast });
    expect(r.sources[0]!.status).toBe('refused');
    const h = (await get('/v1/health', false)).json();
    expect(h.reasons.join('\n')).toMatch(/the last update of eu\.fsf was refused/);
    expect((await get('/v1/lists', false)).statusCode).toBe(401);
  });
});
