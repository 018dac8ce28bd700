import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError, isoDateSchema } from '../../domain/index.js';
import { today } from '../../bundle/redline.js';
import { determine } from '../../determine/index.js';
import { DEFAULT_MAX_LIST_AGE_DAYS, staleLists } from '../../determine/list-freshness.js';
import { exposureOfBookInSteps, kindOfModelIn, parseBook, staleListCaveat, type BookFormat } from '../../exposure/index.js';
import { screenerWithReviews } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';
import { parseWith } from '../parse.js';
import { ownershipRegisterOf } from './owners.js';

/**
 * POST /v1/exposure (docs/exposure.md): an order book in the body (CSV or JSON Lines, as for
 * batches), the rules of `asOf` (default: each line's own date) and optionally of `compareAsOf`;
 * the answer is the exposure report, or the comparison of the two dates. An exposure analysis
 * is a what-if over a whole book, not a determination anyone ships on, so its lines are not
 * recorded one by one in the audit log (run the book through POST /v1/batches for that).
 */
export const exposureQuerySchema = z.strictObject({
  asOf: isoDateSchema.optional(),
  compareAsOf: isoDateSchema.optional(),
  format: z.enum(['csv', 'jsonl']).optional(),
});

/** Each line is evaluated once per date on the event loop (in steps); bigger books belong in the CLI. */
export const MAX_EXPOSURE_LINES = 20_000;

/** Lists are taken as current and their age said once (exposure/caveats.ts). */
const LISTS_AS_CURRENT = 365_000;

function formatOf(contentType: string | undefined, asked: BookFormat | undefined): BookFormat {
  if (asked) return asked;
  const ct = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (ct === 'text/csv') return 'csv';
  if (ct === 'text/plain' || ct === '') throw new InputError([{ path: 'format', message: 'say ?format=csv or ?format=jsonl, or send Content-Type text/csv or application/x-ndjson' }]);
  return 'jsonl';
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function exposureRoutes(app: FastifyInstance, deps: ApiDeps, bodyLimit: number): void {
  app.post('/v1/exposure', { config: { role: 'analyst' }, bodyLimit }, async (req) => {
    const q = parseWith(exposureQuerySchema, req.query);
    if (typeof req.body !== 'string') {
      throw new InputError([{ path: 'body', message: 'send the order book itself: CSV (text/csv) or JSON Lines (application/x-ndjson)' }]);
    }
    const entries = parseBook(req.body, formatOf(req.headers['content-type'], q.format), kindOfModelIn(deps.redline.catalogue));
    if (entries.length > MAX_EXPOSURE_LINES) {
      throw new InputError([{ path: 'body', message: `${entries.length} lines; the API analyses up to ${MAX_EXPOSURE_LINES} at a time (use redline exposure for bigger books)` }]);
    }
    const day = today();
    // Hits an officer cleared stay cleared here too, as in POST /v1/check.
    const screener = screenerWithReviews(deps.screener, await deps.cleared.get());
    const engines = { ruleset: deps.redline.ruleset, catalogue: deps.redline.catalogue, screener, owners: await ownershipRegisterOf(deps.store) };
    const caveat = staleListCaveat(staleLists(deps.screener.versions, day), DEFAULT_MAX_LIST_AGE_DAYS);
    return exposureOfBookInSteps(entries, (tx, asOf) => determine(tx, engines, { asOf, today: day, maxListAgeDays: LISTS_AS_CURRENT }), {
      asOf: q.asOf,
      compareAsOf: q.compareAsOf,
      caveats: caveat ? [caveat] : [],
      pause: nextTurn,
    });
  });
}
