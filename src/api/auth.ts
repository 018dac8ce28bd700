import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, Store } from '../store/types.js';
import { HttpError } from './errors.js';

/**
 * Who may do what (docs/api.md):
 * - viewer: read rules and the audit log, run check / classify / screen / match, read batch status and results;
 * - analyst: also create batches and record reviews;
 * - admin: also verify the audit chain.
 * Each role includes the ones before it.
 */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export interface Caller {
  id: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; routes without it are public (health, OpenAPI, the web app). */
    role?: Role;
  }
}

/**
 * Verified keys are remembered briefly, so the hot path does not hash and read the store on every
 * request. Revocation (`redline keys revoke`, another process) reaches a running server within
 * this bound: one second. A key revoked through this process's own store is dropped at once.
 */
export const KEY_CACHE_MS = 1_000;
const CACHE_MS = KEY_CACHE_MS;
const CACHE_MAX = 10_000;

export function keyCache(store: Pick<Store, 'verifyKey' | 'onKeyRevoked'>): (key: string) => Promise<Caller | undefined> {
  const cache = new Map<string, { caller: Caller | undefined; until: number }>();
  store.onKeyRevoked?.((id) => {
    for (const [k, v] of cache) if (v.caller?.id === id) cache.delete(k);
  });
  return async (key) => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.caller;
    const caller = await store.verifyKey(key);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, { caller, until: now + CACHE_MS });
    return caller;
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export interface AuthFailureLimit {
  maxFailures: number;
  windowMs: number;
}

/**
 * Counts failed key checks per client address in fixed windows. Past the limit an address is
 * answered 429 without its key being looked at, so guessing keys costs the guesser, not the store.
 */
export function authFailureCounter(limit: AuthFailureLimit, now: () => number = Date.now) {
  const failures = new Map<string, { count: number; windowEnds: number }>();
  return {
    blocked(ip: string): number | undefined {
      const f = failures.get(ip);
      if (!f || f.windowEnds <= now()) return undefined;
      return f.count >= limit.maxFailures ? Math.ceil((f.windowEnds - now()) / 1000) : undefined;
    },
    failed(ip: string): void {
      const t = now();
      const f = failures.get(ip);
      if (!f || f.windowEnds <= t) {
        if (failures.size >= 100_000) failures.clear();
        failures.set(ip, { count: 1, windowEnds: t + limit.windowMs });
      } else f.count++;
    },
  };
}

/** Checks `Authorization: Bearer <key>` on every route that names a role: 401 without a good key, 403 below the role. */
export function installAuth(app: FastifyInstance, verify: (key: string) => Promise<Caller | undefined>, limit: AuthFailureLimit = { maxFailures: 100, windowMs: 60_000 }): void {
  const failures = authFailureCounter(limit);
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    const need = req.routeOptions.config?.role;
    if (!need) return;
    const wait = failures.blocked(req.ip);
    if (wait !== undefined) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, { error: 'rate_limited', message: `too many requests with a missing or wrong key from this address; try again in ${wait} s` });
    }
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!m) {
      failures.failed(req.ip);
      throw new HttpError(401, { error: 'unauthorized', message: 'send an API key as Authorization: Bearer <key> (redline keys create)' });
    }
    const caller = await verify(m[1]!);
    if (!caller) {
      failures.failed(req.ip);
      throw new HttpError(401, { error: 'unauthorized', message: 'unknown or revoked API key' });
    }
    if (ROLE_RANK[caller.role] < ROLE_RANK[need]) {
      throw new HttpError(403, { error: 'forbidden', message: `this needs the ${need} role; the key has ${caller.role}` });
    }
    req.caller = caller;
  });
}
