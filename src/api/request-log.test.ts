import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from './app.js';
import { installErrorHandlers } from './errors.js';
import { createServer, type RedlineServer } from './server.js';
import { openTestStore, type TestStore } from '../store/testing.js';

function capture(): { stream: PassThrough; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d) => (text += d));
  return { stream, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

let ts: TestStore;
let server: RedlineServer;
const log = capture();
let key: string;
beforeAll(async () => {
  ts = await openTestStore('sqlite');
  server = await createServer({ store: ts.store, uploadsDir: mkdtempSync(join(tmpdir(), 'redline-log-uploads-')), batchMode: 'inline', webDir: '/nonexistent', logger: log.stream });
  key = (await ts.store.createApiKey({ role: 'viewer', name: 'log test' })).key;
  await server.app.ready();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ts?.cleanup();
});

describe('500s were logged nowhere: structured request logs with request ids, never a key', () => {
  it('logs each request and answer as JSON with one request id, sent back as x-request-id; the key never appears', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/rules', headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = log.lines().filter((l) => l.requestId === id);
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect((mine[1]!.res as { statusCode: number }).statusCode).toBe(200);
    expect(JSON.stringify(log.lines())).not.toContain(key);
  });

  it('every 5xx is logged with its stack and request id; the answer says only "internal"', async () => {
    const out = capture();
    const app = Fastify({ logger: loggerOptions(out.stream), genReqId: () => 'req-1', requestIdLogLabel: 'requestId' });
    installErrorHandlers(app);
    app.get('/boom', async () => {
      throw new Error('kaboom in the engine');
    });
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { authorization: 'Bearer rl_secret_key' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal' });
    const err = out.lines().find((l) => l.level === 50)!;
    expect(err.requestId).toBe('req-1');
    expect((err.err as { stack: string }).stack).toMatch(/kaboom in the engine\n\s+at /);
    expect(JSON.stringify(out.lines())).not.toContain('rl_secret_key');
    await app.close();
  });
});
