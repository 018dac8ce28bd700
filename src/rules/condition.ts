import type { Condition, Leaf, Scalar } from '../domain/index.js';
import { COMPARISON_OPERATORS } from '../domain/index.js';
import type { FactContext } from './context.js';
import type { FactRegistry } from './facts.js';
import type { CountryGroups } from './groups.js';

/** Three-valued truth: a condition on a fact nobody supplied is neither true nor false. */
export type Tri = boolean | undefined;

export interface CompiledCondition {
  test(ctx: FactContext): Tri;
  /** Why the condition has the value it has, in words (only called for fired measures). */
  explain(ctx: FactContext, out: string[]): void;
  /** The input paths that would decide it, when it is unknown. */
  missing(ctx: FactContext, out: Set<string>): void;
  /** Leaves that are false, in words (why an exception is unavailable). */
  failures(ctx: FactContext, out: string[]): void;
  /**
   * The condition with only the leaves on `facts` evaluated, every other leaf taken as unknown.
   * Three-valued logic is monotone, so `false` here means `test` is false whatever the other
   * facts turn out to be: the engine uses it to rule measures out once per kind of line.
   */
  partial(ctx: FactContext, facts: ReadonlySet<string>): Tri;
}

/** A problem found while compiling a pack, with the JSON path of the offending node. */
export class ConditionError extends Error {
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
  }
}

type Op = (typeof COMPARISON_OPERATORS)[number];

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : 'none';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  return String(v);
}

function asList(g: string | string[]): string[] {
  return Array.isArray(g) ? g : [g];
}

export interface CompileEnv {
  facts: FactRegistry;
  groups: CountryGroups;
}

export function compileCondition(cond: Condition, env: CompileEnv, path: (string | number)[] = []): CompiledCondition {
  if ('all' in cond) {
    const parts = cond.all.map((c, i) => compileCondition(c, env, [...path, 'all', i]));
    return {
      test(ctx) {
        let sawUnknown = false;
        for (const p of parts) {
          const v = p.test(ctx);
          if (v === false) return false;
          if (v === undefined) sawUnknown = true;
        }
        return sawUnknown ? undefined : true;
      },
      explain(ctx, out) {
        for (const p of parts) p.explain(ctx, out);
      },
      missing(ctx, out) {
        for (const p of parts) if (p.test(ctx) === undefined) p.missing(ctx, out);
      },
      failures(ctx, out) {
        for (const p of parts) if (p.test(ctx) === false) p.failures(ctx, out);
      },
      partial(ctx, facts) {
        let sawUnknown = false;
        for (const p of parts) {
          const v = p.partial(ctx, facts);
          if (v === false) return false;
          if (v === undefined) sawUnknown = true;
        }
        return sawUnknown ? undefined : true;
      },
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c, i) => compileCondition(c, env, [...path, 'any', i]));
    return {
      test(ctx) {
        let sawUnknown = false;
        for (const p of parts) {
          const v = p.test(ctx);
          if (v === true) return true;
          if (v === undefined) sawUnknown = true;
        }
        return sawUnknown ? undefined : false;
      },
      explain(ctx, out) {
        const first = parts.find((p) => p.test(ctx) === true);
        if (first) first.explain(ctx, out);
      },
      missing(ctx, out) {
        for (const p of parts) if (p.test(ctx) === undefined) p.missing(ctx, out);
      },
      failures(ctx, out) {
        const lines: string[] = [];
        for (const p of parts) p.failures(ctx, lines);
        if (lines.length) out.push(lines.join(' and '));
      },
      partial(ctx, facts) {
        let sawUnknown = false;
        for (const p of parts) {
          const v = p.partial(ctx, facts);
          if (v === true) return true;
          if (v === undefined) sawUnknown = true;
        }
        return sawUnknown ? undefined : false;
      },
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not, env, [...path, 'not']);
    return {
      test(ctx) {
        const v = inner.test(ctx);
        return v === undefined ? undefined : !v;
      },
      explain(ctx, out) {
        const lines: string[] = [];
        inner.failures(ctx, lines);
        out.push(...lines);
      },
      missing(ctx, out) {
        inner.missing(ctx, out);
      },
      failures(ctx, out) {
        const lines: string[] = [];
        inner.explain(ctx, lines);
        out.push(...lines.map((l) => `not: ${l}`));
      },
      partial(ctx, facts) {
        const v = inner.partial(ctx, facts);
        return v === undefined ? undefined : !v;
      },
    };
  }
  if ('always' in cond) {
    return { test: () => true, explain: () => {}, missing: () => {}, failures: () => {}, partial: () => true };
  }
  return compileLeaf(cond, env, path);
}

