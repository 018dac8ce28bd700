import type { Condition, IsoDate } from '../domain/index.js';
import type { CompiledMeasure, Ruleset } from './ruleset.js';

const OP_WORDS: Record<string, string> = {
  eq: 'is',
  ne: 'is not',
  in: 'is one of',
  notIn: 'is not one of',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  inGroup: 'is in',
  notInGroup: 'is not in',
  anyInGroup: 'includes one in',
  contains: 'includes',
  containsAny: 'includes one of',
  notContainsAny: 'includes none of',
  exists: 'is known:',
};

/** A measure's condition in words, one line per leaf, indented by nesting (for `rules show`). */
export function describeCondition(cond: Condition, ruleset: Ruleset, indent = ''): string[] {
  if ('all' in cond) return [`${indent}all of:`, ...cond.all.flatMap((c) => describeCondition(c, ruleset, `${indent}  `))];
  if ('any' in cond) return [`${indent}any of:`, ...cond.any.flatMap((c) => describeCondition(c, ruleset, `${indent}  `))];
  if ('not' in cond) return [`${indent}not:`, ...describeCondition(cond.not, ruleset, `${indent}  `)];
  if ('always' in cond) return [`${indent}always`];
  const leaf = cond as Record<string, unknown> & { fact: string; label?: string };
  const op = Object.keys(OP_WORDS).find((k) => leaf[k] !== undefined)!;
  const arg = leaf[op];
  const label = ruleset.facts.has(leaf.fact) ? ruleset.facts.def(leaf.fact).label : leaf.fact;
  const shown = Array.isArray(arg)
    ? arg.map((a) => (typeof a === 'string' && ruleset.groups.has(a) && op.includes('Group') ? `${a} (${ruleset.groups.title(a)})` : String(a))).join(', ')
    : typeof arg === 'string' && op.includes('Group') && ruleset.groups.has(arg)
      ? `${arg} (${ruleset.groups.title(arg)})`
      : String(arg);
  const words = `${label} ${OP_WORDS[op]} ${shown}`;
  return [`${indent}- ${leaf.label ? `${leaf.label} [${words}]` : words}`];
}

export type MeasureStatus = 'in_force' | 'not_enforced' | 'stayed' | 'suspended' | 'not_yet_in_force' | 'ended' | 'unknown_after';

/** Where a measure stands on a date: in force, stayed/suspended/not enforced, not yet or no longer. */
export function measureStatusOn(m: CompiledMeasure, date: IsoDate, options: Record<string, unknown> = {}): { status: MeasureStatus; note?: string } {
  if (date < m.effective.from) return { status: 'not_yet_in_force', note: `from ${m.effective.from}` };
  if (m.effective.to && date >= m.effective.to) return { status: 'ended', note: `ended ${m.effective.to}` };
  for (const w of m.status) {
    if (w.unlessOption && options[w.unlessOption] === true) continue;
    if (date >= w.from && (w.to === undefined || date < w.to)) return { status: w.status, note: `${w.from}${w.to ? ` to ${w.to}` : ''}: ${w.by}` };
    if (w.to && date >= w.to && w.then === 'unknown') return { status: 'unknown_after', note: `${w.status.replace('_', ' ')} ended ${w.to}; what followed is unknown` };
  }
  if (m.knownUntil && date >= m.knownUntil.date) return { status: 'unknown_after', note: m.knownUntil.why };
  return { status: 'in_force' };
}
