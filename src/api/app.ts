import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { installAuth, keyCache } from './auth.js';
import type { ApiDeps } from './deps.js';
import { installErrorHandlers } from './errors.js';
import { openApiDocument } from './openapi.js';
import { auditRoutes } from './routes/audit.js';
import { BATCH_CONTENT_TYPES, batchRoutes } from './routes/batches.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { exposureRoutes } from './routes/exposure.js';
import { ownersRoutes } from './routes/owners.js';
import { listsRoutes } from './routes/lists.js';
import { rulesRoutes } from './routes/rules.js';
import { screeningRoutes } from './routes/screening.js';
import { reviewQueueRoutes } from './routes/review-queue.js';

export interface ApiLimits {
  /** Largest JSON body (default 1 MiB). */
  bodyBytes: number;
  /** Largest batch upload (default 64 MiB). */
  batchBytes: number;
  /** Requests per key per window (default 100,000 per minute). */
  rateMax: number;
  rateWindowMs: number;
  /** Failed key checks per client address per window before it is answered 429 unchecked (default 100 per minute). */
  authFailureMax: number;
}

export const DEFAULT_LIMITS: ApiLimits = { bodyBytes: 1024 * 1024, batchBytes: 64 * 1024 * 1024, rateMax: 100_000, rateWindowMs: 60_000, authFailureMax: 100 };

const routeLists = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Every route the app registered (tests hold the OpenAPI document against it). */
export function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  return routeLists.get(app) ?? [];
}

export interface AppOptions {
  limits?: Partial<ApiLimits>;
  /** The built web app (dist/web), served at / when present. */
  webDir?: string | undefined;
  /** Structured request logs (pino, through fastify): true for stdout, or a stream (tests). */
  logger?: boolean | NodeJS.WritableStream;
}

/**
 * The request log: one JSON line per request and answer, each with its request id (also sent
 * back as `x-request-id`), every 5xx with its stack (errors.ts). The key never appears: headers
 * are not logged, and `authorization` is redacted should a serializer ever add them.
 */
export function loggerOptions(logger: AppOptions['logger']): false | Record<string, unknown> {
  if (!logger) return false;
  return {
    level: 'info',
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
    ...(logger === true ? {} : { stream: logger }),
  };
}

/** The HTTP API (docs/api.md): every route under /v1 but health, the OpenAPI document and the web app needs a key. */
export async function buildApp(deps: ApiDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger: loggerOptions(options.logger),
    genReqId: () => randomUUID(),
    requestIdLogLabel: 'requestId',
    bodyLimit: limits.bodyBytes,
    return503OnClosing: true,
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  const routes: { method: string; url: string }[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  installErrorHandlers(app);
  // Security headers on every answer (CSP: the web app loads only its own scripts; no framing, no sniffing).
  // helmet's middleware is built once here: @fastify/helmet built it again for every request, a
  // sixteenth of the server's time on the screening hot path.
  const securityHeaders = helmet();
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  // No limit of its own: each route's bodyLimit applies (64 MiB for uploads, 1 MiB elsewhere).
  app.addContentTypeParser(BATCH_CONTENT_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  installAuth(app, keyCache(deps.store), { maxFailures: limits.authFailureMax, windowMs: limits.rateWindowMs });
  // After authentication (preHandler), so the limit is per API key; requests without a key never get this far.
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    allowList: (req) => !req.routeOptions.config?.role,
    max: limits.rateMax,
    timeWindow: limits.rateWindowMs,
    keyGenerator: (req) => req.caller?.id ?? req.ip,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: 'rate_limited', message: `more than ${ctx.max} requests in ${ctx.after}; slow down` }),
  });

  app.get('/healthz', async () => ({ ok: true, ruleset: deps.redline.ruleset.version, lists: deps.screener.versions.length }));
  const doc = openApiDocument();
  app.get('/v1/openapi.json', async () => doc);
  await app.register(
    async (v1) => {
      evaluateRoutes(v1, deps);
      screeningRoutes(v1, deps);
      rulesRoutes(v1, deps);
      auditRoutes(v1, deps);
      batchRoutes(v1, deps, limits.batchBytes);
      exposureRoutes(v1, deps, limits.batchBytes);
      ownersRoutes(v1, deps, limits.batchBytes);
      reviewQueueRoutes(v1, deps);
      listsRoutes(v1, deps);
    },
  );
  if (options.webDir && existsSync(options.webDir)) {
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false, index: 'index.html' });
  }
  return app;
}
