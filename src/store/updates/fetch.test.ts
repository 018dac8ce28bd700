import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { EnvHttpProxyAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFile } from './fetch.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { DEFAULT_LIST_UPDATE_INTERVAL_MS, parseInterval } from './schedule.js';

let srv: FixtureServer;
let proxy: Server;
let proxyUrl: string;
const seenByProxy: string[] = [];

beforeAll(async () => {
  srv = await startFixtureServer();
  srv.routes.set('/a.csv', { body: 'name\nA\n', etag: true });
  // A forward proxy on 127.0.0.1: it tunnels CONNECT (as undici's ProxyAgent asks) and notes where to.
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket, head) => {
    seenByProxy.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await srv.close();
  await new Promise((r) => proxy.close(r));
});

describe('fetchFile', () => {
  it('does a conditional GET: 304 when the ETag still holds', async () => {
    const first = await fetchFile(`${srv.url}/a.csv`);
    expect(first.status).toBe('fetched');
    const etag = first.status === 'fetched' ? first.file.etag : null;
    expect(etag).toBeTruthy();
    expect((await fetchFile(`${srv.url}/a.csv`, { etag })).status).toBe('not_modified');
  });

  it('goes through HTTP_PROXY, and not for a host in NO_PROXY', async () => {
    const via = new EnvHttpProxyAgent({ httpProxy: proxyUrl, noProxy: '' });
    const r = await fetchFile(`${srv.url}/a.csv`, { dispatcher: via });
    expect(r.status === 'fetched' && r.file.bytes.toString()).toBe('name\nA\n');
    expect(seenByProxy).toEqual([srv.url.replace('http://', '')]);
    const direct = new EnvHttpProxyAgent({ httpProxy: proxyUrl, noProxy: '127.0.0.1' });
    const d = await fetchFile(`${srv.url}/a.csv`, { dispatcher: direct });
    expect(d.status === 'fetched' && d.file.bytes.toString()).toBe('name\nA\n');
    expect(seenByProxy).toHaveLength(1);
    await via.close();
    await direct.close();
  });

  it('reads file:// URLs with the file time, and names a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-fetch-'));
    try {
      writeFileSync(join(dir, 'x.csv'), 'name\nB\n');
      const r = await fetchFile(pathToFileURL(join(dir, 'x.csv')).toString());
      expect(r.status === 'fetched' && r.file.fileModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await expect(fetchFile(pathToFileURL(join(dir, 'none.csv')).toString())).rejects.toThrow(/none\.csv: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('times out a server that stops sending, and retries a broken download', async () => {
    srv.routes.set('/stall.csv', { body: 'x'.repeat(10_000), stallAfter: 100 });
    await expect(fetchFile(`${srv.url}/stall.csv`, { timeoutMs: 300, retries: 1, backoffMs: 1 })).rejects.toThrow(/stall\.csv: .*(timed out|broke off).*after 2 attempts/);
  });
});

describe('parseInterval', () => {
  it('reads units, off and the default', () => {
    expect(parseInterval('6h')).toBe(6 * 3_600_000);
    expect(parseInterval('30m')).toBe(1_800_000);
    expect(parseInterval('90')).toBe(90_000);
    expect(parseInterval('off')).toBe(0);
    expect(parseInterval('0')).toBe(0);
    expect(parseInterval(undefined)).toBe(process.env.REDLINE_LIST_UPDATE_INTERVAL ? parseInterval(process.env.REDLINE_LIST_UPDATE_INTERVAL) : DEFAULT_LIST_UPDATE_INTERVAL_MS);
    expect(() => parseInterval('500ms')).toThrow(/at least 1s/);
    expect(() => parseInterval('soon')).toThrow(/--list-update-interval/);
  });

  it('round-trips any whole number of minutes and never accepts junk', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => parseInterval(`${n}m`) === n * 60_000));
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const ms = parseInterval(s === '' ? 'x' : s);
          return ms === 0 || ms >= 1000;
        } catch (e) {
          return /not an interval/.test((e as Error).message);
        }
      }),
    );
  });
});
