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

/** Verified keys are remembered briefly, so the hot path does not hash and read the store on every request. */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export function keyCache(store: Store): (key: string) => Promise<Caller | undefined> {
  const cache = new Map<string, { caller: Caller | undefined; until: number }>();
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

/** Checks `Authorization: Bearer <key>` on every route that names a role: 401 without a good key, 403 below the role. */
export function installAuth(app: FastifyInstance, verify: (key: string) => Promise<Caller | undefined>): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const need = req.routeOptions.config?.role;
    if (!need) return;
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!m) throw new HttpError(401, { error: 'unauthorized', message: 'send an API key as Authorization: Bearer <key> (redline keys create)' });
    const caller = await verify(m[1]!);
    if (!caller) throw new HttpError(401, { error: 'unauthorized', message: 'unknown or revoked API key' });
    if (ROLE_RANK[caller.role] < ROLE_RANK[need]) {
      throw new HttpError(403, { error: 'forbidden', message: `this needs the ${need} role; the key has ${caller.role}` });
    }
    req.caller = caller;
  });
}
