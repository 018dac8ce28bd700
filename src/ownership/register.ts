import { isIsoDate, ownershipKey, round, SHARE_EPSILON, type InputProblem, type IsoDate, type OwnershipEdge, type OwnershipRegister } from '../domain/index.js';

/** One statement: the owners of an entity as of a date, from one import. */
interface Statement {
  asOf: IsoDate;
  importId: number;
  edges: OwnershipEdge[];
}

export interface RegisterIndex extends OwnershipRegister {
  /** Every statement about an entity, oldest first (for `owners show`). */
  history(entity: string): OwnershipEdge[][];
  readonly entities: number;
  readonly edges: number;
}

/**
 * The register in memory: statements per entity key, sorted by as-of date then import. The
 * owners of an entity on a date are the latest statement dated on or before it (a later import
 * with the same as-of date corrects an earlier one); older statements stay as history.
 */
export function registerFromEdges(edges: Iterable<OwnershipEdge>, version = 0): RegisterIndex {
  const byEntity = new Map<string, Statement[]>();
  let count = 0;
  for (const e of edges) {
    count++;
    const key = ownershipKey(e.entity);
    let list = byEntity.get(key);
    if (!list) byEntity.set(key, (list = []));
    const importId = e.importId ?? 0;
    let st = list.find((s) => s.asOf === e.asOf && s.importId === importId);
    if (!st) list.push((st = { asOf: e.asOf, importId, edges: [] }));
    st.edges.push(e);
  }
  for (const list of byEntity.values()) list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.importId - b.importId));
  return {
    version,
    entities: byEntity.size,
    edges: count,
    ownersOf(entity, date) {
      const list = byEntity.get(ownershipKey(entity));
      if (!list) return [];
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.asOf <= date) return list[i]!.edges;
      return [];
    },
    history(entity) {
      return (byEntity.get(ownershipKey(entity)) ?? []).map((s) => s.edges);
    },
  };
}

/** A register CSV row as read (strings), with its line number in the file. */
export interface RegisterRow {
  line: number;
  entity?: string | undefined;
  owner?: string | undefined;
  share?: string | undefined;
  as_of?: string | undefined;
  source?: string | undefined;
}

export const REGISTER_COLUMNS = ['entity', 'owner', 'share', 'as_of', 'source'] as const;

/**
 * Checks register rows and turns them into edges; every problem names its line. A share is
 * 0–100 (a trailing % is allowed) or empty for "not known"; the owners stated for one entity on
 * one as-of date may not add up to more than 100 %.
 */
export function validateRegisterRows(rows: RegisterRow[]): { edges: OwnershipEdge[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const edges: OwnershipEdge[] = [];
  const sums = new Map<string, { sum: number; lines: number[]; entity: string; asOf: string }>();
  // Registers repeat entity names on many rows; fold each name once.
  const keys = new Map<string, string>();
  for (const r of rows) {
    const at = `line ${r.line}`;
    const entity = r.entity?.trim() ?? '';
    const owner = r.owner?.trim() ?? '';
    const asOf = r.as_of?.trim() ?? '';
    const shareText = (r.share ?? '').trim().replace(/\s*%$/, '');
    const before = problems.length;
    if (!entity) problems.push({ path: `${at}, entity`, message: 'is empty; name the entity that is owned' });
    if (!owner) problems.push({ path: `${at}, owner`, message: 'is empty; name the owner (write "unknown" when it is not known)' });
    if (!isIsoDate(asOf)) problems.push({ path: `${at}, as_of`, message: `"${r.as_of ?? ''}" is not a date written YYYY-MM-DD` });
    let share: number | undefined;
    if (shareText !== '') {
      share = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(shareText) ? Number(shareText) : Number.NaN;
      if (!Number.isFinite(share) || share < 0 || share > 100) problems.push({ path: `${at}, share`, message: `"${r.share}" is not a share between 0 and 100 (percent)` });
    }
    if (problems.length > before) continue;
    let folded = keys.get(entity);
    if (folded === undefined) keys.set(entity, (folded = ownershipKey(entity)));
    const key = `${folded}|${asOf}`;
    const s = sums.get(key) ?? { sum: 0, lines: [], entity, asOf };
    s.sum += share ?? 0;
    s.lines.push(r.line);
    sums.set(key, s);
    edges.push({ entity, owner, share, asOf, source: r.source?.trim() || undefined, line: r.line });
  }
  for (const s of sums.values()) {
    if (s.sum > 100 + SHARE_EPSILON) {
      problems.push({ path: `line ${s.lines[s.lines.length - 1]}`, message: `the owners of "${s.entity}" as of ${s.asOf} (lines ${s.lines.join(', ')}) hold ${round(s.sum)} % together, more than 100 %` });
    }
  }
  return { edges, problems };
}
