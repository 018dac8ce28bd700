/**
 * The store's public face: `const store = await openStore(url)`.
 * SQLite by default (./data/runtime/redline.sqlite), PostgreSQL for a
 * `postgres://…` URL (add `?schema=name` to use a schema other than public).
 */
import { kyselyStore } from './kysely-store.js';
import { openContext, parseStoreUrl } from './open.js';
import type { AuditKeyring } from './audit-key.js';
import type { Role, Store } from './types.js';

export * from './types.js';
export { canonicalJson, entryContentHash, sha256Hex } from './canonical.js';
export { GENESIS_HASH, chainHash, keyedChainHash, headSeal, AuditBrokenError } from './audit.js';
export { ANCHOR_FORMAT, AnchorFormatError, parseAnchor, type AuditAnchor } from './audit-anchor.js';
export { AuditKeyError, auditKeyringFor, keyringFromFile, keyringFromSecret, parseAuditSecret, POSTGRES_AUDIT_KEY_FILE, type AuditKey, type AuditKeyring } from './audit-key.js';
export { counterpartyKey } from './records.js';
export { isRole } from './keys.js';
export { parseStoreUrl, DEFAULT_DB_PATH, type StoreTarget } from './open.js';
export { serviceRoleGrants } from './pg-roles.js';

export interface OpenStoreOptions {
  /** The audit key(s) to seal and verify with; default from REDLINE_AUDIT_KEY / REDLINE_AUDIT_KEY_FILE or beside the store (audit-key.ts). */
  auditKeys?: AuditKeyring | undefined;
}

export async function openStore(url?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  const ctx = await openContext(target, options.auditKeys);
  return kyselyStore(ctx, target.location);
}

/** For the API: the key's id and role, or undefined for an unknown, malformed or revoked key. */
export function verifyKey(store: Store, key: string): Promise<{ id: string; role: Role } | undefined> {
  return store.verifyKey(key);
}

export { ClearedHits, loadClearedHits, suppressClearedHits, screenerWithReviews, type ReviewedScreener } from './reviews.js';
export { checkAndRecord, ensureRulesetSnapshot, bundledRulesetSnapshot, type CheckEngines, type CheckAndRecordOptions } from './record-check.js';
export { loadOwnershipRegister, ownershipRegisterCache } from './owners-repo.js';
export { importRegisterCsv, parseRegisterCsv } from './owners-import.js';
export { replayDetermination, jsonDifferences, ReplayError, type ReplayReport } from './replay.js';
export * from './lifecycle/index.js';
export * from './updates/index.js';

/**
 * Opens the store, runs `fn`, and closes it whatever happens (CLI commands
 * and scripts). A store that cannot be opened throws StoreUnavailableError
 * with a message naming where and why, without a stack.
 */
export async function withStore<T>(url: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(url);
  } catch (err) {
    throw new StoreUnavailableError((err as Error).message);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
export { CASE_STATUSES, CaseConflict, type CaseKind, type CaseQuery, type CaseSource, type CaseStatus, type NewCase, type ReviewCase, type ReviewQueue } from './cases.js';
export { nameKey, type SavedCounterparty, type SavedCounterpartyInput } from './saved-counterparties.js';
export { openCasesForDetermination, openMatchCase } from './open-cases.js';
