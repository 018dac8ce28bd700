import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { join, relative } from 'node:path';
import type { Determination, IsoDate, OwnershipRegister, Screener } from '../domain/index.js';
import { determine } from '../determine/index.js';
import { PACKS_DIR } from '../bundle/paths.js';
import type { Catalogue } from '../classify/index.js';
import type { Ruleset } from '../rules/index.js';
import { loadClearedHits, screenerWithReviews } from './reviews.js';
import { openCasesForDetermination } from './open-cases.js';
import type { CounterpartyRef, RulesetSnapshot, Store, StoredDetermination } from './types.js';

export interface CheckEngines {
  ruleset: Ruleset;
  catalogue: Catalogue;
  /** Without a screener parties are not screened (list rules then answer review). */
  screener?: Screener | undefined;
  /** The ownership register snapshot for parties sent without owners. */
  owners?: OwnershipRegister | undefined;
}

export interface CheckAndRecordOptions {
  asOf?: IsoDate | undefined;
  /** The run date (default: today in UTC). Recorded, so replay uses the same list-freshness day. */
  today?: IsoDate | undefined;
  enforceAiDiffusion?: boolean | undefined;
  maxListAgeDays?: number | undefined;
  keyId?: string | undefined;
  /** Base of error paths (`[3]`). */
  path?: string | undefined;
  batch?: { jobId: string; rowNo: number } | undefined;
}

async function packFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await packFiles(full)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * The rule packs as a snapshot, read once and hashed the way `readPackSources`
 * hashes them; undefined when they are not the rule set in use (the packs on
 * disk changed since it was loaded, or it came from another folder).
 */
export async function bundledRulesetSnapshot(hash: string, dir = PACKS_DIR): Promise<RulesetSnapshot | undefined> {
  const files = await Promise.all((await packFiles(dir)).map(async (f) => ({ path: relative(dir, f), text: await readFile(f, 'utf8') })));
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\n${f.text}\n`);
  if (`sha256:${h.digest('hex')}` !== hash) return undefined;
  const manifest = files.find((f) => f.path === 'manifest.yaml');
  const version = manifest ? String((parseYaml(manifest.text) as { version?: unknown } | null)?.version ?? 'unversioned') : 'unversioned';
  return { hash, version, files };
}

const snapshotted = new WeakMap<Store, Set<string>>();

/** Keeps the rule packs of this rule set in the store (once per store and hash), so replay can use them after the packs change. */
export async function ensureRulesetSnapshot(store: Store, ruleset: Pick<Ruleset, 'hash'>): Promise<void> {
  let seen = snapshotted.get(store);
  if (!seen) snapshotted.set(store, (seen = new Set()));
  if (seen.has(ruleset.hash)) return;
  if (!(await store.getRulesetSnapshot(ruleset.hash))) {
    const snap = await bundledRulesetSnapshot(ruleset.hash);
    if (snap) await store.saveRulesetSnapshot(snap);
  }
  seen.add(ruleset.hash);
}

function partiesOf(input: unknown): CounterpartyRef[] {
  const parties = (input as { parties?: unknown } | null)?.parties;
  if (!Array.isArray(parties)) return [];
  return parties.flatMap((p) => {
    const o = p as Record<string, unknown> | null;
    return o && typeof o.name === 'string' ? [{ name: o.name, country: typeof o.country === 'string' ? o.country : undefined }] : [];
  });
}

/**
 * Determines a transaction and records it (with its audit record): hits an
 * officer cleared are left out, and everything replay needs is kept — the
 * options, the run date, the list versions, the reviews applied and the rule
 * packs. Bad input throws InputError and records nothing.
 */
export async function checkAndRecord(
  store: Store,
  engines: CheckEngines,
  input: unknown,
  options: CheckAndRecordOptions = {},
): Promise<{ determination: Determination; record: StoredDetermination }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const reviewed = engines.screener ? screenerWithReviews(engines.screener, await loadClearedHits(store, partiesOf(input))) : undefined;
  const determination = determine(input, { ruleset: engines.ruleset, catalogue: engines.catalogue, screener: reviewed, owners: engines.owners }, {
    asOf: options.asOf,
    today,
    enforceAiDiffusion: options.enforceAiDiffusion,
    maxListAgeDays: options.maxListAgeDays,
    path: options.path,
  });
  await ensureRulesetSnapshot(store, engines.ruleset);
  const record = await store.recordDetermination({
    input,
    output: determination,
    options: {
      asOf: options.asOf,
      today,
      enforceAiDiffusion: options.enforceAiDiffusion,
      maxListAgeDays: options.maxListAgeDays,
      reviewIds: reviewed && reviewed.applied.size ? [...reviewed.applied].sort() : undefined,
      ownersVersion: engines.owners?.version || undefined,
    },
    lists: engines.screener?.versions,
    keyId: options.keyId,
    batch: options.batch,
  });
  // Every potential match and every `review` answer waits in the review queue (issue 15).
  await openCasesForDetermination(store, determination, input, { source: options.batch ? 'batch' : 'check', sourceRef: record.id, alertThreshold: engines.screener?.alertThreshold });
  return { determination: { ...determination, id: record.id }, record };
}
