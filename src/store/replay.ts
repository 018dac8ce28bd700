import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Determination, IsoDate } from '../domain/index.js';
import { determine } from '../determine/index.js';
import { loadCatalogue } from '../bundle/catalogue.js';
import { loadRuleset } from '../bundle/rules.js';
import type { Ruleset } from '../rules/index.js';
import { canonicalJson } from './canonical.js';
import { screenerFromStore } from './lifecycle/bundled.js';
import { ClearedHits, screenerWithReviews } from './reviews.js';
import type { AuditRecord, DeterminationOptionsRecord, Store } from './types.js';
import { registerFromEdges } from '../ownership/index.js';

export interface ReplayReport {
  seq: number;
  determinationId: string | null;
  /** The fresh answer equals the recorded one exactly. */
  reproduced: boolean;
  /** Replayed under exactly the recorded rule packs and list versions. */
  sameInputs: boolean;
  ruleset: {
    recorded: { version: string; hash: string };
    current: { version: string; hash: string };
    /** Which rule packs the replay used. */
    used: 'current' | 'stored snapshot' | 'current (recorded rule set not available)';
  };
  lists: { list: string; sourceDate: IsoDate; hash: string; found: boolean }[];
  asOf: IsoDate | null;
  today: IsoDate;
  /** Paths where the answers differ (first 20). */
  differences: string[];
  message: string;
  recorded: Determination;
  replayed: Determination;
}

/** Paths where two JSON values differ, depth first, at most `limit`. */
export function jsonDifferences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (canonicalJson(a) === canonicalJson(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      jsonDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub, out, limit);
    }
    return out;
  }
  out.push(path || '(root)');
  return out;
}

async function findRecord(store: Store, ref: string): Promise<AuditRecord> {
  let record: AuditRecord | undefined;
  if (/^\d+$/.test(ref)) record = await store.getAudit(Number(ref));
  else {
    const det = await store.getDetermination(ref);
    if (det) record = await store.getAudit(det.auditSeq);
  }
  if (!record) throw new ReplayError(`no audit record or determination ${JSON.stringify(ref)}; give an audit seq (redline audit list) or a det_… id`);
  if (record.kind !== 'determination') throw new ReplayError(`audit record ${record.seq} is a ${record.kind}, not a determination: only determinations can be replayed`);
  return record;
}

/** Something the caller asked for that cannot be replayed (unknown id, not a determination): bad input. */
export class ReplayError extends Error {}

async function rulesetFromSnapshot(store: Store, hash: string): Promise<Ruleset | undefined> {
  const snap = await store.getRulesetSnapshot(hash);
  if (!snap) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'redline-ruleset-'));
  try {
    for (const f of snap.files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.text);
    }
    const ruleset = await loadRuleset(dir);
    return ruleset.hash === hash ? ruleset : undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Re-runs a recorded determination with what it was made with — its input,
 * options, as-of date and run date, the list versions it screened against,
 * the cleared reviews it applied and (when the store holds them) its rule
 * packs — and says whether the answer comes out exactly the same.
 */
export async function replayDetermination(store: Store, ref: string): Promise<ReplayReport> {
  const record = await findRecord(store, ref);
  const recorded = record.output as Determination;
  const meta = (record.meta ?? {}) as { options?: DeterminationOptionsRecord };
  const options: DeterminationOptionsRecord = meta.options ?? { today: record.at.slice(0, 10) };
  const recordedRuleset = record.ruleset ?? recorded.ruleset;

  const current = await loadRuleset();
  let ruleset = current;
  let used: ReplayReport['ruleset']['used'] = 'current';
  if (recordedRuleset.hash !== current.hash) {
    const snap = await rulesetFromSnapshot(store, recordedRuleset.hash);
    if (snap) {
      ruleset = snap;
      used = 'stored snapshot';
    } else used = 'current (recorded rule set not available)';
  }

  const lists: ReplayReport['lists'] = [];
  const versionIds: number[] = [];
  const currentAsOf: Record<string, string | undefined> = {};
  for (const [list, v] of Object.entries(record.lists ?? {})) {
    currentAsOf[list] = v.currentAsOf;
    const found = await store.findListVersion(list, v.hash);
    lists.push({ list, sourceDate: v.sourceDate, hash: v.hash, found: !!found });
    if (found) versionIds.push(found.id);
  }
  const base = lists.length ? await screenerFromStore(store, { versionIds, currentAsOf }) : undefined;
  const reviews = options.reviewIds?.length ? await store.getReviews(options.reviewIds) : [];
  const screener = base ? screenerWithReviews(base, new ClearedHits(reviews)) : undefined;

  // The register as it stood: every import up to the version the determination read.
  const owners = options.ownersVersion
    ? registerFromEdges((await store.ownerEdges()).filter((e) => (e.importId ?? 0) <= options.ownersVersion!), options.ownersVersion)
    : undefined;
  const fresh = determine(record.input, { ruleset, catalogue: loadCatalogue(), screener, owners }, {
    asOf: options.asOf,
    today: options.today,
    enforceAiDiffusion: options.enforceAiDiffusion,
    maxListAgeDays: options.maxListAgeDays,
  });
  const replayed = JSON.parse(canonicalJson(fresh)) as Determination;
  const differences = jsonDifferences(recorded, replayed);
  const reproduced = differences.length === 0;
  const missingLists = lists.filter((l) => !l.found);
  const sameInputs = used !== 'current (recorded rule set not available)' && missingLists.length === 0;
  const notes: string[] = [];
  if (used === 'stored snapshot') notes.push(`the rule set has changed since (recorded ${recordedRuleset.hash}, current ${current.hash}); replayed with the recorded rule packs kept in the store`);
  if (used === 'current (recorded rule set not available)') {
    notes.push(`the rule set differs: recorded ${recordedRuleset.version} ${recordedRuleset.hash}, current ${current.version} ${current.hash}, and the store does not hold the recorded packs; replay is exact only with the same rule set`);
  }
  if (missingLists.length) notes.push(`list versions not in the store: ${missingLists.map((l) => `${l.list} ${l.sourceDate}`).join(', ')}`);
  const head = reproduced ? `reproduced exactly: outcome ${replayed.outcome}` : `NOT reproduced: recorded ${recorded.outcome}, now ${replayed.outcome}; ${differences.length} difference(s) starting at ${differences[0]}`;
  return {
    seq: record.seq,
    determinationId: record.ref,
    reproduced,
    sameInputs,
    ruleset: { recorded: recordedRuleset, current: { version: current.version, hash: current.hash }, used },
    lists,
    asOf: options.asOf ?? null,
    today: options.today,
    differences,
    message: [head, ...notes].join('; '),
    recorded,
    replayed,
  };
}
