import * as audit from './audit.js';
import * as batch from './batch-repo.js';
import * as counterparties from './counterparty-batch.js';
import { reviewQueue } from './cases.js';
import type { StoreContext } from './context.js';
import * as keys from './keys.js';
import * as lists from './lists-repo.js';
import * as owners from './owners-repo.js';
import * as records from './records.js';
import * as rulesets from './rulesets-repo.js';
import type { Store } from './types.js';

/** The one Store implementation: the engines differ only in their Kysely dialect and locking (see context.ts). */
export function kyselyStore(ctx: StoreContext, location: string): Store {
  const verifyKey = keys.keyVerifier(ctx);
  const revokedListeners = new Set<(id: string) => void>();
  return {
    engine: ctx.engine,
    location,
    close: () => ctx.db.destroy(),
    reviewQueue: reviewQueue(ctx),

    appendAudit: (input) => audit.appendAudit(ctx, input),
    getAudit: (seq) => audit.getAudit(ctx, seq),
    listAudit: (query) => audit.listAudit(ctx, query),
    verifyAudit: (options) => audit.verifyAudit(ctx, options),
    anchorAudit: () => audit.anchorAudit(ctx, location),

    latestListVersions: () => lists.latestListVersions(ctx),
    listVersions: (list) => lists.listVersions(ctx, list),
    getListVersion: (id) => lists.getListVersion(ctx, id),
    findListVersion: (list, hash) => lists.findListVersion(ctx, list, hash),
    listEntries: (ids) => lists.listEntries(ctx, ids),
    currentEntry: (list, entryId) => lists.currentEntry(ctx, list, entryId),
    addListVersion: (version, a) => lists.addListVersion(ctx, version, a),
    listSourceStates: () => lists.listSourceStates(ctx),
    putListSourceState: (state) => lists.putListSourceState(ctx, state),
    confirmListVersions: (ids, day) => lists.confirmListVersions(ctx, ids, day),

    upsertCounterparty: (c) => records.upsertCounterparty(ctx, c),
    upsertCounterparties: (cs) => counterparties.upsertCounterparties(ctx, cs),
    appendAudits: (inputs, options) => counterparties.appendAuditsWith(ctx, inputs, options?.counterparties),
    getCounterparty: (id) => records.getCounterparty(ctx, id),
    findCounterparty: (ref) => records.findCounterparty(ctx, ref),
    listCounterparties: (options) => records.listCounterparties(ctx, options),

    recordDetermination: (d) => records.recordDetermination(ctx, d),
    recordDeterminations: (ds) => records.recordDeterminations(ctx, ds),
    getDetermination: (id) => records.getDetermination(ctx, id),
    recordScreening: (s) => records.recordScreening(ctx, s),

    recordReview: (r) => records.recordReview(ctx, r),
    latestReviews: (k) => records.latestReviews(ctx, k),
    getReviews: (ids) => records.getReviews(ctx, ids),

    saveRulesetSnapshot: (snap) => rulesets.saveRulesetSnapshot(ctx, snap),
    getRulesetSnapshot: (hash) => rulesets.getRulesetSnapshot(ctx, hash),

    createApiKey: (options) => keys.createApiKey(ctx, options),
    verifyKey,
    listApiKeys: () => keys.listApiKeys(ctx),
    revokeApiKey: async (id) => {
      const revoked = await keys.revokeApiKey(ctx, id);
      for (const l of revokedListeners) l(id);
      return revoked;
    },
    onKeyRevoked: (listener) => {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },

    createBatchJob: (job) => batch.createBatchJob(ctx, job),
    getBatchJob: (id) => batch.getBatchJob(ctx, id),
    updateBatchJob: (id, patch) => batch.updateBatchJob(ctx, id, patch),
    listBatchJobs: (options) => batch.listBatchJobs(ctx, options),
    putBatchRows: (rows) => batch.putBatchRows(ctx, rows),
    getBatchRows: (jobId, options) => batch.getBatchRows(ctx, jobId, options),
    batchRowCounts: (jobId) => batch.batchRowCounts(ctx, jobId),
    storedBatchRowNos: (jobId, from, to) => batch.storedBatchRowNos(ctx, jobId, from, to),
    storeBatchChunk: (rows, ds) => records.storeBatchChunk(ctx, rows, ds),
    claimBatchJob: (id, owner, leaseMs) => batch.claimBatchJob(ctx, id, owner, leaseMs),
    releaseBatchJob: (id, owner) => batch.releaseBatchJob(ctx, id, owner),

    importOwners: (input) => owners.importOwners(ctx, input),
    ownerEdges: () => owners.ownerEdges(ctx),
    ownerEdgesFor: (key) => owners.ownerEdgesFor(ctx, key),
    latestOwnersImport: () => owners.latestOwnersImport(ctx),
    listOwnersImports: () => owners.listOwnersImports(ctx),
  };
}
