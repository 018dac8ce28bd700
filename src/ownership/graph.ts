import { isUnknownOwnerName, ownershipKey, type IsoDate, type Owner, type OwnershipRegister } from '../domain/index.js';

/** One holding: `owner` (a node key) holds `pct` % of the node; undefined pct = not known. */
export interface GraphEdge {
  owner: string;
  pct: number | undefined;
}

export interface GraphNode {
  key: string;
  name: string;
  country?: string | undefined;
  /** The name says nobody knows who this is ("unknown", "undisclosed"). */
  unknownOwner: boolean;
  edges: GraphEdge[];
}

/** The owners reachable upwards from one party, as nodes keyed by folded name. */
export interface OwnerGraph {
  root: string;
  nodes: Map<string, GraphNode>;
  /** Chains cut short because the graph hit its size or depth bound. */
  truncated: string[];
}

/** Bounds for walking the register upwards from one party. */
export const GRAPH_LIMITS = { maxNodes: 5000, maxDepth: 64 } as const;

function node(nodes: Map<string, GraphNode>, name: string, country?: string): GraphNode {
  const key = ownershipKey(name) || name;
  let n = nodes.get(key);
  if (!n) {
    n = { key, name, country, unknownOwner: isUnknownOwnerName(name), edges: [] };
    nodes.set(key, n);
  }
  return n;
}

/**
 * The graph of a transaction's owners tree. The same name in two places is one entity (so
 * "X owns 50 % of A and 25 % of C" is one X); its owners are taken from the first place that
 * lists them, so a repeated subtree is not counted twice.
 */
export function graphFromTree(partyName: string, owners: Owner[]): OwnerGraph {
  const nodes = new Map<string, GraphNode>();
  const root = node(nodes, partyName);
  const filled = new Set<string>();
  const fill = (n: GraphNode, list: Owner[]): void => {
    if (filled.has(n.key)) return;
    filled.add(n.key);
    for (const o of list) {
      const child = node(nodes, o.name, o.country);
      n.edges.push({ owner: child.key, pct: o.pct });
      if (o.owners?.length) fill(child, o.owners);
    }
  };
  fill(root, owners);
  return { root: root.key, nodes, truncated: [] };
}

/**
 * The graph of the register's statements in force on the date, walked upwards from the party
 * breadth-first; cycles are fine here (each entity is visited once), bounds cut long walks.
 */
export function graphFromRegister(partyName: string, register: OwnershipRegister, date: IsoDate): OwnerGraph {
  const nodes = new Map<string, GraphNode>();
  const root = node(nodes, partyName);
  const truncated: string[] = [];
  let frontier = [root];
  const seen = new Set([root.key]);
  for (let depth = 0; frontier.length; depth++) {
    const next: GraphNode[] = [];
    for (const n of frontier) {
      const edges = register.ownersOf(n.name, date);
      if (edges.length && (depth >= GRAPH_LIMITS.maxDepth || nodes.size >= GRAPH_LIMITS.maxNodes)) {
        truncated.push(`the owners of "${n.name}" (the register walk stopped after ${depth} levels / ${nodes.size} entities)`);
        continue;
      }
      for (const e of edges) {
        const child = node(nodes, e.owner);
        n.edges.push({ owner: child.key, pct: e.share });
        if (!seen.has(child.key)) {
          seen.add(child.key);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return { root: root.key, nodes, truncated };
}
