import type { FastifyInstance } from 'fastify';
import type { IsoDate } from '../../domain/index.js';
import { today } from '../../bundle/redline.js';
import { measureStatusOn } from '../../rules/describe.js';
import type { CompiledMeasure, Ruleset } from '../../rules/index.js';
import type { ApiDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { parseWith } from '../parse.js';
import { evaluateQuerySchema, idParamSchema, rulesQuerySchema, timelineQuerySchema } from '../schemas.js';

/** The public JSON face of a measure (the compiled closures stay inside), as `redline rules --json` prints it. */
function measureJson(m: CompiledMeasure, asOf: IsoDate) {
  const { test: _t, compiledExceptions: _c, ...rest } = m;
  return { ...rest, statusOn: { date: asOf, ...measureStatusOn(m, asOf) } };
}

export interface TimelineEvent {
  date: IsoDate;
  event: 'in_force' | 'ended' | 'stayed' | 'suspended' | 'not_enforced' | 'revived' | 'unknown_after';
  measure: string;
  jurisdiction: string;
  title: string;
  citation: string;
  instrument: string;
  note?: string;
}

/** Every dated change the rule packs know of, oldest first: measures taking effect, ending, stayed and revived. */
export function rulesTimeline(rs: Ruleset): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const m of rs.measures) {
    const base = { measure: m.id, jurisdiction: m.jurisdiction, title: m.title ?? m.summary, citation: m.citation, instrument: m.instrument };
    out.push({ date: m.effective.from, event: 'in_force', ...base });
    if (m.effective.to) out.push({ date: m.effective.to, event: 'ended', ...base });
    for (const w of m.status) {
      out.push({ date: w.from, event: w.status, ...base, note: w.by });
      if (w.to) out.push({ date: w.to, event: w.then === 'unknown' ? 'unknown_after' : 'revived', ...base, note: w.by });
    }
    if (m.knownUntil) out.push({ date: m.knownUntil.date, event: 'unknown_after', ...base, note: m.knownUntil.why });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.measure.localeCompare(b.measure)));
}

export function rulesRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const rs = deps.redline.ruleset;
  let timeline: TimelineEvent[] | undefined;

  app.get('/v1/rules', { config: { role: 'viewer' } }, async (req) => {
    const q = parseWith(rulesQuerySchema, req.query);
    const asOf = q.asOf ?? today();
    const shown = rs.measures.filter((m) => {
      if (q.jurisdiction && m.jurisdiction !== q.jurisdiction) return false;
      if (q.all === 'true') return true;
      const s = measureStatusOn(m, asOf).status;
      return s !== 'not_yet_in_force' && s !== 'ended';
    });
    return { asOf, ruleset: { version: rs.version, hash: rs.hash }, measures: shown.map((m) => measureJson(m, asOf)) };
  });

  // Registered before /v1/rules/:id so "timeline" is never taken for a measure id.
  app.get('/v1/rules/timeline', { config: { role: 'viewer' } }, async (req) => {
    const q = parseWith(timelineQuerySchema, req.query);
    timeline ??= rulesTimeline(rs);
    const events = timeline.filter(
      (e) => (!q.jurisdiction || e.jurisdiction === q.jurisdiction) && (!q.from || e.date >= q.from) && (!q.to || e.date < q.to),
    );
    return { ruleset: { version: rs.version, hash: rs.hash }, events };
  });

  app.get('/v1/rules/:id', { config: { role: 'viewer' } }, async (req) => {
    const { id } = parseWith(idParamSchema, req.params);
    const { asOf } = parseWith(evaluateQuerySchema, req.query);
    const m = rs.byId.get(id);
    if (!m) throw notFound(`no measure "${id}" (GET /v1/rules?all=true lists them)`);
    return measureJson(m, asOf ?? today());
  });
}
