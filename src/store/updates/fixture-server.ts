import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server answers for one path. */
export interface FixtureRoute {
  body: Buffer | string;
  status?: number;
  contentType?: string;
  /** Send an ETag (the body's hash) and honour If-None-Match. */
  etag?: boolean;
  /** Send this Last-Modified and honour If-Modified-Since. */
  lastModified?: Date;
  /** Send this many bytes, then hold the connection open (never finish): a download in flight. */
  stallAfter?: number;
  /** Fail the first n requests with 503 (retry tests). */
  failFirst?: number;
}

export interface FixtureServer {
  url: string;
  routes: Map<string, FixtureRoute>;
  /** Requests seen per path, with their conditional headers. */
  requests: { path: string; ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined }[];
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 (ephemeral port) serving list files the way publishers do: tests never need the internet. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureRoute>();
  const requests: FixtureServer['requests'] = [];
  const failures = new Map<string, number>();
  const open = new Set<ServerResponse>();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    requests.push({ path, ifNoneMatch: typeof inm === 'string' ? inm : undefined, ifModifiedSince: ims });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const failed = failures.get(path) ?? 0;
    if (route.failFirst && failed < route.failFirst) {
      failures.set(path, failed + 1);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('try later');
      return;
    }
    const body = Buffer.isBuffer(route.body) ? route.body : Buffer.from(route.body);
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/octet-stream' };
    if (route.etag) headers.etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (route.lastModified) headers['last-modified'] = route.lastModified.toUTCString();
    if ((route.etag && inm === headers.etag) || (!route.etag && route.lastModified && ims && Date.parse(ims) >= Math.floor(route.lastModified.getTime() / 1000) * 1000)) {
      res.writeHead(304, headers).end();
      return;
    }
    if (route.stallAfter !== undefined) {
      res.writeHead(route.status ?? 200, { ...headers, 'content-length': String(body.length) });
      res.write(body.subarray(0, route.stallAfter));
      open.add(res);
      return;
    }
    res.writeHead(route.status ?? 200, { ...headers, 'content-length': String(body.length) }).end(body);
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    async close() {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
