import { OWNERSHIP_RULES, type OwnershipRuleId } from '../../domain/index.js';
import type { FactContext, FactResult } from '../context.js';
import type { FactDef } from '../facts.js';

/**
 * The 50 percent rules as facts packs can test (`parties.ownership.bisAffiliates.pct gte 50`):
 * the largest aggregate listed share of a receiving party, computed by src/ownership from the
 * party's owners (tree or register) and passed in by the pipeline. A share that shares not known
 * could bring to 50 % is unknown, naming them (Red Flag 29 → review).
 */

const LABELS: Record<OwnershipRuleId, string> = {
  bisAffiliates: 'aggregate share of a party held by Entity List / MEU List owners, directly or indirectly (%)',
  ofac50: 'aggregate share of a party held by blocked persons (SDN), directly or indirectly (%)',
  cn50: "aggregate share of a party held by parties on China's Control or Watch List (%)",
};

function results(ctx: FactContext, rule: OwnershipRuleId) {
  return (ctx.ownership ?? []).flatMap((p) => p.rules.filter((r) => r.rule === rule).map((r) => ({ party: p, result: r })));
}

function shareFact(ctx: FactContext, rule: OwnershipRuleId): FactResult {
  if (ctx.ownership === undefined) {
    const withOwners = ctx.tx.parties.some((p) => p.role !== 'exporter' && p.owners?.length);
    return withOwners ? { value: undefined, missing: ['screening (not run): owners could not be screened'] } : { value: 0 };
  }
  let max = 0;
  const missing: string[] = [];
  for (const { party, result } of results(ctx, rule)) {
    max = Math.max(max, result.pct);
    if (result.restricted === undefined) for (const m of result.missing) missing.push(`parties[${party.party}].${m}`);
  }
  if (max >= 50 || missing.length === 0) return { value: max };
  return { value: undefined, missing };
}

function describeShare(ctx: FactContext, rule: OwnershipRuleId, holds: boolean): string | undefined {
  const lines = results(ctx, rule)
    .filter(({ result }) => (holds ? result.restricted === true : result.chains.length > 0))
    .map(({ party, result }) => `party ${party.party + 1} "${party.name}" (owners from the ${party.source}): ${result.because.join('; ')}`);
  return lines.length ? lines.join(' | ') : undefined;
}

export const OWNERSHIP_FACTS: FactDef[] = OWNERSHIP_RULES.map((rule) => ({
  path: `parties.ownership.${rule}.pct`,
  type: 'number' as const,
  label: LABELS[rule],
  get: (ctx: FactContext) => shareFact(ctx, rule),
  describe: (ctx: FactContext, holds: boolean) => describeShare(ctx, rule, holds),
}));
