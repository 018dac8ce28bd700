import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError, type InputProblem } from '../domain/index.js';

/** An answer with a status and a body, for the cases a handler decides (404, 403 ...). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { error: string; message?: string; problems?: InputProblem[] },
  ) {
    super(body.message ?? body.error);
  }
}

export function badRequest(problems: InputProblem[]): HttpError {
  return new HttpError(400, { error: 'bad_request', problems });
}

export function notFound(message: string): HttpError {
  return new HttpError(404, { error: 'not_found', message });
}

/** Fastify's own 4xx errors, given bodies of our shape. Anything not listed and not 4xx is a 500. */
function fastifyClientError(err: FastifyError): { status: number; body: Record<string, unknown> } | undefined {
  const status = err.statusCode ?? 500;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'payload_too_large', message: 'the request body is larger than this endpoint accepts' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'unsupported_media_type', message: 'send application/json (or, for batches, text/csv or application/x-ndjson)' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'bad_request', problems: [{ path: 'body', message: 'is empty; send a JSON body' }] } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: 'bad_request', problems: [{ path: 'content-length', message: 'does not match the body' }] } };
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, body: { error: 'bad_request', problems: [{ path: 'body', message: `invalid JSON (${err.message.slice(0, 200)})` }] } };
  }
  if (status === 429) return { status, body: { error: 'rate_limited', message: err.message } };
  if (status >= 400 && status < 500) return { status, body: { error: status === 404 ? 'not_found' : 'bad_request', message: err.message } };
  return undefined;
}

/** An echo of the caller's input (a column name, a value) is cut to this many characters in an error body. */
export const MAX_ECHO = 200;
/** At most this many problems are listed; the last says how many more there were. */
export const MAX_PROBLEMS = 100;

function clip(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** Problems as sent back: each path and message cut short, and not too many of them (a 10 MB header never comes back). */
export function cappedProblems(problems: readonly InputProblem[]): InputProblem[] {
  const out = problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, path: clip(p.path), message: clip(p.message) }));
  if (problems.length > MAX_PROBLEMS) out.push({ path: 'body', message: `and ${problems.length - MAX_PROBLEMS} more problem(s)` });
  return out;
}

function cappedBody<T extends { message?: string; problems?: InputProblem[] }>(body: T): T {
  return { ...body, ...(body.message !== undefined ? { message: clip(body.message) } : {}), ...(body.problems ? { problems: cappedProblems(body.problems) } : {}) };
}

/** Every error becomes a small JSON body; a stack trace or an internal message never leaves the server. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(cappedBody(err.body));
    if (err instanceof InputError) return reply.code(400).send({ error: 'bad_request', problems: cappedProblems(err.problems) });
    const known = fastifyClientError(err);
    if (known) return reply.code(known.status).send(known.body);
    req.log.error({ err }, 'internal error');
    return reply.code(500).send({ error: 'internal' });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}
