import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { parseWith } from '../parse.js';
import { matchRequestSchema, screenRequestSchema } from '../schemas.js';
import { matchResultJson, screeningResultJson } from '../json-schemas.js';
import { clipLongStrings } from '../long-strings.js';

export function screeningRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.post(
    '/v1/screen',
    // The response schema lets fastify serialise with a compiled stringifier (the hot path of bench:http).
    { config: { role: 'viewer' }, preParsing: clipLongStrings(), schema: { response: { 200: screeningResultJson } } },
    async (req) => {
      const q = parseWith(screenRequestSchema, req.body);
      const raw = deps.screenCache.screen(q.name, { country: q.country, address: q.address, limit: q.limit });
      // Hits an officer cleared for this counterparty (and this version of the entry) are left out, and said so.
      const { hits, suppressed } = (await deps.cleared.get()).filter({ name: q.name, country: q.country }, raw.hits);
      const result = suppressed.length
        ? { ...raw, hits, cleared: suppressed.map((s) => ({ list: s.hit.list, entryId: s.hit.entryId, score: s.hit.score, reviewId: s.reviewId })) }
        : raw;
      await deps.recorder.record({ query: q.name, country: q.country, address: q.address, result, keyId: req.caller!.id });
      return result;
    },
  );

  app.post('/v1/match', { config: { role: 'viewer' }, preParsing: clipLongStrings(), schema: { response: { 200: matchResultJson } } }, async (req) => {
    const q = parseWith(matchRequestSchema, req.body);
    return deps.screener.match(q.a, q.b);
  });
}
