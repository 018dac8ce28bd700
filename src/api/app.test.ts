import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from './app.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ batchBytes: 256 * 1024 });
}, 120_000);
afterAll(async () => t?.close());

const tx = (over: Record<string, unknown> = {}) => ({
  id: 'SO-1',
  date: '2026-09-30',
  from: 'US',
  to: 'CN',
  items: [{ model: 'NVIDIA H100 SXM5 80GB' }],
  parties: [{ role: 'end_user', name: '华为技术有限公司', country: 'CN' }],
  ...over,
});

async function call(method: 'GET' | 'POST', url: string, role?: 'viewer' | 'analyst' | 'admin', payload?: unknown, headers: Record<string, string> = {}) {
  const res = await t.server.app.inject({ method, url, headers: { ...(role ? t.auth(role) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, served without a key', async () => {
    const r = await call('GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    const v = new Validator();
    const res = await v.validate(r.body as Parameters<Validator["validate"]>[0]);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect((r.body as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('documents every route the server has, and only those', async () => {
    const doc = (await call('GET', '/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)).sort();
    const served = routesOf(t.server.app).filter((r) => r.url.startsWith('/v1') || r.url === '/healthz').map((r) => `${r.method} ${r.url}`).sort();
    expect(documented).toEqual(served);
  });
});

describe('the auth matrix', () => {
  it('every keyed route: 401 without a key or with a bad one, 403 below its role, let through at its role', async () => {
    const doc = (await call('GET', '/v1/openapi.json')).body as { paths: Record<string, Record<string, { 'x-redline-role'?: string }>> };
    const ranks = ['viewer', 'analyst', 'admin'] as const;
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const role = op['x-redline-role'] as (typeof ranks)[number] | undefined;
        const url = path.replace('{id}', 'nothing-here');
        const m = method.toUpperCase() as 'GET' | 'POST';
        if (!role) {
          expect((await call(m, url)).status, `${m} ${url} is public`).toBe(200);
          continue;
        }
        expect((await call(m, url)).status, `${m} ${url} without a key`).toBe(401);
        expect((await call(m, url, undefined, undefined, { authorization: 'Bearer rl_000000000000_nope' })).status).toBe(401);
        expect((await call(m, url, undefined, undefined, { authorization: 'Basic abc' })).status).toBe(401);
        for (const r of ranks) {
          const status = (await call(m, url, r, m === 'POST' ? {} : undefined)).status;
          if (ranks.indexOf(r) < ranks.indexOf(role)) expect(status, `${m} ${url} as ${r}`).toBe(403);
          else expect([401, 403], `${m} ${url} as ${r}`).not.toContain(status);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('every keyed route answers 2xx to a good request from each role allowed to make it', async () => {
    const csv = 'id,to,date,model\nA,DE,2026-09-30,NVIDIA L4\n';
    const up = await call('POST', '/v1/batches', 'analyst', csv, { 'content-type': 'text/csv' });
    await t.server.deps.batches.idle();
    const hit = (await call('POST', '/v1/screen', 'viewer', { name: 'Huawei Technologies Co., Ltd.', country: 'CN' })).body.hits[0];
    // Two review answers open two cases; the second is cleared so that expiry and revocation have a case to act on.
    const sg = [{ role: 'end_user', name: 'Example Compute Pte. Ltd.', country: 'SG' }];
    await call('POST', '/v1/check', 'viewer', tx({ id: 'Q-1', to: 'SG', parties: sg }));
    await call('POST', '/v1/check', 'viewer', tx({ id: 'Q-2', to: 'SG', parties: sg }));
    const cases = (await call('GET', '/v1/review-cases?kind=missing_facts', 'viewer')).body.cases as { id: string; orderRef: string }[];
    const open = cases.find((c) => c.orderRef === 'Q-1')!;
    const done = cases.find((c) => c.orderRef === 'Q-2')!;
    await call('POST', `/v1/review-cases/${done.id}/decision`, 'analyst', { decision: 'cleared', reason: 'facts given by phone' });
    const good: Record<string, { payload?: unknown; headers?: Record<string, string> }> = {
      'POST /v1/check': { payload: tx({ parties: [] }) },
      'POST /v1/classify': { payload: { model: 'NVIDIA L4' } },
      'POST /v1/screen': { payload: { name: 'Example Cloud GmbH' } },
      'POST /v1/match': { payload: { a: 'Huawei', b: 'HUAWEI TECH' } },
      'POST /v1/batches': { payload: csv, headers: { 'content-type': 'text/csv' } },
      [`GET /v1/batches/${up.body.id}`]: {},
      [`GET /v1/batches/${up.body.id}/results`]: {},
      [`GET /v1/batches/${up.body.id}/errors`]: {},
      'POST /v1/exposure': { payload: csv, headers: { 'content-type': 'text/csv' } },
      'GET /v1/rules': {},
      'GET /v1/rules/timeline': {},
      'GET /v1/rules/us.ear.ac.license.d-groups': {},
      'GET /v1/audit': {},
      'GET /v1/lists': {},
      'POST /v1/audit/verify': {},
      'POST /v1/audit/anchor': {},
      'POST /v1/owners/import': { payload: 'entity,owner,share,as_of,source\nAuth Matrix Sub,Auth Matrix Parent,60,2025-01-01,test\n', headers: { 'content-type': 'text/csv' } },
      'GET /v1/owners/Auth%20Matrix%20Sub': {},
      'POST /v1/reviews': { payload: { counterparty: { name: 'Huawei Technologies Co., Ltd.', country: 'CN' }, list: hit.list, entryId: hit.entryId, decision: 'confirmed', reason: 'it is the listed entity' } },
      'GET /v1/review-cases': {},
      [`GET /v1/review-cases/${open.id}`]: {},
      [`POST /v1/review-cases/${open.id}/assign`]: { payload: { owner: 'alice' } },
      [`POST /v1/review-cases/${open.id}/comment`]: { payload: { text: 'asked the customer' } },
      [`POST /v1/review-cases/${open.id}/decision`]: { payload: { decision: 'escalated', reason: 'needs legal' } },
      [`POST /v1/review-cases/${done.id}/expiry`]: { payload: { expiresAt: '2027-01-01' } },
      [`POST /v1/review-cases/${done.id}/revoke`]: { payload: { reason: 'facts changed' } },
      'GET /v1/saved-counterparties': {},
      'POST /v1/saved-counterparties': { payload: { name: 'Example Cloud GmbH', country: 'DE', headquarters: 'DE' } },
    };
    const analyst = (r: string): [string, 'analyst'] => [r, 'analyst'];
    const need: Record<string, 'viewer' | 'analyst' | 'admin'> = {
      'POST /v1/owners/import': 'analyst', 'POST /v1/batches': 'analyst', 'POST /v1/exposure': 'analyst', 'POST /v1/reviews': 'analyst', 'POST /v1/audit/verify': 'admin', 'POST /v1/audit/anchor': 'admin',
      ...Object.fromEntries(['assign', 'comment', 'decision', 'expiry'].map((s) => analyst(`POST /v1/review-cases/${s === 'expiry' ? done.id : open.id}/${s}`))),
      'POST /v1/saved-counterparties': 'analyst',
      // Revoking a clearance is a one-time step: the second try meets a revoked case (409).
      [`POST /v1/review-cases/${done.id}/revoke`]: 'admin',
    };
    const ranks = ['viewer', 'analyst', 'admin'] as const;
    const doc = (await call('GET', '/v1/openapi.json')).body as { paths: Record<string, Record<string, { 'x-redline-role'?: string }>> };
    const keyed = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op['x-redline-role'])).filter(Boolean);
    expect(Object.keys(good)).toHaveLength(keyed.length);
    for (const [route, req] of Object.entries(good)) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      for (const r of ranks.slice(ranks.indexOf(need[route] ?? 'viewer'))) {
        const res = await call(method, url, r, req.payload, req.headers);
        expect([200, 201, 202], `${route} as ${r}: ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
      }
    }
    await t.server.deps.batches.idle();
  });

  it('413 for a body over the limit, 400 naming the field, never a stack', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const r413 = await call('POST', '/v1/screen', 'viewer', big, { 'content-type': 'application/json' });
    expect(r413.status).toBe(413);
    expect(r413.body).toEqual({ error: 'payload_too_large', message: expect.any(String) });
    const up = await call('POST', '/v1/batches', 'analyst', `to,model\n${'CN,NVIDIA H20\n'.repeat(30_000)}`, { 'content-type': 'text/csv' });
    expect(up.status).toBe(413);
    // The upload limit belongs to upload routes: CSV sent to a JSON route meets that route's 1 MiB.
    expect((await call('POST', '/v1/check', 'viewer', 'x'.repeat(1024 * 1024 + 10), { 'content-type': 'text/csv' })).status).toBe(413);
    const r400 = await call('POST', '/v1/check', 'viewer', tx({ to: 'XX', items: [{ model: 'NVIDIA H20', speed: 3 }] }));
    expect(r400.status).toBe(400);
    expect(r400.body.error).toBe('bad_request');
    expect(r400.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['items[0].speed', 'to']);
    // An unknown model carries the closest catalogue names as data, for a form to offer them.
    const model = await call('POST', '/v1/check', 'viewer', tx({ items: [{ model: 'NVIDIA H110 SXM5' }] }));
    expect(model.status).toBe(400);
    expect(model.body.problems).toEqual([{ path: 'items[0].model', message: expect.stringContaining('closest catalogue names'), suggestions: expect.arrayContaining(['NVIDIA H100 SXM5 80GB']) }]);
    // Strict inputs (issue 13): a misspelt parameter, an unknown equipment type and a misspelt facility key.
    const strict = await call('POST', '/v1/check', 'viewer', tx({ items: [{ kind: 'sme', category: 'deposition.ald', parameters: { overlay: 1.3 } }], facility: { advancedNod: true } }));
    expect(strict.status).toBe(400);
    const byPath = Object.fromEntries(strict.body.problems.map((p: { path: string; message: string }) => [p.path, p.message]));
    expect(byPath['items[0].parameters.overlay']).toContain('did you mean overlayNm?');
    expect(byPath['items[0].category']).toContain('deposition.metal_ald');
    expect(byPath['facility.advancedNod']).toContain('did you mean advancedNode?');
    const bad = await call('POST', '/v1/check', 'viewer', '{"to": ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.js|node_modules/);
  });
});

describe('endpoints', () => {
  it('GET /healthz answers without a key', async () => {
    const r = await call('GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
  });

  it('POST /v1/check determines one or many and records each with the key id', async () => {
    const one = await call('POST', '/v1/check', 'viewer', tx());
    expect(one.status).toBe(200);
    expect(one.body.outcome).toBe('license_required');
    expect(one.body.id).toBe('SO-1');
    expect(one.body.jurisdictions[0].findings.map((f: { measure: string }) => f.measure)).toContain('us.ear.744.11.entity-list');
    const rec = await t.ts.store.getAudit(one.body.auditSeq);
    expect(rec?.kind).toBe('determination');
    expect(rec?.keyId).toBe(t.keys.keyIds.viewer);
    const many = await call('POST', '/v1/check?asOf=2022-10-06', 'viewer', [tx({ id: 'a', parties: [] }), tx({ id: 'b', to: 'DE', parties: [] })]);
    expect(many.body.map((d: { id: string; asOf: string }) => [d.id, d.asOf])).toEqual([['a', '2022-10-06'], ['b', '2022-10-06']]);
    const bad = await call('POST', '/v1/check', 'viewer', [tx(), tx({ date: '2026-02-30' })]);
    expect(bad.body.problems).toEqual([{ path: '[1].date', message: expect.stringMatching(/real date/) }]);
    // An array with one unknown model records none of its transactions.
    const before = (await t.ts.store.listAudit({ kind: 'determination', limit: 1 }))[0]!.seq;
    const unknown = await call('POST', '/v1/check', 'viewer', [tx({ id: 'ok' }), tx({ items: [{ model: 'No Such Chip 9000' }] })]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems[0].path).toBe('[1].items[0].model');
    expect((await t.ts.store.listAudit({ kind: 'determination', limit: 1 }))[0]!.seq).toBe(before);
  });

  it('POST /v1/classify classifies one item or an array', async () => {
    const one = await call('POST', '/v1/classify', 'viewer', { model: 'NVIDIA H100 SXM5 80GB' });
    expect(one.body.code).toBe('3A090.a');
    const many = await call('POST', '/v1/classify', 'viewer', [{ model: 'NVIDIA L4' }, { kind: 'ic', performance: [{ bits: 8, tops: 10 }] }]);
    expect(many.body).toHaveLength(2);
    expect((await call('POST', '/v1/classify', 'viewer', { model: 'No Such Chip 9000' })).body.problems[0].path).toBe('model');
  });

  it('POST /v1/screen answers with explained hits and records the screening with the key id', async () => {
    const r = await call('POST', '/v1/screen', 'analyst', { name: '華為技術有限公司', country: 'CN', limit: 3 });
    expect(r.status).toBe(200);
    expect(r.body.query).toBe('華為技術有限公司');
    expect(r.body.hits.length).toBeLessThanOrEqual(3);
    expect(r.body.hits[0]).toMatchObject({ list: 'us.bis.entity-list', name: 'Huawei Technologies Co., Ltd.' });
    expect(r.body.hits[0].explanation.length).toBeGreaterThan(0);
    expect(r.body.hits[0].entry).toBeUndefined();
    const [rec] = await t.ts.store.listAudit({ kind: 'screening', limit: 1 });
    expect(rec?.keyId).toBe(t.keys.keyIds.analyst);
    expect(JSON.stringify(rec?.input)).toContain('華為技術有限公司');
    expect((await call('POST', '/v1/screen', 'viewer', { name: '  ' })).body.problems).toEqual([{ path: 'name', message: expect.stringMatching(/^must not be empty/) }]);
  });

  it('POST /v1/match scores two names', async () => {
    const r = await call('POST', '/v1/match', 'viewer', { a: 'Huawei Technologies Co., Ltd.', b: 'HUAWEI TECH CO LTD' });
    expect(r.body.score).toBeGreaterThan(0.9);
    expect(r.body.explanation.length).toBeGreaterThan(0);
    expect((await call('POST', '/v1/match', 'viewer', { a: 'x' })).body.problems[0].path).toBe('b');
  });

  it('GET /v1/rules, /v1/rules/:id and /v1/rules/timeline', async () => {
    const list = await call('GET', '/v1/rules?asOf=2026-09-30&jurisdiction=US', 'viewer');
    expect(list.body.measures.length).toBeGreaterThan(5);
    expect(list.body.measures.every((m: { jurisdiction: string }) => m.jurisdiction === 'US')).toBe(true);
    const one = await call('GET', '/v1/rules/us.ear.ac.license.d-groups?asOf=2026-09-30', 'viewer');
    expect(one.body.statusOn.status).toBe('in_force');
    expect((await call('GET', '/v1/rules/no.such.measure', 'viewer')).status).toBe(404);
    const tl = await call('GET', '/v1/rules/timeline?from=2022-01-01&to=2024-01-01', 'viewer');
    expect(tl.body.events.length).toBeGreaterThan(0);
    expect(tl.body.events.every((e: { date: string }) => e.date >= '2022-01-01' && e.date < '2024-01-01')).toBe(true);
    expect(tl.body.events.map((e: { event: string }) => e.event)).toContain('took_effect');
    expect(tl.body.measures.length).toBeGreaterThan(0);
    expect(tl.body.measures[0].changes.length).toBeGreaterThan(0);
    expect((await call('GET', '/v1/rules?jurisdiction=XX', 'viewer')).body.problems[0].path).toBe('jurisdiction');
  });

  it('GET /v1/audit filters by kind and pages; POST /v1/audit/verify proves the chain', async () => {
    const page = await call('GET', '/v1/audit?kind=determination&limit=1', 'viewer');
    expect(page.body.records).toHaveLength(1);
    expect(page.body.records[0].kind).toBe('determination');
    const older = await call('GET', `/v1/audit?kind=determination&limit=5&before=${page.body.records[0].seq}`, 'viewer');
    expect(older.body.records.every((r: { seq: number }) => r.seq < page.body.records[0].seq)).toBe(true);
    const future = await call('GET', '/v1/audit?from=2999-01-01', 'viewer');
    expect(future.body.records).toEqual([]);
    const v = await call('POST', '/v1/audit/verify', 'admin');
    expect(v.body.ok).toBe(true);
    expect(v.body.records).toBeGreaterThan(3);
    expect(v.body).toMatchObject({ keyed: v.body.records, unkeyed: 0, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('POST /v1/audit/anchor signs the head; POST /v1/audit/verify checks an anchor in the body and refuses a malformed one', async () => {
    const anchor = await call('POST', '/v1/audit/anchor', 'admin');
    expect(anchor.status).toBe(200);
    expect(anchor.body).toMatchObject({ format: 'redline-audit-anchor/1', algorithm: 'Ed25519', seq: expect.any(Number) });
    const v = await call('POST', '/v1/audit/verify', 'admin', { anchor: anchor.body });
    expect(v.body).toMatchObject({ ok: true, anchor: { seq: anchor.body.seq, ok: true } });
    const edited = await call('POST', '/v1/audit/verify', 'admin', { anchor: { ...anchor.body, seq: anchor.body.seq - 1 } });
    expect(edited.body).toMatchObject({ ok: false, firstBad: { problem: 'anchor' } });
    const bad = await call('POST', '/v1/audit/verify', 'admin', { anchor: { format: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].path).toBe('anchor');
  });

  it('POST /v1/reviews clears a hit for that counterparty: screening leaves it out and says so', async () => {
    const name = '华为技术有限公司';
    const before = await call('POST', '/v1/screen', 'viewer', { name, country: 'CN' });
    const hit = before.body.hits[0];
    const rev = await call('POST', '/v1/reviews', 'analyst', { counterparty: { name, country: 'CN' }, list: hit.list, entryId: hit.entryId, decision: 'cleared', reason: 'different entity, checked registry' });
    expect(rev.status).toBe(201);
    expect(rev.body.decision).toBe('cleared');
    const after = await call('POST', '/v1/screen', 'viewer', { name, country: 'CN' });
    expect(after.body.hits.map((h: { entryId: string }) => h.entryId)).not.toContain(hit.entryId);
    expect(after.body.cleared[0]).toMatchObject({ entryId: hit.entryId, reviewId: rev.body.id });
    const missing = await call('POST', '/v1/reviews', 'analyst', { counterparty: { name }, list: hit.list, entryId: 'nope', decision: 'confirmed', reason: 'x' });
    expect(missing.body.problems[0].path).toBe('entryId');
  });

  it('POST /v1/batches takes a CSV book; status and results follow, one answer per row', async () => {
    const csv = 'id,to,date,model,end_user_name,end_user_country\nA,CN,2026-09-30,NVIDIA H20,Example Ltd,CN\nB,XX,2026-09-30,NVIDIA L4,,\nC,DE,2026-09-30,NVIDIA L4,Example GmbH,DE\n';
    const up = await call('POST', '/v1/batches', 'analyst', csv, { 'content-type': 'text/csv' });
    expect(up.status).toBe(202);
    await t.server.deps.batches.idle();
    const s = await call('GET', `/v1/batches/${up.body.id}`, 'viewer');
    expect(s.body).toMatchObject({ status: 'done', rows: 3, done: 3, ok: 2, errors: 1 });
    const res = await call('GET', `/v1/batches/${up.body.id}/results`, 'viewer');
    expect(res.body.rows.map((r: { row: number }) => r.row)).toEqual([1, 2, 3]);
    expect(res.body.rows[1].problems[0].path).toBe('to');
    expect(res.body.next).toBeNull();
    const errs = await call('GET', `/v1/batches/${up.body.id}/errors`, 'viewer');
    expect(errs.body.rows.map((r: { row: number }) => r.row)).toEqual([2]);
    // Each answered row is a determination in the audit log, with the uploading key and its batch row.
    const recorded = await t.ts.store.listAudit({ kind: 'determination', keyId: t.keys.keyIds.analyst, limit: 10 });
    const rows = recorded.filter((r) => (r.meta as { batch?: { jobId: string } } | null)?.batch?.jobId === up.body.id);
    expect(rows.map((r) => (r.meta as { batch: { rowNo: number } }).batch.rowNo).sort()).toEqual([1, 3]);
    expect((await call('GET', '/v1/batches/nope', 'viewer')).status).toBe(404);
    const badHeader = await call('POST', '/v1/batches', 'analyst', 'to,colour\nCN,red\n', { 'content-type': 'text/csv' });
    expect(badHeader.body.problems[0].path).toMatch(/colour/);
  });
});

describe('lists loaded while the server runs', () => {
  it('take effect at the next refresh, without a restart', async () => {
    const name = 'Zyxwv Quantum Widgets Ltd';
    expect((await call('POST', '/v1/screen', 'viewer', { name })).body.hits).toEqual([]);
    await t.ts.store.addListVersion({
      list: 'test.watch',
      title: 'A list loaded by another process',
      sourceDate: new Date().toISOString().slice(0, 10),
      entries: [{ id: 'test.watch:1', list: 'test.watch', name, altNames: [], countries: ['CN'], addresses: [] }],
    });
    expect(await t.server.refreshLists()).toBe(true);
    expect(await t.server.refreshLists()).toBe(false);
    const after = await call('POST', '/v1/screen', 'viewer', { name });
    expect(after.body.hits[0]).toMatchObject({ list: 'test.watch', entryId: 'test.watch:1', score: 1 });
  });
});

describe('limits that need their own server', () => {
  it('429 past the per-key rate limit, for that key only', async () => {
    const small = await startTestServer({ rateMax: 3, rateWindowMs: 60_000 });
    try {
      const go = (role: 'viewer' | 'analyst') => small.server.app.inject({ method: 'POST', url: '/v1/match', headers: small.auth(role), payload: { a: 'a', b: 'b' } });
      for (let i = 0; i < 3; i++) expect((await go('viewer')).statusCode).toBe(200);
      const limited = await go('viewer');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'rate_limited' });
      expect((await go('analyst')).statusCode).toBe(200);
      expect((await small.server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  }, 120_000);

  it('500 is only { error: "internal" }, whatever went wrong inside', async () => {
    const original = t.server.deps.screenCache.screen;
    t.server.deps.screenCache.screen = () => {
      throw new Error('secret detail at /srv/redline/src/x.ts:12');
    };
    try {
      const r = await call('POST', '/v1/screen', 'viewer', { name: 'anything new 123' });
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: 'internal' });
    } finally {
      t.server.deps.screenCache.screen = original;
    }
  });
});
