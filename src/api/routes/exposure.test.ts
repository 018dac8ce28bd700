import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { createServer, type RedlineServer } from '../server.js';
import { MAX_EXPOSURE_LINES, readBookLimited } from './exposure.js';

// POST /v1/exposure through the real app (fastify inject), on a temporary SQLite store.
let dir: string;
let store: Store;
let server: RedlineServer;
let analyst: string;
let viewer: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-exposure-api-'));
  store = await openStore(join(dir, 'redline.sqlite'));
  server = await createServer({ store, uploadsDir: join(dir, 'uploads'), batchMode: 'inline', webDir: join(dir, 'no-web') });
  analyst = (await store.createApiKey({ role: 'analyst' })).key;
  viewer = (await store.createApiKey({ role: 'viewer' })).key;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const BOOK = [
  'id,date,from,to,model,quantity,value,currency,end_use,end_user_name,end_user_country,end_user_headquarters',
  'SO-1,2024-03-01,US,CN,NVIDIA H100 SXM5 80GB,8,240000,USD,datacenter,Example Cloud Co. Ltd.,CN,CN',
  'SO-2,2024-03-02,US,DE,NVIDIA L4,10,26000,USD,datacenter,Beispiel Rechenzentrum GmbH,DE,DE',
  'SO-3,2024-03-03,US,CN,NVIDIA H1000,1,5,USD,,,,',
].join('\n');

function post(query: string, body: string, key = analyst, contentType = 'text/csv') {
  return server.app.inject({ method: 'POST', url: `/v1/exposure${query}`, payload: body, headers: { authorization: `Bearer ${key}`, 'content-type': contentType } });
}

describe('POST /v1/exposure', () => {
  it('compares a book under two dates: flips, the measures behind them, the lines it could not read', async () => {
    const res = await post('?asOf=2022-06-01&compareAsOf=2026-09-30', BOOK);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.base.asOf).toBe('2022-06-01');
    expect(c.compare.asOf).toBe('2026-09-30');
    expect(c.base.total.total).toEqual({ count: 2, value: 266000 });
    const flip = c.flips.find((f: { id: string }) => f.id === 'SO-1');
    expect(flip).toMatchObject({ before: 'no_license_required', direction: 'stricter' });
    expect(flip.added).toContain('us.ear.ac.license.d-groups');
    expect(c.compare.errors).toEqual([expect.objectContaining({ row: 3, id: 'SO-3', message: expect.stringContaining('H1000') })]);
  });

  it('answers one report for one date, and reads JSON Lines too', async () => {
    const jsonl = `${JSON.stringify({ id: 't', to: 'CN', items: [{ model: 'NVIDIA H100 SXM5 80GB' }], value: 10 })}\n`;
    const res = await post('?asOf=2026-09-30', jsonl, analyst, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ asOf: '2026-09-30', total: { total: { count: 1, value: 10 } } });
  });

  it('the example book answers with a picture, not a wall of review: old lists are one caveat', async () => {
    const book = readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'examples', 'order-book-exposure.csv'), 'utf8');
    const res = await post('?asOf=2026-09-30', book);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.total.total.count).toBe(3000);
    expect(r.total.outcomes.no_license_required.count).toBeGreaterThan(0);
    expect(r.total.outcomes.license_required.count).toBeGreaterThan(0);
    expect(r.by.measure.map((g: { key: string }) => g.key)).not.toContain('redline.lists.stale');
  });

  it('names what is wrong: a bad date, an unknown column, a viewer key', async () => {
    expect((await post('?asOf=2026-02-30', BOOK)).json().problems[0].path).toBe('asOf');
    expect((await post('', 'id,to,colour\n1,CN,red\n')).json().problems[0].message).toContain('unknown column colour');
    expect((await post('', BOOK, viewer)).statusCode).toBe(403);
  });
});

describe('/v1/exposure read a whole 59 MB upload (1.2 GB of memory) before its 20,000-line limit', () => {
  it('stops reading at the first line over the limit: of a million-line book, it has taken no more than the limit when it refuses', async () => {
    let produced = 0;
    let producedAtRefusal = -1;
    const line = 'SO-1,2024-03-01,US,CN,NVIDIA H100 SXM5 80GB,8,240000,USD,datacenter,Example Cloud Co. Ltd.,CN,CN\n';
    const book = Readable.from(
      (function* () {
        yield 'id,date,from,to,model,quantity,value,currency,end_use,end_user_name,end_user_country,end_user_headquarters\n';
        for (let i = 0; i < 1_000_000; i += 100) {
          produced += 100;
          yield line.repeat(100);
        }
      })(),
      { objectMode: false },
    );
    await expect(
      readBookLimited(book, MAX_EXPOSURE_LINES, 1 << 30).catch((e: Error) => {
        producedAtRefusal = produced;
        throw e;
      }),
    ).rejects.toThrow(`more than ${MAX_EXPOSURE_LINES} lines`);
    expect(producedAtRefusal).toBeGreaterThan(MAX_EXPOSURE_LINES);
    expect(producedAtRefusal).toBeLessThan(MAX_EXPOSURE_LINES + 1000);
  });

  it('takes exactly the limit plus a header, and does not count blank lines', async () => {
    const ok = await readBookLimited(Readable.from(['h\n', 'a\n\n  \r\n', 'b\nc\n', 'd']), 4, 1000);
    expect(ok).toBe('h\na\n\n  \r\nb\nc\nd');
    await expect(readBookLimited(Readable.from(['h\na\nb\nc\nd\ne']), 4, 1000)).rejects.toThrow('more than 4 lines');
    await expect(readBookLimited(Readable.from(['h\na\n', 'b'.repeat(2000)]), 4, 1000)).rejects.toMatchObject({ statusCode: 413 });
  });

  it('answers 400 through the API for a book of 20,001 lines, naming the limit', async () => {
    const lines = Array.from({ length: MAX_EXPOSURE_LINES + 1 }, (_, i) => `SO-${i},2024-03-01,US,DE,NVIDIA L4,1,2600,USD,,,,`);
    const res = await post('?asOf=2026-09-30', [BOOK.split('\n')[0], ...lines].join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0].message).toContain(`more than ${MAX_EXPOSURE_LINES} lines`);
  });
});

describe('a JSONL book with a BOM turned row 1 into an error (exposure)', () => {
  it('reads the first line of a JSON Lines book that starts with a byte-order mark', async () => {
    const jsonl = `\uFEFF${JSON.stringify({ id: 't', to: 'CN', items: [{ model: 'NVIDIA H100 SXM5 80GB' }], value: 10 })}\n`;
    const res = await post('?asOf=2026-09-30', jsonl, analyst, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: { total: { count: 1, value: 10 } }, errors: [] });
  });
});

describe('an unknown 10 MB header was echoed back', () => {
  it('a 10 MB unknown column in an exposure or batch upload is refused with a short answer', async () => {
    const huge = 'x'.repeat(10_000_000);
    for (const url of ['/v1/exposure', '/v1/batches']) {
      const res = await server.app.inject({ method: 'POST', url, payload: `id,to,model,${huge}\n1,CN,L4,1\n`, headers: { authorization: `Bearer ${analyst}`, 'content-type': 'text/csv' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.body.length, url).toBeLessThan(4000);
      expect(res.body, url).toContain('xxxx');
    }
  });
});
