import { round, SHARE_EPSILON, type OwnerListing, type OwnershipChain, type OwnershipRuleResult } from '../domain/index.js';
import type { GraphNode, OwnerGraph } from './graph.js';
import { listLabel, type OwnershipRuleDef } from './rules.js';

/** The screening result for an owner's name, as the pipeline found it (alert-level, active hits). */
export type ListingsOf = (node: GraphNode) => OwnerListing[];

const THRESHOLD = 50;
const MAX_CHAINS = 50;
const MAX_CYCLES = 10;

const reaches = (sum: number): boolean => sum >= THRESHOLD - SHARE_EPSILON;

interface Status {
  listed: Map<string, OwnerListing[]>;
  /** Restricted for certain (shares not known count as 0, unknown owners as not restricted). */
  lower: Set<string>;
  /** Possibly restricted (shares not known count as the rest of 100 %, unknown owners as restricted). */
  upper: Set<string>;
}

/** The share of `n` held by owners in `set`; `optimistic` counts unknown shares as what is left of 100 %. */
function heldBy(n: GraphNode, set: Set<string>, optimistic: boolean): number {
  let known = 0;
  for (const e of n.edges) known += e.pct ?? 0;
  const rest = Math.max(0, 100 - known);
  let sum = 0;
  for (const e of n.edges) {
    if (!set.has(e.owner)) continue;
    if (e.pct !== undefined) sum += e.pct;
    else if (optimistic) sum += rest;
  }
  return sum;
}

/**
 * Least fixpoint of "listed, or held 50 % or more by restricted owners" over the graph, once
 * counting only what is known and once counting every unknown against the party. Both are
 * monotone, so a worklist settles them and a cycle is simply visited again, never looped on.
 */
function settle(graph: OwnerGraph, rule: OwnershipRuleDef, listingsOf: ListingsOf): Status {
  const listed = new Map<string, OwnerListing[]>();
  const ownedBy = new Map<string, string[]>();
  for (const n of graph.nodes.values()) {
    const hits = listingsOf(n).filter((l) => rule.lists.includes(l.list));
    if (hits.length) listed.set(n.key, hits);
    for (const e of n.edges) {
      const list = ownedBy.get(e.owner) ?? [];
      list.push(n.key);
      ownedBy.set(e.owner, list);
    }
  }
  const run = (optimistic: boolean): Set<string> => {
    const set = new Set<string>();
    const work: string[] = [];
    for (const n of graph.nodes.values()) {
      if (listed.has(n.key) || (optimistic && n.unknownOwner)) {
        set.add(n.key);
        work.push(n.key);
      }
    }
    while (work.length) {
      const k = work.pop()!;
      for (const child of ownedBy.get(k) ?? []) {
        if (set.has(child)) continue;
        if (reaches(heldBy(graph.nodes.get(child)!, set, optimistic))) {
          set.add(child);
          work.push(child);
        }
      }
    }
    return set;
  };
  return { listed, lower: run(false), upper: run(true) };
}

/** The chains behind the certain share: through restricted owners until a listed one. */
function chainsOf(graph: OwnerGraph, s: Status): OwnershipChain[] {
  const out: OwnershipChain[] = [];
  const walk = (key: string, names: string[], pcts: number[], onPath: Set<string>): void => {
    const n = graph.nodes.get(key)!;
    for (const e of n.edges) {
      if (out.length >= MAX_CHAINS) return;
      if (e.pct === undefined || !s.lower.has(e.owner) || onPath.has(e.owner)) continue;
      const o = graph.nodes.get(e.owner)!;
      const hits = s.listed.get(o.key);
      if (hits) out.push({ names: [...names, o.name], pcts: [...pcts, e.pct], listing: hits[0]! });
      else walk(o.key, [...names, o.name], [...pcts, e.pct], new Set([...onPath, o.key]));
    }
  };
  const root = graph.nodes.get(graph.root)!;
  walk(root.key, [root.name], [], new Set([root.key]));
  return out;
}

