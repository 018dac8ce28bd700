import { forgetKey, storedKey } from './session';
import { t } from './i18n';

/** What went wrong with a request, in words a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** The app shows the sign-in form again when the server stops accepting the key. */
export function onSignedOut(l: Listener): () => void {
  signedOutListeners.add(l);
  return () => signedOutListeners.delete(l);
}

const STATUS_WORDS = new Set([400, 401, 403, 404, 413, 429]);

/** Reads the error body whatever its shape ({ error, message, problems } or plain text). */
async function errorOf(res: Response): Promise<ApiError> {
  let message = STATUS_WORDS.has(res.status) ? t(`api.status.${res.status}`) : t('api.statusOther', { status: res.status });
  let problems: { path: string; message: string }[] = [];
  try {
    const text = await res.text();
    try {
      const body = JSON.parse(text) as { error?: unknown; message?: unknown; problems?: unknown; details?: unknown };
      const detail = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
      if (detail) message = res.status >= 500 ? `${message}: ${detail}` : detail;
      const list = Array.isArray(body.problems) ? body.problems : Array.isArray(body.details) ? body.details : [];
      problems = list.filter((p): p is { path: string; message: string } => typeof p === 'object' && p !== null && 'message' in p);
    } catch {
      if (text && text.length < 300) message = `${message}: ${text}`;
    }
  } catch {
    // no body: the status words will do
  }
  return new ApiError(res.status, message, problems);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Send this text or file as is, with this content type (uploads). */
  raw?: { body: BodyInit; contentType: string };
  key?: string;
  signal?: AbortSignal;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const key = options.key ?? storedKey();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, t('api.unreachable'));
  }
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && !options.key) {
      forgetKey();
      signedOutListeners.forEach((l) => l());
    }
    throw err;
  }
  return res;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Saves text made in the page (exports, downloaded results) as a file: a link cannot carry the Bearer key. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
