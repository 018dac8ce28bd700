import type { FastifyInstance } from 'fastify';
import { InputError } from '../../domain/index.js';
import type { InputFormat } from '../../batch/reader.js';
import { isRowError } from '../../batch/rows.js';
import type { ApiDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { parseWith } from '../parse.js';
import { batchQuerySchema, idParamSchema, pageQuerySchema } from '../schemas.js';

export const BATCH_CONTENT_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'text/plain'];

function formatOf(contentType: string | undefined, asked: InputFormat | undefined): InputFormat {
  if (asked) return asked;
  const ct = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (ct === 'text/csv') return 'csv';
  if (ct === 'text/plain' || ct === '') throw new InputError([{ path: 'format', message: 'say ?format=csv or ?format=jsonl, or send Content-Type text/csv or application/x-ndjson' }]);
  return 'jsonl';
}

const DEFAULT_PAGE = 1000;

export function batchRoutes(app: FastifyInstance, deps: ApiDeps, batchBodyLimit: number): void {
  app.post('/v1/batches', { config: { role: 'analyst' }, bodyLimit: batchBodyLimit }, async (req, reply) => {
    const q = parseWith(batchQuerySchema, req.query);
    if (typeof req.body !== 'string') throw new InputError([{ path: 'body', message: 'send the order book itself: CSV (text/csv) or JSON Lines (application/x-ndjson)' }]);
    await deps.uploads?.admit(Buffer.byteLength(req.body));
    const job = await deps.batches.create(req.body, formatOf(req.headers['content-type'], q.format), q.asOf, req.caller!.id);
    return reply.code(202).header('location', `/v1/batches/${job.id}`).send({ id: job.id, status: job.status, links: { self: `/v1/batches/${job.id}`, results: `/v1/batches/${job.id}/results`, errors: `/v1/batches/${job.id}/errors` } });
  });

  app.get('/v1/batches/:id', { config: { role: 'viewer' } }, async (req) => {
    const { id } = parseWith(idParamSchema, req.params);
    const s = await deps.batches.status(id);
    if (!s) throw notFound(`no batch "${id}"`);
    return s;
  });

  /** Row answers in row order, a page at a time: `next` is the fromRow of the next page, null at the end. */
  const page = (only: 'all' | 'errors') => async (req: { params: unknown; query: unknown }) => {
    const { id } = parseWith(idParamSchema, req.params);
    const q = parseWith(pageQuerySchema, req.query);
    const s = await deps.batches.status(id);
    if (!s) throw notFound(`no batch "${id}"`);
    const limit = q.limit ?? DEFAULT_PAGE;
    const rows = await deps.batches.rows(id, q.fromRow ?? 1, limit);
    const last = rows.at(-1)?.row;
    const complete = s.status === 'done' || s.status === 'failed';
    const next = rows.length === limit && last !== undefined ? last + 1 : complete ? null : (last ?? (q.fromRow ?? 1) - 1) + 1;
    return { job: s, rows: only === 'errors' ? rows.filter(isRowError) : rows, next };
  };
  app.get('/v1/batches/:id/results', { config: { role: 'viewer' } }, page('all'));
  app.get('/v1/batches/:id/errors', { config: { role: 'viewer' } }, page('errors'));
}
