import type { FactResult } from '../context.js';

/**
 * A three-valued answer with what would decide it, for fact providers that combine several
 * unknowns (de minimis, foreign-direct-product tests). `why` says in words what held.
 */
export interface TriValue {
  value: boolean | undefined;
  missing: string[];
  why: string[];
}

export const yes = (...why: string[]): TriValue => ({ value: true, missing: [], why });
export const no = (...why: string[]): TriValue => ({ value: false, missing: [], why });
export const unknownTri = (...missing: string[]): TriValue => ({ value: undefined, missing, why: [] });

export function fromMaybe(value: boolean | undefined, path: string, whyTrue: string, whyFalse: string): TriValue {
  if (value === undefined) return unknownTri(path);
  return value ? yes(whyTrue) : no(whyFalse);
}

/** Kleene AND: false wins, then unknown. */
export function allOf(...parts: TriValue[]): TriValue {
  const f = parts.find((p) => p.value === false);
  if (f) return f;
  const u = parts.filter((p) => p.value === undefined);
  if (u.length) return { value: undefined, missing: [...new Set(u.flatMap((p) => p.missing))], why: [] };
  return { value: true, missing: [], why: parts.flatMap((p) => p.why) };
}

/** Kleene OR: true wins, then unknown. */
export function anyOf(...parts: TriValue[]): TriValue {
  const t = parts.find((p) => p.value === true);
  if (t) return t;
  const u = parts.filter((p) => p.value === undefined);
  if (u.length) return { value: undefined, missing: [...new Set(u.flatMap((p) => p.missing))], why: [] };
  return { value: false, missing: [], why: parts.flatMap((p) => p.why) };
}

export function toFactResult(t: TriValue): FactResult {
  return t.value === undefined ? { value: undefined, missing: t.missing } : { value: t.value };
}
