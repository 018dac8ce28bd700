import { openCasesForDeterminations } from '../store/open-cases.js';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { IsoDate, ListVersion } from '../domain/index.js';
import { today } from '../bundle/redline.js';
import { inlineRunner, type ChunkRunner, type ChunkSettings } from './chunks.js';
import { driveJob, type ChunkSink } from './drive.js';
import { openBatchRedline, type BatchEngineOptions } from './engine.js';
import { hashInput } from './input-hash.js';
import type { BatchJob, BatchStore, ChunkRecord } from './job-store.js';
import { ChunkFile } from './output.js';
import { threadPoolRunner } from './pool.js';
import { silentProgress, stderrProgress, type Progress } from './progress.js';
import { inputFormatOf, openInput, readRows } from './reader.js';
import { formatOf } from './rows.js';

export const DEFAULT_CHUNK_SIZE = 2000;

export interface BatchFileOptions {
  input: string;
  out: string;
  /** Error rows go here; without it they go into the output with the `error` field set. */
  errors?: string | undefined;
  store: BatchStore;
  /** Worker threads; 0 answers rows in this thread. */
  workers: number;
  asOf?: IsoDate | undefined;
  chunkSize?: number | undefined;
  engine?: BatchEngineOptions;
  /** Show progress on stderr. */
  progress?: boolean;
  /** Also record every answered row's determination in the audit log (`--record`). */
  record?: boolean | undefined;
  /** Runs chunks elsewhere (the job queue) instead of in threads here; given the job once it exists. */
  remoteRunner?: (job: BatchJob, settings: ChunkSettings) => Promise<ChunkRunner>;
}

export interface BatchSummary {
  jobId: string;
  rows: number;
  ok: number;
  errors: number;
  /** The first row this run answered (1 on a fresh run); rows before it came from the earlier run. */
  resumedAtRow: number;
  alreadyDone: boolean;
}

function jobKeyOf(o: BatchFileOptions, inputHash: string, chunkSize: number): string {
  const key = { inputHash, out: resolve(o.out), errors: o.errors ? resolve(o.errors) : null, asOf: o.asOf ?? null, chunkSize };
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

/** Finds the job this exact command started before, or makes a new one; opens the files to match. */
async function openJob(o: BatchFileOptions, inputHash: string, chunkSize: number): Promise<{ job: BatchJob; out: ChunkFile; err: ChunkFile | undefined; done: boolean }> {
  const outFormat = formatOf(o.out);
  const jobKey = jobKeyOf(o, inputHash, chunkSize);
  const found = await o.store.findByKey(jobKey);
  if (found) {
    const out = ChunkFile.resume(o.out, found.outBytes);
    const err = o.errors ? ChunkFile.resume(o.errors, found.errBytes) : undefined;
    const filesIntact = out !== undefined && (o.errors === undefined || err !== undefined);
    if (filesIntact && found.status === 'done' && found.totalChunks === found.chunksWritten) return { job: found, out, err, done: true };
    // Nothing to keep before the first chunk (the process may have died before even the header was committed).
    if (filesIntact && found.chunksWritten > 0) return { job: found, out, err, done: false };
    // Or the files lost bytes the store counted (deleted or replaced by hand): start the job over.
    out?.close();
    err?.close();
    await o.store.restart(found.id);
  }
  const job = found
    ? (await o.store.getJob(found.id))!
    : await o.store.createJob({
        jobKey,
        source: resolve(o.input),
        inputHash,
        inputFormat: inputFormatOf(o.input),
        outFormat,
        separateErrors: o.errors !== undefined,
        asOf: o.asOf ?? null,
        chunkSize,
        createdBy: null,
      });
  const out = ChunkFile.create(o.out, outFormat, 'results');
  const err = o.errors ? ChunkFile.create(o.errors, formatOf(o.errors), 'errors') : undefined;
  // The headers are part of the first commit: a resume cuts back to just after them.
  await o.store.commitWritten(job.id, { chunksWritten: 0, outBytes: out.size, errBytes: err?.size ?? 0, okRows: 0, errorRows: 0 });
  return { job: { ...job, outBytes: out.size, errBytes: err?.size ?? 0 }, out, err, done: false };
}

/** What `--record` writes per chunk: each answered row's determination, with its job and row, before the chunk's lines. */
async function recordChunk(o: BatchFileOptions, job: BatchJob, c: ChunkRecord, lists: readonly ListVersion[]): Promise<void> {
  const day = today();
  const ds = c.determinations ?? [];
  await o.store.store.recordDeterminations(
    ds.map((d) => ({
      input: d.input,
      output: d.output,
      options: { asOf: o.asOf, today: day },
      lists,
      batch: { jobId: job.id, rowNo: d.row },
    })),
  );
  await openCasesForDeterminations(o.store.store, ds.map((d) => ({ output: d.output, input: d.input, sourceRef: `${job.id} row ${d.row}` })), { source: 'batch' });
}

function fileSink(out: ChunkFile, err: ChunkFile | undefined, before?: (c: ChunkRecord) => Promise<void>): ChunkSink {
  return {
    async write(c) {
      await before?.(c);
      out.append(c.out);
      err?.append(c.err);
      out.sync();
      err?.sync();
      return { outBytes: out.size, errBytes: err?.size ?? 0 };
    },
  };
}

/** `redline batch`: an order book file through the engine into result and error files, resumable. */
export async function runBatchFile(o: BatchFileOptions): Promise<BatchSummary> {
  const format = inputFormatOf(o.input);
  await (await openInput(o.input)).destroy();
  const { hash, lines } = await hashInput(o.input);
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const { job, out, err, done } = await openJob(o, hash, chunkSize);
  const summary = (alreadyDone: boolean, resumedAtRow: number, j: BatchJob): BatchSummary => ({
    jobId: j.id, rows: j.rowsDone, ok: j.okRows, errors: j.errorRows, resumedAtRow, alreadyDone,
  });
  if (done) {
    out.close();
    err?.close();
    return summary(true, job.rowsDone + 1, job);
  }
  const settings: ChunkSettings = { outFormat: formatOf(o.out), separateErrors: o.errors !== undefined, asOf: o.asOf ?? null, keepDeterminations: o.record === true };
  const lists = o.record ? await o.store.store.latestListVersions() : [];
  const before = o.record ? (c: ChunkRecord) => recordChunk(o, job, c, lists) : undefined;
  const runner: ChunkRunner = o.remoteRunner
    ? await o.remoteRunner(job, settings)
    : o.workers > 0
      ? threadPoolRunner(o.workers, settings, o.engine)
      : inlineRunner(await openBatchRedline(o.engine), settings);
  const estimate = Math.max(0, format === 'csv' ? lines - 1 : lines);
  const progress: Progress = o.progress ? stderrProgress('batch', estimate, job.rowsDone) : silentProgress;
  try {
    const rows = readRows(await openInput(o.input), format, o.input);
    const { totalRows } = await driveJob({ rows, job, runner, sink: fileSink(out, err, before), store: o.store, progress });
    progress.update(totalRows, totalRows);
    await o.store.finish(job.id, 'done');
  } catch (e) {
    await o.store.finish(job.id, 'failed', (e as Error)?.message ?? String(e)).catch(() => {});
    throw e;
  } finally {
    progress.stop();
    await runner.close();
    out.close();
    err?.close();
  }
  return summary(false, job.rowsDone + 1, (await o.store.getJob(job.id))!);
}
