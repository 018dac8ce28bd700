import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError, isoDateSchema } from '../../domain/index.js';
import { today } from '../../bundle/redline.js';
import { determine } from '../../determine/index.js';
import { DEFAULT_MAX_LIST_AGE_DAYS, staleLists } from '../../determine/list-freshness.js';
import { exposureOfBookInSteps, kindOfModelIn, parseBook, staleListCaveat, type BookFormat } from '../../exposure/index.js';
import { screenerWithReviews } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { BATCH_CONTENT_TYPES } from './batches.js';
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

const tooMany = (max: number) =>
  new InputError([{ path: 'body', message: `more than ${max} lines; the API analyses up to ${max} at a time (use redline exposure for bigger books)` }]);

/**
 * Reads the book from the request stream, counting non-blank lines as they come, and stops as
 * soon as there are more than the limit (plus a header): a 60 MB book is refused after its first
 * 20,001 lines, never held whole in memory; the stream is left paused (the caller drains the rest
 * unread). A CSV cell
 * spanning lines counts each line, so the bound is on lines as sent, never fewer.
 */
export function readBookLimited(stream: Readable, maxLines: number, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    let lines = 0;
    let blank = true;
    let bytes = 0;
    let done = false;
    const stop = (err: Error) => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      stream.pause();
      reject(err);
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      if (bytes > maxBytes) return stop(new HttpError(413, { error: 'payload_too_large', message: 'the request body is larger than this endpoint accepts' }));
      const text = decoder.write(buf);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          if (!blank) lines++;
          blank = true;
        } else if (blank && c !== 13 && c !== 32 && c !== 9 && c !== 0xfeff) blank = false;
      }
      if (lines + (blank ? 0 : 1) > maxLines + 1) return stop(tooMany(maxLines));
      parts.push(text);
    };
    stream.on('data', onData);
    stream.once('error', (err) => stop(err));
    stream.once('end', () => {
      if (done) return;
      done = true;
      parts.push(decoder.end());
      resolve(parts.join(''));
    });
  });
}

export function exposureRoutes(app: FastifyInstance, deps: ApiDeps, bodyLimit: number): void {
  // Its own scope: here a book arrives as a stream (read with a line limit), not as one string.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(BATCH_CONTENT_TYPES);
    scope.addContentTypeParser(BATCH_CONTENT_TYPES, (_req, payload, done) => done(null, payload));
    exposureRoute(scope, deps, bodyLimit);
  });
}

function exposureRoute(app: FastifyInstance, deps: ApiDeps, bodyLimit: number): void {
  app.post('/v1/exposure', { config: { role: 'analyst' }, bodyLimit }, async (req, reply) => {
    const q = parseWith(exposureQuerySchema, req.query);
    const body = req.body as unknown;
    if (!body || typeof (body as Readable).on !== 'function') {
      throw new InputError([{ path: 'body', message: 'send the order book itself: CSV (text/csv) or JSON Lines (application/x-ndjson)' }]);
    }
    const format = formatOf(req.headers['content-type'], q.format);
    if (Number(req.headers['content-length'] ?? 0) > bodyLimit) {
      reply.header('connection', 'close');
      throw new HttpError(413, { error: 'payload_too_large', message: 'the request body is larger than this endpoint accepts' });
    }
    let text: string;
    try {
      text = await readBookLimited(body as Readable, MAX_EXPOSURE_LINES, bodyLimit);
    } catch (err) {
      // Answer now; what is left of the body is read and thrown away, never kept.
      reply.header('connection', 'close');
      (body as Readable).resume();
      throw err;
    }
    const entries = parseBook(text, format, kindOfModelIn(deps.redline.catalogue));
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
