/**
 * The 50 percent rules as an engine below the rules (imports only domain, no I/O): given who
 * owns a party — the transaction's `owners` tree or the stored register — and the screening
 * results for each owner's name (screening is done by the pipeline and passed in), computes
 * per rule the aggregate listed share, the paths that make it, cycles and missing facts.
 */
import type { IsoDate, Owner, OwnershipRegister, OwnershipRuleResult } from '../domain/index.js';
import { computeRule, findCycles, type ListingsOf } from './compute.js';
import { graphFromRegister, graphFromTree, type OwnerGraph } from './graph.js';
import { OWNERSHIP_RULE_DEFS } from './rules.js';

export { computeRule, describeChain, findCycles, type ListingsOf } from './compute.js';
export { graphFromRegister, graphFromTree, GRAPH_LIMITS, type GraphEdge, type GraphNode, type OwnerGraph } from './graph.js';
export { OWNERSHIP_RULE_DEFS, OWNERSHIP_LISTS, LIST_LABELS, listLabel, type OwnershipRuleDef } from './rules.js';
export { registerFromEdges, validateRegisterRows, REGISTER_COLUMNS, type RegisterIndex, type RegisterRow } from './register.js';

/** Every rule's result for one graph. */
export function computeOwnership(graph: OwnerGraph, listingsOf: ListingsOf): OwnershipRuleResult[] {
  // The cycles belong to the graph, not to a rule: find them once.
  const cycles = findCycles(graph);
  return OWNERSHIP_RULE_DEFS.map((rule) => computeRule(graph, rule, listingsOf, cycles));
}

/** The owner graph of a party: its own tree when given, else the register's statements on the date. */
export function ownerGraphOf(party: { name: string; owners?: Owner[] | undefined }, register: OwnershipRegister | undefined, date: IsoDate): { graph: OwnerGraph; source: 'transaction' | 'register' } | undefined {
  if (party.owners?.length) return { graph: graphFromTree(party.name, party.owners), source: 'transaction' };
  if (!register) return undefined;
  const graph = graphFromRegister(party.name, register, date);
  return graph.nodes.get(graph.root)!.edges.length ? { graph, source: 'register' } : undefined;
}
