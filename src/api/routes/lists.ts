import type { FastifyInstance } from 'fastify';
import { today } from '../../bundle/redline.js';
import { DEFAULT_MAX_LIST_AGE_DAYS } from '../../determine/list-freshness.js';
import { listsStatus } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';

/** GET /v1/lists (per list: source date and its kind, age, last update and failure) and GET /v1/health (ok or degraded, and why). */
export function listsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const status = () => listsStatus(deps.store, today(), deps.maxListAgeDays ?? DEFAULT_MAX_LIST_AGE_DAYS);

  app.get('/v1/lists', { config: { role: 'viewer' } }, async () => {
    const h = await status();
    // What this server screens against right now (it switches to new versions within its refresh period).
    const serving = Object.fromEntries(deps.screener.versions.map((v) => [v.list, { sourceDate: v.sourceDate, hash: v.hash }]));
    return { status: h.status, reasons: h.reasons, maxListAgeDays: h.maxListAgeDays, lists: h.lists.map((l) => ({ ...l, serving: serving[l.list] ?? null })), sources: h.sources };
  });

  app.get('/v1/health', async () => {
    const h = await status();
    return { status: h.status, reasons: h.reasons, ruleset: deps.redline.ruleset.version, lists: deps.screener.versions.length, maxListAgeDays: h.maxListAgeDays };
  });
}
