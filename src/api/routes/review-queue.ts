import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CaseConflict } from '../../store/index.js';
import type { ApiDeps } from '../deps.js';
import { HttpError, notFound } from '../errors.js';
import { parseWith } from '../parse.js';
import {
  assignRequestSchema,
  caseQuerySchema,
  commentRequestSchema,
  decisionRequestSchema,
  expiryRequestSchema,
  revokeRequestSchema,
  savedCounterpartySchema,
} from '../review-schemas.js';

/** Who did it: the API key (each person signs in with their own key). */
function actor(req: FastifyRequest): string {
  return req.caller!.id;
}

/** Four eyes when the deployment asks for it (REDLINE_FOUR_EYES=1, or the deps say so). */
export function fourEyesOn(deps: ApiDeps): boolean {
  return deps.fourEyes ?? process.env.REDLINE_FOUR_EYES === '1';
}

async function conflictAs409<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CaseConflict) throw new HttpError(409, { error: 'conflict', message: e.message });
    throw e;
  }
}

const idOf = (req: FastifyRequest): string => (req.params as { id: string }).id;

export function reviewQueueRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const q = deps.store.reviewQueue;
  app.get('/v1/review-cases', { config: { role: 'viewer' } }, async (req) => {
    const query = parseWith(caseQuerySchema, req.query);
    return { cases: await q.list(query), fourEyes: fourEyesOn(deps), you: actor(req) };
  });
  app.get('/v1/review-cases/:id', { config: { role: 'viewer' } }, async (req) => {
    const c = await q.get(idOf(req));
    if (!c) throw notFound(`no review case "${idOf(req)}"`);
    return c;
  });
  app.post('/v1/review-cases/:id/assign', { config: { role: 'analyst' } }, async (req) => {
    const b = parseWith(assignRequestSchema, req.body);
    return conflictAs409(() => q.assign(idOf(req), b.owner, actor(req)));
  });
  app.post('/v1/review-cases/:id/comment', { config: { role: 'analyst' } }, async (req) => {
    const b = parseWith(commentRequestSchema, req.body);
    return conflictAs409(() => q.comment(idOf(req), b.text, actor(req)));
  });
  app.post('/v1/review-cases/:id/decision', { config: { role: 'analyst' } }, async (req) => {
    const b = parseWith(decisionRequestSchema, req.body);
    const c = await conflictAs409(() => q.decide(idOf(req), b.decision, { actor: actor(req), reason: b.reason, expiresAt: b.expiresAt, fourEyes: fourEyesOn(deps) }));
    deps.cleared.invalidate();
    return c;
  });
  app.post('/v1/review-cases/:id/revoke', { config: { role: 'analyst' } }, async (req) => {
    const b = parseWith(revokeRequestSchema, req.body);
    const c = await conflictAs409(() => q.revoke(idOf(req), actor(req), b.reason));
    deps.cleared.invalidate();
    return c;
  });
  app.post('/v1/review-cases/:id/expiry', { config: { role: 'analyst' } }, async (req) => {
    const b = parseWith(expiryRequestSchema, req.body);
    const c = await conflictAs409(() => q.setExpiry(idOf(req), b.expiresAt, actor(req)));
    deps.cleared.invalidate();
    return c;
  });
  app.get('/v1/saved-counterparties', { config: { role: 'viewer' } }, async () => ({ counterparties: await q.listCounterparties() }));
  app.post('/v1/saved-counterparties', { config: { role: 'analyst' } }, async (req, reply) => {
    const b = parseWith(savedCounterpartySchema, req.body);
    return reply.code(201).send(await q.saveCounterparty(b));
  });
}
