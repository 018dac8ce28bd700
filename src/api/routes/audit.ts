import type { FastifyInstance } from 'fastify';
import { AnchorFormatError, AuditBrokenError, entryContentHash, parseAnchor, type AuditAnchor } from '../../store/index.js';
import type { AuditRecord } from '../../store/types.js';
import type { ApiDeps } from '../deps.js';
import { badRequest, HttpError } from '../errors.js';
import { parseWith } from '../parse.js';
import { auditQuerySchema, reviewRequestSchema } from '../schemas.js';

/** How many records one GET /v1/audit looks through for a time window before it answers with what it has and a cursor. */
const SCAN_LIMIT = 5000;

/** A bare date means the start of that day (UTC): `from` includes it, `to` stops before it. */
function timeOf(bound: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? `${bound}T00:00:00.000Z` : new Date(bound).toISOString();
}

export function auditRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/v1/audit', { config: { role: 'viewer' } }, async (req) => {
    const q = parseWith(auditQuerySchema, req.query);
    if (q.after !== undefined && q.before !== undefined) throw badRequest([{ path: 'before', message: 'give after or before, not both' }]);
    const limit = q.limit ?? 100;
    const order = q.order ?? (q.after !== undefined ? 'asc' : 'desc');
    const from = q.from ? timeOf(q.from) : undefined;
    const to = q.to ? timeOf(q.to) : undefined;
    const records: AuditRecord[] = [];
    let cursor = order === 'asc' ? q.after : q.before;
    let scanned = 0;
    let exhausted = false;
    // The store pages by seq; the time window is applied here, page by page, within a bound.
    while (records.length < limit && scanned < SCAN_LIMIT) {
      const page = await deps.store.listAudit({
        kind: q.kind,
        keyId: q.keyId,
        order,
        limit: Math.min(500, limit * 2),
        ...(order === 'asc' ? { afterSeq: cursor } : { beforeSeq: cursor }),
      });
      if (page.length === 0) {
        exhausted = true;
        break;
      }
      for (const r of page) {
        scanned++;
        cursor = r.seq;
        if ((from && r.at < from) || (to && r.at >= to)) continue;
        records.push(r);
        if (records.length >= limit) break;
      }
    }
    const next = exhausted || cursor === undefined ? null : order === 'asc' ? { after: cursor } : { before: cursor };
    return { records, next };
  });

  // The body may carry a signed anchor (POST /v1/audit/anchor, `redline audit anchor`) to check as well.
  app.post('/v1/audit/verify', { config: { role: 'admin' } }, async (req) => {
    const body = req.body as { anchor?: unknown } | null | undefined;
    let anchor: AuditAnchor | undefined;
    if (body && typeof body === 'object' && body.anchor !== undefined) {
      try {
        anchor = parseAnchor(body.anchor);
      } catch (err) {
        if (err instanceof AnchorFormatError) throw badRequest([{ path: 'anchor', message: err.message }]);
        throw err;
      }
    }
    return deps.store.verifyAudit({ anchor });
  });

  app.post('/v1/audit/anchor', { config: { role: 'admin' } }, async () => {
    try {
      return await deps.store.anchorAudit();
    } catch (err) {
      if (err instanceof AuditBrokenError) throw new HttpError(409, { error: 'audit_broken', message: err.message });
      throw err;
    }
  });

  app.post('/v1/reviews', { config: { role: 'analyst' } }, async (req, reply) => {
    const r = parseWith(reviewRequestSchema, req.body);
    let entryHash = r.entryHash;
    if (!entryHash) {
      const current = await deps.store.currentEntry(r.list, r.entryId);
      if (!current) throw badRequest([{ path: 'entryId', message: `no entry "${r.entryId}" in the current version of list "${r.list}"` }]);
      entryHash = current.hash ?? entryContentHash(current.entry);
    }
    const review = await deps.store.recordReview({ counterparty: r.counterparty, list: r.list, entryId: r.entryId, entryHash, decision: r.decision, reason: r.reason, keyId: req.caller!.id });
    deps.cleared.invalidate();
    return reply.code(201).send(review);
  });
}