/** Cycles in the owner graph (each reported once, by the names around it). */
export function findCycles(graph: OwnerGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (k: string): void => {
    state.set(k, 1);
    stack.push(k);
    for (const e of graph.nodes.get(k)!.edges) {
      if (cycles.length >= MAX_CYCLES) break;
      const st = state.get(e.owner);
      if (st === 1) {
        const from = stack.indexOf(e.owner);
        cycles.push([...stack.slice(from), e.owner].map((x) => graph.nodes.get(x)!.name));
      } else if (st === undefined) visit(e.owner);
    }
    stack.pop();
    state.set(k, 2);
  };
  visit(graph.root);
  return cycles;
}

/** What stands between the certain and the possible answer: shares and owners not known. */
function missingOf(graph: OwnerGraph, s: Status): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (k: string): void => {
    if (seen.has(k)) return;
    seen.add(k);
    const n = graph.nodes.get(k)!;
    for (const e of n.edges) {
      if (!s.upper.has(e.owner) || s.lower.has(e.owner)) {
        if (e.pct === undefined && s.lower.has(e.owner)) out.add(`owners: share of "${graph.nodes.get(e.owner)!.name}" in "${n.name}" (Red Flag 29: ownership not determined)`);
        continue;
      }
      const o = graph.nodes.get(e.owner)!;
      if (o.unknownOwner) out.add(`owners: who "${o.name}" is, holding ${e.pct === undefined ? 'a share not known' : `${e.pct} %`} of "${n.name}" (Red Flag 29: the chain stops at an unknown owner)`);
      else if (e.pct === undefined && !s.listed.has(o.key)) out.add(`owners: share of "${o.name}" in "${n.name}" (Red Flag 29: ownership not determined)`);
      if (!o.unknownOwner) walk(o.key);
    }
  };
  walk(graph.root);
  return [...out];
}

const POLICY_RANK: [RegExp, number][] = [
  [/(?<!presumption )policy of denial/i, 4],
  [/presumption of denial/i, 3],
  [/case[- ]by[- ]case/i, 2],
  [/presumption of approval/i, 1],
];

/** The most restrictive listing among the owners reached: strictest review policy, then list order. */
function strictest(chains: OwnershipChain[], rule: OwnershipRuleDef): OwnerListing | undefined {
  const rank = (l: OwnerListing): number => {
    const policy = POLICY_RANK.find(([re]) => re.test(l.licensePolicy ?? ''))?.[1] ?? 0;
    return policy * 10 + (rule.lists.length - rule.lists.indexOf(l.list));
  };
  let best: OwnershipChain | undefined;
  for (const c of chains) if (!best || rank(c.listing) > rank(best.listing)) best = c;
  return best ? { ...best.listing, owner: best.names[best.names.length - 1] } : undefined;
}

export function describeChain(c: OwnershipChain): string {
  let s = c.names[0]!;
  for (let i = 1; i < c.names.length; i++) s += ` ← ${round(c.pcts[i - 1]!)}% ${c.names[i]}`;
  const l = c.listing;
  return `${s} (${listLabel(l.list)}${l.citation ? `, ${l.citation}` : ''})`;
}

/** The aggregate listed share of the graph's root under one rule, with the paths that make it. */
export function computeRule(graph: OwnerGraph, rule: OwnershipRuleDef, listingsOf: ListingsOf, cycles: string[][] = findCycles(graph)): OwnershipRuleResult {
  const s = settle(graph, rule, listingsOf);
  const root = graph.nodes.get(graph.root)!;
  const lowSum = heldBy(root, s.lower, false);
  const highSum = heldBy(root, s.upper, true);
  const restricted = reaches(lowSum) ? true : reaches(highSum) || graph.truncated.length ? undefined : false;
  const chains = chainsOf(graph, s);
  const pct = round(lowSum);
  const because: string[] = [];
  if (chains.length) because.push(`${chains.map(describeChain).join('; ')}; aggregate ${pct}% ${reaches(lowSum) ? '≥' : '<'} 50%`);
  for (const c of cycles) because.push(`ownership cycle ${c.join(' ← ')} (each holding counted once)`);
  const missing = restricted === undefined ? [...missingOf(graph, s), ...graph.truncated.map((t) => `owners: ${t}`)] : [];
  if (restricted === undefined) because.push(`aggregate ${pct}% known; shares or owners not known could bring it to 50% or more`);
  const terms = strictest(chains, rule);
  return { rule: rule.id, pct, restricted, chains, because, missing, cycles, ...(terms ? { terms } : {}) };
}
