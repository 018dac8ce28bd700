import type { Kysely } from 'kysely';
import { newId, nowIso, num, parseJson, type StoreContext } from './context.js';
import type { BatchJobsTable, BatchRowsTable, Database } from './schema.js';
import type { BatchJob, BatchJobPatch, BatchRow, BatchRowStatus, BatchStatus, NewBatchJob } from './types.js';

/**
 * Batch jobs and their rows. Kept generic on purpose (the batch runner owns
 * what a row means): a row is stored once per (job, row_no), so a resumed or
 * re-delivered chunk can write its rows again without duplicating any.
 */

function toJob(r: BatchJobsTable): BatchJob {
  return {
    id: r.id,
    status: r.status as BatchStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    keyId: r.key_id,
    format: r.format,
    inputPath: r.input_path,
    outputPath: r.output_path,
    total: r.total === null ? null : num(r.total),
    done: num(r.done),
    failed: num(r.failed),
    options: parseJson<Record<string, unknown>>(r.options_json) ?? {},
    error: r.error,
    claimedBy: r.claimed_by ?? null,
    leaseUntil: r.lease_until ?? null,
  };
}

function toRow(r: BatchRowsTable): BatchRow {
  return { jobId: r.job_id, rowNo: num(r.row_no), status: r.status as BatchRowStatus, result: parseJson(r.result_json), error: parseJson(r.error_json) };
}

export async function createBatchJob(ctx: StoreContext, job: NewBatchJob): Promise<BatchJob> {
  const at = nowIso();
  const row: BatchJobsTable = {
    id: job.id ?? newId('job', 9),
    status: job.status ?? 'queued',
    created_at: at,
    updated_at: at,
    key_id: job.keyId ?? null,
    format: job.format ?? null,
    input_path: job.inputPath ?? null,
    output_path: job.outputPath ?? null,
    total: job.total ?? null,
    done: 0,
    failed: 0,
    options_json: JSON.stringify(job.options ?? {}),
    error: null,
  };
  await ctx.db.insertInto('batch_jobs').values(row).execute();
  return toJob(row);
}

export async function getBatchJob(ctx: StoreContext, id: string): Promise<BatchJob | undefined> {
  const row = await ctx.db.selectFrom('batch_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function updateBatchJob(ctx: StoreContext, id: string, patch: BatchJobPatch): Promise<BatchJob | undefined> {
  const set: Partial<BatchJobsTable> = { updated_at: nowIso() };
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.total !== undefined) set.total = patch.total;
  if (patch.done !== undefined) set.done = patch.done;
  if (patch.failed !== undefined) set.failed = patch.failed;
  if (patch.outputPath !== undefined) set.output_path = patch.outputPath;
  if (patch.error !== undefined) set.error = patch.error;
  if (patch.options !== undefined) set.options_json = JSON.stringify(patch.options);
  await ctx.db.updateTable('batch_jobs').set(set).where('id', '=', id).execute();
  return getBatchJob(ctx, id);
}

export async function listBatchJobs(ctx: StoreContext, options: { limit?: number | undefined; status?: BatchStatus | undefined } = {}): Promise<BatchJob[]> {
  let q = ctx.db.selectFrom('batch_jobs').selectAll();
  if (options.status) q = q.where('status', '=', options.status);
  const rows = await q.orderBy('created_at', 'desc').limit(Math.min(Math.max(options.limit ?? 50, 1), 1000)).execute();
  return rows.map(toJob);
}

/**
 * Claims a running job for `owner` until `leaseMs` from now: one conditional UPDATE, so of
 * several processes asking at once exactly one gets it. The owner renews by claiming again;
 * anyone else gets it only once the lease has run out (its holder died or hung).
 */
export async function claimBatchJob(ctx: StoreContext, id: string, owner: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const res = await ctx.db
    .updateTable('batch_jobs')
    .set({ claimed_by: owner, lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', owner), eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return num(res.numUpdatedRows ?? 0) === 1;
}

/** Lets go of a claim (only the owner's own). */
export async function releaseBatchJob(ctx: StoreContext, id: string, owner: string): Promise<void> {
  await ctx.db.updateTable('batch_jobs').set({ claimed_by: null, lease_until: null }).where('id', '=', id).where('claimed_by', '=', owner).execute();
}

const CHUNK = 500;

/** Inserts rows in the given transaction, keeping rows stored before; returns the row numbers stored now. */
export async function insertBatchRowsIn(trx: Kysely<Database>, rows: readonly BatchRow[]): Promise<number[]> {
  const stored: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({
      job_id: r.jobId,
      row_no: r.rowNo,
      status: r.status,
      result_json: r.result === undefined || r.result === null ? null : JSON.stringify(r.result),
      error_json: r.error === undefined || r.error === null ? null : JSON.stringify(r.error),
    }));
    const res = await trx.insertInto('batch_rows').values(chunk).onConflict((oc) => oc.columns(['job_id', 'row_no']).doNothing()).returning('row_no').execute();
    for (const r of res) stored.push(num(r.row_no));
  }
  return stored;
}

export async function putBatchRows(ctx: StoreContext, rows: readonly BatchRow[]): Promise<number> {
  const stored = await ctx.db.transaction().execute((trx) => insertBatchRowsIn(trx, rows));
  return stored.length;
}

export async function getBatchRows(ctx: StoreContext, jobId: string, options: { fromRow?: number | undefined; limit?: number | undefined } = {}): Promise<BatchRow[]> {
  const rows = await ctx.db
    .selectFrom('batch_rows')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('row_no', '>=', options.fromRow ?? 0)
    .orderBy('row_no')
    .limit(Math.min(Math.max(options.limit ?? 1000, 1), 100_000))
    .execute();
  return rows.map(toRow);
}

export async function batchRowCounts(ctx: StoreContext, jobId: string): Promise<{ ok: number; error: number; maxRowNo: number | null }> {
  const rows = await ctx.db
    .selectFrom('batch_rows')
    .select((eb) => ['status', eb.fn.countAll().as('n'), eb.fn.max('row_no').as('max')])
    .where('job_id', '=', jobId)
    .groupBy('status')
    .execute();
  let ok = 0;
  let error = 0;
  let maxRowNo: number | null = null;
  for (const r of rows) {
    if (r.status === 'ok') ok = num(r.n);
    else error += num(r.n);
    if (r.max !== null && r.max !== undefined) maxRowNo = Math.max(maxRowNo ?? -Infinity, num(r.max));
  }
  return { ok, error, maxRowNo };
}

export async function storedBatchRowNos(ctx: StoreContext, jobId: string, from: number, to: number): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('batch_rows')
    .select('row_no')
    .where('job_id', '=', jobId)
    .where('row_no', '>=', from)
    .where('row_no', '<=', to)
    .orderBy('row_no')
    .execute();
  return rows.map((r) => num(r.row_no));
}