function compileLeaf(leaf: Leaf, env: CompileEnv, path: (string | number)[]): CompiledCondition {
  if (!env.facts.has(leaf.fact)) {
    throw new ConditionError([...path, 'fact'], `unknown fact "${leaf.fact}" (known facts: ${env.facts.paths().join(', ')})`);
  }
  const def = env.facts.def(leaf.fact);
  const op = COMPARISON_OPERATORS.find((o) => (leaf as Record<string, unknown>)[o] !== undefined) as Op;
  const arg = (leaf as Record<string, unknown>)[op];
  if (op === 'inGroup' || op === 'notInGroup' || op === 'anyInGroup') {
    for (const g of asList(arg as string | string[])) {
      if (!env.groups.has(g)) throw new ConditionError([...path, op], `unknown country group "${g}" (known: ${env.groups.names().join(', ')})`);
    }
  }
  const isList = def.type === 'list' || def.type === 'countryList';
  if ((op === 'contains' || op === 'containsAny' || op === 'notContainsAny' || op === 'anyInGroup') && !isList) {
    throw new ConditionError([...path, op], `"${op}" needs a list fact; ${leaf.fact} is a ${def.type}`);
  }
  if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && def.type !== 'number') {
    throw new ConditionError([...path, op], `"${op}" needs a number fact; ${leaf.fact} is a ${def.type}`);
  }
  if ((op === 'inGroup' || op === 'notInGroup') && def.type !== 'country') {
    throw new ConditionError([...path, op], `"${op}" needs a country fact; ${leaf.fact} is a ${def.type}`);
  }

  const inGroups = (ctx: FactContext, country: string): boolean =>
    asList(arg as string | string[]).some((g) => env.groups.isMember(country, g, ctx.date, ctx.jurisdiction));

  /** Compares a known value; list facts carry their unknown elements in `missing`. */
  const compare = (ctx: FactContext, value: unknown, someUnknown: boolean): Tri => {
    switch (op) {
      case 'eq':
        return value === arg;
      case 'ne':
        return value !== arg;
      case 'in':
        return (arg as Scalar[]).includes(value as Scalar);
      case 'notIn':
        return !(arg as Scalar[]).includes(value as Scalar);
      case 'gt':
        return (value as number) > (arg as number);
      case 'gte':
        return (value as number) >= (arg as number);
      case 'lt':
        return (value as number) < (arg as number);
      case 'lte':
        return (value as number) <= (arg as number);
      case 'inGroup':
        return inGroups(ctx, value as string);
      case 'notInGroup':
        return !inGroups(ctx, value as string);
      case 'anyInGroup': {
        if ((value as string[]).some((c) => inGroups(ctx, c))) return true;
        return someUnknown ? undefined : false;
      }
      case 'contains': {
        if ((value as Scalar[]).includes(arg as Scalar)) return true;
        return someUnknown ? undefined : false;
      }
      case 'containsAny': {
        if ((value as Scalar[]).some((v) => (arg as Scalar[]).includes(v))) return true;
        return someUnknown ? undefined : false;
      }
      case 'notContainsAny': {
        if ((value as Scalar[]).some((v) => (arg as Scalar[]).includes(v))) return false;
        return someUnknown ? undefined : true;
      }
      case 'exists':
        return (value !== undefined) === arg;
    }
  };

  const test = (ctx: FactContext): Tri => {
    const r = env.facts.read(leaf.fact, ctx);
    if (op === 'exists') return (r.value !== undefined && !(r.missing && !isList)) === arg;
    if (isList) return compare(ctx, r.value ?? [], (r.missing?.length ?? 0) > 0);
    if (r.value === undefined) return undefined;
    return compare(ctx, r.value, false);
  };

  const opText = (negated: boolean): string => {
    const a = Array.isArray(arg) ? formatValue(arg) : String(arg);
    const groups = (): string => asList(arg as string | string[]).map((g) => env.groups.title(g)).join(' / ');
    switch (op) {
      case 'eq': return negated ? `is not ${a}` : `is ${a}`;
      case 'ne': return negated ? `is ${a}` : `is not ${a}`;
      case 'in': return negated ? `is not one of ${a}` : `is one of ${a}`;
      case 'notIn': return negated ? `is one of ${a}` : `is not one of ${a}`;
      case 'gt': return negated ? `<= ${a}` : `> ${a}`;
      case 'gte': return negated ? `< ${a}` : `>= ${a}`;
      case 'lt': return negated ? `>= ${a}` : `< ${a}`;
      case 'lte': return negated ? `> ${a}` : `<= ${a}`;
      case 'inGroup': return negated ? `is not in ${groups()}` : `is in ${groups()}`;
      case 'notInGroup': return negated ? `is in ${groups()}` : `is not in ${groups()}`;
      case 'anyInGroup': return negated ? `none in ${groups()}` : `includes one in ${groups()}`;
      case 'contains': return negated ? `does not include ${a}` : `includes ${a}`;
      case 'containsAny': return negated ? `includes none of ${a}` : `includes one of ${a}`;
      case 'notContainsAny': return negated ? `includes one of ${a}` : `includes none of ${a}`;
      case 'exists': return (arg === true) !== negated ? 'is known' : 'is not known';
    }
  };

  const describe = (ctx: FactContext, holds: boolean): string => {
    if (leaf.label && def.internal) return holds ? leaf.label : `not met: ${leaf.label}`;
    const custom = def.describe?.(ctx, holds);
    if (custom !== undefined && !leaf.label) return custom;
    const r = env.facts.read(leaf.fact, ctx);
    const shown = isList && op === 'anyInGroup' && holds
      ? formatValue((r.value as string[]).filter((c) => inGroups(ctx, c)))
      : formatValue(r.value ?? 'unknown');
    const subject = leaf.fact.startsWith('item.') ? `item ${ctx.itemIndex + 1}: ${def.label}` : def.label;
    if (leaf.label) return holds ? `${leaf.label} (${subject} ${shown})` : `not met: ${leaf.label} (${subject} ${shown})`;
    return `${subject} ${shown} ${opText(!holds)}`;
  };

  return {
    test,
    partial: (ctx, facts) => (facts.has(leaf.fact) ? test(ctx) : undefined),
    explain(ctx, out) {
      out.push(describe(ctx, true));
    },
    missing(ctx, out) {
      for (const m of env.facts.read(leaf.fact, ctx).missing ?? []) out.add(m);
    },
    failures(ctx, out) {
      out.push(describe(ctx, false));
    },
  };
}
