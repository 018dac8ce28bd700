import type { FastifyInstance } from 'fastify';
import type { IsoDate } from '../../domain/index.js';
import { today } from '../../bundle/redline.js';
import { measureStatusOn } from '../../rules/describe.js';
import type { CompiledMeasure } from '../../rules/index.js';
import { timeline, type TimelineEntry } from '../../rules/timeline.js';
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
  /** What happened: took_effect, ended, stayed, suspended, not_enforced, revived, unknown_after, event. */
  event: string;
  measure: string;
  jurisdiction: string;
  title: string;
  titleZh?: string;
  citation: string;
  instrument: string;
  note?: string;
}

/** The dated changes of the timeline's measures as one list, oldest first (what the web app's list of changes shows). */
export function timelineEvents(entries: readonly TimelineEntry[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const e of entries) {
    for (const c of e.changes) {
      out.push({ date: c.date, event: c.change, measure: e.id, jurisdiction: e.jurisdiction, title: e.title, ...(e.titleZh ? { titleZh: e.titleZh } : {}), citation: e.citation, instrument: e.instrument, ...(c.note ? { note: c.note } : {}) });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.measure.localeCompare(b.measure)));
}

export function rulesRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const rs = deps.redline.ruleset;

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
    const asOf = q.asOf ?? today();
    // The same timeline as `redline rules timeline` (src/rules/timeline.ts): measures with their changes and status on asOf.
    const measures = timeline(rs.measures, { jurisdiction: q.jurisdiction, from: q.from, to: q.to, asOf });
    const events = timelineEvents(measures).filter((e) => (!q.from || e.date >= q.from) && (!q.to || e.date < q.to));
    return { asOf, ruleset: { version: rs.version, hash: rs.hash }, measures, events };
  });

  app.get('/v1/rules/:id', { config: { role: 'viewer' } }, async (req) => {
    const { id } = parseWith(idParamSchema, req.params);
    const { asOf } = parseWith(evaluateQuerySchema, req.query);
    const m = rs.byId.get(id);
    if (!m) throw notFound(`no measure "${id}" (GET /v1/rules?all=true lists them)`);
    return measureJson(m, asOf ?? today());
  });
}
