import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EnvHttpProxyAgent, interceptors, request, type Dispatcher } from 'undici';

/** A download of one file: its bytes and the validators to ask with next time. */
export interface FetchedFile {
  url: string;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
  /** A local file's modification time (file:// and --from-dir). */
  fileModified: string | null;
  contentType: string | null;
}

export type FetchOutcome = { status: 'not_modified' } | { status: 'fetched'; file: FetchedFile };

export interface FetchOptions {
  /** Per attempt: no answer (headers) or no body progress for this long fails the attempt. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, 5xx and 429. */
  retries: number;
  /** First wait between attempts; doubles each time. */
  backoffMs: number;
  /** A larger body is refused (and never fully read). */
  maxBytes: number;
  /** From the last complete download, for a conditional GET. */
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
  dispatcher?: Dispatcher | undefined;
  /** Waits between attempts (tests pass one that does not sleep). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Stops the download and any retry (a server shutting down does not wait out a stalled source). */
  signal?: AbortSignal | undefined;
}

export const DEFAULT_FETCH_OPTIONS: Omit<FetchOptions, 'etag' | 'lastModified'> = {
  timeoutMs: 120_000,
  retries: 3,
  backoffMs: 2_000,
  // OFAC's advanced XML, the largest official file here, is well under this.
  maxBytes: 256 * 1024 * 1024,
};

/** A download that did not give a usable answer (after retries): the message says why. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
  }
}

let shared: Dispatcher | undefined;

/**
 * The HTTP client every download goes through: undici, honouring HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY (EnvHttpProxyAgent), following up to five redirects (the US Treasury's download
 * addresses redirect to its list service).
 */
export function defaultDispatcher(): Dispatcher {
  shared ??= new EnvHttpProxyAgent().compose(interceptors.redirect({ maxRedirections: 5 }));
  return shared;
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function readBody(body: Dispatcher.ResponseData['body'], max: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw new FetchError(`${url}: the file is larger than the size cap of ${mib(max)} (set maxBytes on the source to allow more)`, false);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function attempt(url: string, o: FetchOptions): Promise<FetchOutcome> {
  const headers: Record<string, string> = { 'user-agent': 'redline-list-update (+https://github.com/redline)', accept: '*/*' };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, { method: 'GET', headers, dispatcher: o.dispatcher ?? defaultDispatcher(), headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, signal: o.signal });
  } catch (err) {
    throw new FetchError(`${url}: ${describeNetworkError(err)}`, true);
  }
  const header = (name: string): string | null => {
    const v = res.headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  if (res.statusCode === 304) {
    await res.body.dump();
    return { status: 'not_modified' };
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    const retriable = res.statusCode >= 500 || res.statusCode === 429 || res.statusCode === 408;
    throw new FetchError(`${url}: the server answered HTTP ${res.statusCode}`, retriable);
  }
  const declared = Number(header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    await res.body.dump().catch(() => undefined);
    throw new FetchError(`${url}: the file is ${mib(declared)}, larger than the size cap of ${mib(o.maxBytes)} (set maxBytes on the source to allow more)`, false);
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(res.body, o.maxBytes, url);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError(`${url}: the download broke off: ${describeNetworkError(err)}`, true);
  }
  if (Number.isFinite(declared) && bytes.length !== declared) {
    throw new FetchError(`${url}: the download is incomplete (${bytes.length} of ${declared} bytes)`, true);
  }
  return { status: 'fetched', file: { url, bytes, etag: header('etag'), lastModified: header('last-modified'), fileModified: null, contentType: header('content-type') } };
}

function describeNetworkError(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timed out';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (no network, or a proxy needed: set HTTPS_PROXY)';
  return [code, e.message ?? e.cause?.message].filter(Boolean).join(' ') || String(err);
}

async function readLocal(url: string, max: number): Promise<FetchOutcome> {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  try {
    const st = await stat(path);
    if (st.size > max) throw new FetchError(`${path}: the file is ${mib(st.size)}, larger than the size cap of ${mib(max)}`, false);
    const bytes = await readFile(path);
    return { status: 'fetched', file: { url, bytes, etag: null, lastModified: null, fileModified: st.mtime.toISOString(), contentType: null } };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new FetchError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`, false);
  }
}

/** Settles when the signal aborts (never without one). */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Gets one file: a conditional GET over HTTP(S) with retries and backoff, or a local file
 * (`file://` URL or plain path). Throws FetchError with the last attempt's reason.
 */
export async function fetchFile(url: string, options: Partial<FetchOptions> = {}): Promise<FetchOutcome> {
  const o: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options };
  if (!/^https?:\/\//i.test(url)) return readLocal(url, o.maxBytes);
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let n = 0; ; n++) {
    if (o.signal?.aborted) throw new FetchError(`${url}: stopped (the process is shutting down)`, false);
    try {
      return await attempt(url, o);
    } catch (err) {
      if (o.signal?.aborted) throw new FetchError(`${url}: stopped (the process is shutting down)`, false);
      const fe = err instanceof FetchError ? err : new FetchError(`${url}: ${(err as Error).message}`, false);
      if (!fe.retriable || n >= o.retries) {
        throw n > 0 ? new FetchError(`${fe.message} (after ${n + 1} attempts)`, fe.retriable) : fe;
      }
      await Promise.race([sleep(o.backoffMs * 2 ** n), aborted(o.signal)]);
    }
  }
}
