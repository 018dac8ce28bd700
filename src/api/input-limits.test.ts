import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => t?.close());

const tx = (over: Record<string, unknown> = {}) => ({
  to: 'CN',
  items: [{ model: 'NVIDIA H100 SXM5 80GB' }],
  parties: [{ role: 'end_user', name: 'Example Cloud Ltd', country: 'CN' }],
  ...over,
});

async function check(body: unknown) {
  const res = await t.server.app.inject({ method: 'POST', url: '/v1/check', headers: t.auth('viewer'), payload: body as object });
  return { status: res.statusCode, text: res.body, json: res.json() as { problems?: { path: string; message: string }[] } };
}

describe('one viewer key stalled the server: a 1 MB model name on /v1/check was searched on the event loop and echoed whole', () => {
  it('a 1 MB model name is a 400 naming the field, quoting none of it', async () => {
    const r = await check(tx({ items: [{ model: 'NVIDIA H100 '.repeat(90_000).slice(0, 1_000_000) }] }));
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual([{ path: 'items[0].model', message: 'must be at most 200 characters' }]);
    expect(r.text.length).toBeLessThan(500);
  });

  it('a 1 MB name on /v1/screen and /v1/match is a 400 naming the field, however the body is chunked', async () => {
    const long = '华为 '.repeat(100_000);
    const body = Buffer.from(JSON.stringify({ a: 'Huawei', b: long }));
    const chunks = [body.subarray(0, 7), body.subarray(7, 70_001), body.subarray(70_001)];
    const res = await t.server.app.inject({ method: 'POST', url: '/v1/match', headers: { ...t.auth('viewer'), 'content-type': 'application/json' }, payload: Readable.from(chunks) });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([{ path: 'b', message: 'must be at most 500 characters' }]);
    const screen = await t.server.app.inject({ method: 'POST', url: '/v1/screen', headers: t.auth('viewer'), payload: { name: long } });
    expect(screen.json().problems).toEqual([{ path: 'name', message: 'must be at most 500 characters' }]);
  });

  it('a body that is one string over the body limit is refused 413 even without a content-length', async () => {
    const body = Buffer.from(JSON.stringify({ to: 'CN', items: [{ model: 'x'.repeat(1_200_000) }], parties: [] }));
    const res = await t.server.app.inject({ method: 'POST', url: '/v1/check', headers: { ...t.auth('viewer'), 'content-type': 'application/json' }, payload: Readable.from([body.subarray(0, 500_000), body.subarray(500_000)]) });
    expect(res.statusCode).toBe(413);
  });

  it('an unknown 100 kB field name is echoed cut short', async () => {
    const r = await check({ ...tx(), ['k'.repeat(100_000)]: 1 });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual([{ path: `${'k'.repeat(60)}…`, message: expect.stringMatching(/^unknown field/) }]);
  });

  it('/healthz still answers after it', async () => {
    const res = await t.server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });
});

describe('invisible names screened clear on the API', () => {
  for (const name of ['\u200b', '\u2060\u200d']) {
    it(`a party named ${JSON.stringify(name)} is refused like an empty name, not screened`, async () => {
      const r = await check(tx({ parties: [{ role: 'end_user', name, country: 'CN' }] }));
      expect(r.status).toBe(400);
      expect(r.json.problems).toEqual([{ path: 'parties[0].name', message: expect.stringMatching(/must not be empty/) }]);
    });
    it(`POST /v1/screen refuses ${JSON.stringify(name)}`, async () => {
      const res = await t.server.app.inject({ method: 'POST', url: '/v1/screen', headers: t.auth('viewer'), payload: { name } });
      expect(res.statusCode).toBe(400);
    });
  }
});

describe('no security headers', () => {
  it('every answer carries helmet’s headers: CSP, nosniff, no framing, no referrer', async () => {
    for (const url of ['/healthz', '/v1/openapi.json', '/v1/nothing']) {
      const res = await t.server.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });
});

describe('wrong-key requests were never rate-limited', () => {
  it('past the limit of failed key checks an address gets 429 with Retry-After, without its key being checked', async () => {
    const s = await startTestServer({ authFailureMax: 5 });
    try {
      const get = (authorization?: string) => s.server.app.inject({ method: 'GET', url: '/v1/rules', headers: authorization ? { authorization } : {} });
      expect((await get(s.auth('viewer').authorization)).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await get(i % 2 ? undefined : 'Bearer rl_000000000000_guess')).statusCode).toBe(401);
      const blocked = await get('Bearer rl_000000000000_guess');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((blocked.json() as { error: string }).error).toBe('rate_limited');
      // Public routes stay open.
      expect((await s.server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  }, 120_000);
});
