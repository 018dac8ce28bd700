import type { Condition } from '../../domain/measure';
import { i18n, t } from './i18n';

/**
 * A measure as the rules endpoints return it (the rule-pack measure, issue #5). Fields beyond
 * these are shown where the page knows them and otherwise ignored.
 */
export interface MeasureView {
  id: string;
  jurisdiction: string;
  kind?: 'requirement' | 'review_policy' | 'event';
  title?: string;
  /** The measure's title in Chinese, where the pack gives one. */
  titleZh?: string;
  summaryZh?: string;
  instrument: string;
  citation: string;
  summary: string;
  effective: { from: string; to?: string };
  knownUntil?: { date: string; why: string };
  status?: { status: string; from: string; to?: string; by: string; then?: string; unlessOption?: string }[];
  confidence?: string;
  effect: string;
  reviewPolicy?: string;
  when?: Condition;
  exceptions?: { code: string; citation: string; when?: Condition; requires?: string[]; summary: string }[];
  notes?: string;
  sources?: string[];
  pack?: string;
  source?: { file: string; line: number };
  statusOn?: { date: string; status: string; note?: string };
  /** The condition in words, when the server renders it (rules/describe.ts). */
  conditions?: string[];
  conditionText?: string[];
  history?: { date: string; event: string; by?: string }[];
}

/** Accepts the shapes a list of measures may come in: an array, `{ measures }` or `{ timeline }`. */
export function measuresOf(body: unknown): MeasureView[] {
  if (Array.isArray(body)) return body as MeasureView[];
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    for (const k of ['measures', 'timeline', 'items']) if (Array.isArray(o[k])) return o[k] as MeasureView[];
  }
  return [];
}

const OPS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'inGroup', 'notInGroup', 'anyInGroup', 'contains', 'containsAny', 'notContainsAny', 'exists'];

/** A status or change code (in_force, stayed, took_effect …) in words of the interface language. */
export function statusWords(code: string): string {
  const key = `rules.status.${code.replace(/ /g, '_')}`;
  return i18n.exists(key) ? t(key) : code.replace(/_/g, ' ');
}

export interface ConditionLine {
  depth: number;
  text: string;
}

/** A condition in words, one line per clause, indented by nesting (as `redline rules show` prints it). */
export function conditionInWords(cond: Condition, depth = 0): ConditionLine[] {
  if ('all' in cond) return [{ depth, text: t('measure.allOf') }, ...cond.all.flatMap((c) => conditionInWords(c, depth + 1))];
  if ('any' in cond) return [{ depth, text: t('measure.anyOf') }, ...cond.any.flatMap((c) => conditionInWords(c, depth + 1))];
  if ('not' in cond) return [{ depth, text: t('measure.not') }, ...conditionInWords(cond.not, depth + 1)];
  if ('always' in cond) return [{ depth, text: t('measure.always') }];
  const leaf = cond as unknown as Record<string, unknown> & { fact: string; label?: string };
  const op = OPS.find((k) => leaf[k] !== undefined) ?? 'eq';
  const arg = leaf[op];
  const shown = Array.isArray(arg) ? arg.join(', ') : String(arg);
  const words = `${leaf.fact} ${t(`measure.ops.${op}`)} ${shown}`;
  return [{ depth, text: leaf.label ? `${leaf.label} (${words})` : words }];
}

export interface HistoryEvent {
  date: string;
  text: string;
}

/** A measure's dates in order: in force, stays and suspensions, the end, and what is not known. */
export function historyOf(m: MeasureView): HistoryEvent[] {
  const out: HistoryEvent[] = [{ date: m.effective.from, text: t('measure.inForceBy', { instrument: m.instrument }) }];
  for (const s of m.status ?? []) {
    out.push({ date: s.from, text: `${statusWords(s.status)} — ${s.by}${s.unlessOption ? t('measure.unlessOption', { option: s.unlessOption }) : ''}` });
    if (s.to) out.push({ date: s.to, text: s.then === 'unknown' ? t('measure.endsUnknown', { status: statusWords(s.status) }) : t('measure.endsApplies', { status: statusWords(s.status) }) });
  }
  if (m.knownUntil) out.push({ date: m.knownUntil.date, text: t('measure.knownUntil', { why: m.knownUntil.why }) });
  if (m.effective.to) out.push({ date: m.effective.to, text: t('measure.noLonger') });
  for (const h of m.history ?? []) out.push({ date: h.date, text: h.by ? `${h.event} — ${h.by}` : h.event });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Where a measure stands on a date, as a code (mirrors rules/describe.ts measureStatusOn); statusWords() says it. */
export function statusOn(m: MeasureView, date: string): string {
  if (date < m.effective.from) return 'not_yet_in_force';
  if (m.effective.to && date >= m.effective.to) return 'ended';
  for (const w of m.status ?? []) {
    if (date >= w.from && (w.to === undefined || date < w.to)) return w.status;
    if (w.to && date >= w.to && w.then === 'unknown') return 'unknown_after';
  }
  if (m.knownUntil && date >= m.knownUntil.date) return 'unknown_after';
  return 'in_force';
}
