import type { ChunkRunner } from './chunks.js';
import type { BatchJob, BatchStore, ChunkRecord } from './job-store.js';
import type { Progress } from './progress.js';
import type { RawRow } from './rows.js';

/** Where finished chunks go, in order: output files, the store, or both. Returns the file sizes after it. */
export interface ChunkSink {
  write(chunk: ChunkRecord): Promise<{ outBytes: number; errBytes: number }>;
}

export interface DriveOptions {
  rows: AsyncIterable<RawRow>;
  job: BatchJob;
  runner: ChunkRunner;
  sink: ChunkSink;
  store: BatchStore;
  progress: Progress;
  /** Called after each committed chunk (the API uses it to wake waiting readers). */
  onCommit?: (job: Pick<BatchJob, 'chunksWritten' | 'rowsDone'>) => void;
}

/**
 * Runs a job to the end: cuts the rows into chunks of `job.chunkSize` (chunk i holds rows
 * i·size+1 … (i+1)·size, the same on every run of the same input), skips the chunks the store
 * says are written, keeps a few chunks in flight, and writes and commits them strictly in
 * order. A crash anywhere loses at most the chunks after the last commit, which a rerun redoes.
 */
export async function driveJob(o: DriveOptions): Promise<{ totalRows: number }> {
  const { job, runner, sink, store } = o;
  const skipRows = job.chunksWritten * job.chunkSize;
  const state = {
    chunksWritten: job.chunksWritten,
    outBytes: job.outBytes,
    errBytes: job.errBytes,
    rowsDone: job.rowsDone,
    okRows: job.okRows,
    errorRows: job.errorRows,
  };
  const inFlight = new Map<number, Promise<ChunkRecord>>();
  const maxInFlight = runner.parallelism * 2 + 1;
  let nextChunk = job.chunksWritten;
  let buffer: RawRow[] = [];
  let totalRows = 0;

  const dispatch = (): void => {
    const p = runner.run({ chunk: nextChunk, firstRow: buffer[0]!.row, rows: buffer });
    // Awaited in order below; the no-op keeps an early failure from being an unhandled rejection.
    p.catch(() => {});
    inFlight.set(nextChunk++, p);
    buffer = [];
  };
  const commitOldest = async (): Promise<void> => {
    const index = state.chunksWritten;
    const chunk = await inFlight.get(index)!;
    inFlight.delete(index);
    const sizes = await sink.write(chunk);
    state.chunksWritten = index + 1;
    state.outBytes = sizes.outBytes;
    state.errBytes = sizes.errBytes;
    state.rowsDone += chunk.rows;
    state.okRows += chunk.ok;
    state.errorRows += chunk.errors;
    await store.commitWritten(job.id, state);
    o.progress.update(state.rowsDone);
    o.onCommit?.(state);
  };

  try {
    for await (const row of o.rows) {
      totalRows++;
      if (row.row <= skipRows) continue;
      buffer.push(row);
      if (buffer.length === job.chunkSize) {
        dispatch();
        while (inFlight.size >= maxInFlight) await commitOldest();
      }
    }
  } catch (err) {
    // The reader stopped at a place in the book it cannot read past (a quote never closed):
    // the rows before it are still answered and kept, so the error's "rows before it were
    // answered" holds, then the job fails naming the place.
    if (buffer.length) dispatch();
    while (inFlight.size) await commitOldest();
    throw err;
  }
  if (buffer.length) dispatch();
  while (inFlight.size) await commitOldest();
  await store.setTotals(job.id, totalRows, nextChunk);
  return { totalRows };
}
