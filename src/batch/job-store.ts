import { createHash } from 'node:crypto';
import type { BatchJob as StoredJob, BatchRow, DeterminationRecordInput, Store } from '../store/types.js';
import type { RowResult } from './rows.js';
import type { Determination } from '../domain/index.js';

/**
 * The batch runner's view of a job, kept in the shared store (SQLite or PostgreSQL). The store
 * is the source of truth for resuming: a chunk counts as written when the job there says so,
 * never because a file happens to hold its lines. Runner bookkeeping (chunking, file sizes)
 * rides in the stored job's `options`.
 */

export type JobStatus = StoredJob['status'];

export interface BatchJob {
  id: string;
  /** Same input, output and options → same key: how a rerun of the same command finds its job. */
  jobKey: string;
  source: string;
  inputHash: string;
  inputFormat: 'csv' | 'jsonl';
  outFormat: 'csv' | 'jsonl';
  separateErrors: boolean;
  asOf: string | null;
  status: JobStatus;
  error: string | null;
  chunkSize: number;
  /** Known once the whole input was read (null while reading). */
  totalRows: number | null;
  totalChunks: number | null;
  /** Chunks written to the output (files or stored rows), in order, and the file sizes right after them. */
  chunksWritten: number;
  outBytes: number;
  errBytes: number;
  rowsDone: number;
  okRows: number;
  errorRows: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A chunk's answers: rendered lines for files, and (for stored jobs) the row results themselves. */
export interface ChunkRecord {
  chunk: number;
  firstRow: number;
  rows: number;
  ok: number;
  errors: number;
  out: string;
  err: string;
  results?: RowResult[] | undefined;
  /** Answered rows' transactions and full determinations, when the settings asked for them. */
  determinations?: { row: number; input: unknown; output: Determination }[] | undefined;
}

export type NewJob = Pick<BatchJob, 'jobKey' | 'source' | 'inputHash' | 'inputFormat' | 'outFormat' | 'separateErrors' | 'asOf' | 'chunkSize' | 'createdBy'>;

interface RunnerOptions {
  jobKey: string;
  inputHash: string;
  outFormat: 'csv' | 'jsonl';
  separateErrors: boolean;
  asOf: string | null;
  chunkSize: number;
  totalChunks: number | null;
  chunksWritten: number;
  outBytes: number;
  errBytes: number;
}

function toJob(j: StoredJob): BatchJob {
  const o = j.options as Partial<RunnerOptions>;
  return {
    id: j.id,
    jobKey: o.jobKey ?? j.id,
    source: j.inputPath ?? '',
    inputHash: o.inputHash ?? '',
    inputFormat: (j.format as 'csv' | 'jsonl' | null) ?? 'jsonl',
    outFormat: o.outFormat ?? 'jsonl',
    separateErrors: o.separateErrors ?? true,
    asOf: o.asOf ?? null,
    status: j.status,
    error: j.error,
    chunkSize: o.chunkSize ?? 1000,
    totalRows: j.total,
    totalChunks: o.totalChunks ?? null,
    chunksWritten: o.chunksWritten ?? 0,
    outBytes: o.outBytes ?? 0,
    errBytes: o.errBytes ?? 0,
    rowsDone: j.done + j.failed,
    okRows: j.done,
    errorRows: j.failed,
    createdBy: j.keyId,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

/** A job id derived from its key, so a rerun of the same command finds the same job without a search. */
export function jobIdOfKey(jobKey: string): string {
  return `batch_${createHash('sha256').update(jobKey).digest('base64url').slice(0, 22)}`;
}

export class BatchStore {
  constructor(readonly store: Store) {}

  async createJob(job: NewJob, id = jobIdOfKey(job.jobKey)): Promise<BatchJob> {
    const options: RunnerOptions = {
      jobKey: job.jobKey,
      inputHash: job.inputHash,
      outFormat: job.outFormat,
      separateErrors: job.separateErrors,
      asOf: job.asOf,
      chunkSize: job.chunkSize,
      totalChunks: null,
      chunksWritten: 0,
      outBytes: 0,
      errBytes: 0,
    };
    const stored = await this.store.createBatchJob({
      id,
      status: 'running',
      keyId: job.createdBy ?? undefined,
      format: job.inputFormat,
      inputPath: job.source,
      options: options as unknown as Record<string, unknown>,
    });
    return toJob(stored);
  }

  async getJob(id: string): Promise<BatchJob | undefined> {
    const j = await this.store.getBatchJob(id);
    return j ? toJob(j) : undefined;
  }

  /** The job this key made before (a rerun of the same command). */
  findByKey(jobKey: string): Promise<BatchJob | undefined> {
    return this.getJob(jobIdOfKey(jobKey));
  }

  private async patchOptions(id: string, patch: Partial<RunnerOptions>, rest: Parameters<Store['updateBatchJob']>[1] = {}): Promise<void> {
    const j = await this.store.getBatchJob(id);
    if (!j) throw new Error(`batch job ${id} vanished from the store`);
    await this.store.updateBatchJob(id, { ...rest, options: { ...j.options, ...patch } });
  }

  /** Records that chunks [0, chunksWritten) are written and the files now end at these sizes. */
  commitWritten(id: string, p: Pick<BatchJob, 'chunksWritten' | 'outBytes' | 'errBytes' | 'okRows' | 'errorRows'>): Promise<void> {
    return this.patchOptions(id, { chunksWritten: p.chunksWritten, outBytes: p.outBytes, errBytes: p.errBytes }, { done: p.okRows, failed: p.errorRows });
  }

  setTotals(id: string, totalRows: number, totalChunks: number): Promise<void> {
    return this.patchOptions(id, { totalChunks }, { total: totalRows });
  }

  async finish(id: string, status: JobStatus, error?: string): Promise<void> {
    await this.store.updateBatchJob(id, { status, error: error ?? null });
  }

  /** Starts a job's bookkeeping over (its output files were lost); rows already stored stay valid. */
  restart(id: string): Promise<void> {
    return this.patchOptions(id, { chunksWritten: 0, outBytes: 0, errBytes: 0, totalChunks: null }, { status: 'running', error: null, done: 0, failed: 0, total: null });
  }

  /** Stores a chunk's row results; rows stored before (a redelivered chunk) keep their first answer. */
  async putRows(jobId: string, results: readonly RowResult[]): Promise<void> {
    const rows: BatchRow[] = results.map((r) =>
      'error' in r
        ? { jobId, rowNo: r.row, status: 'error', result: null, error: { id: r.id, line: r.line, error: r.error, problems: r.problems } }
        : { jobId, rowNo: r.row, status: 'ok', result: r, error: null },
    );
    await this.store.putBatchRows(rows);
  }

  /**
   * A chunk's rows and its answered rows' determinations, in one transaction; rows stored before
   * (and so their determinations) are left as they are. Returns the rows stored now.
   */
  async storeChunk(jobId: string, results: readonly RowResult[], determinations: readonly DeterminationRecordInput[]): Promise<number[]> {
    const { stored } = await this.store.storeBatchChunk(this.toRows(jobId, results), determinations);
    return stored;
  }

  private toRows(jobId: string, results: readonly RowResult[]): BatchRow[] {
    return results.map((r) =>
      'error' in r
        ? { jobId, rowNo: r.row, status: 'error', result: null, error: { id: r.id, line: r.line, error: r.error, problems: r.problems } }
        : { jobId, rowNo: r.row, status: 'ok', result: r, error: null },
    );
  }

  /** Row results in row order from `fromRow`, as the runner made them. */
  async getRows(jobId: string, fromRow: number, limit: number): Promise<RowResult[]> {
    const rows = await this.store.getBatchRows(jobId, { fromRow, limit });
    return rows.map((r) =>
      r.status === 'ok' ? (r.result as RowResult) : ({ row: r.rowNo, ...(r.error as { id?: string; line?: number; error: string; problems: [] }) } as RowResult),
    );
  }

  async counts(jobId: string): Promise<{ ok: number; errors: number; maxRow: number | null }> {
    const c = await this.store.batchRowCounts(jobId);
    return { ok: c.ok, errors: c.error, maxRow: c.maxRowNo };
  }
}
