import type { Determination, IsoDate, Screener, ScreeningResult, ScreenOptions } from '../domain/index.js';
import type { Redline } from '../bundle/redline.js';
import type { ChunkRecord } from './job-store.js';
import { errorLine, isRowError, processRow, resultLine, type OutputFormat, type RawRow, type RowResult } from './rows.js';

/** How a chunk's rows are answered and written; the same for every chunk of a job. */
export interface ChunkSettings {
  outFormat: OutputFormat;
  /** Error rows go to their own text (the errors file) instead of the output. */
  separateErrors: boolean;
  asOf?: IsoDate | null | undefined;
  /** Also hand back each row's result (for jobs whose rows are kept in the store). */
  keepResults?: boolean | undefined;
  /** Also hand back each answered row's transaction and full determination (API batches record them in the audit log). */
  keepDeterminations?: boolean | undefined;
}

/** A row's transaction and determination as a chunk hands them back. */
export interface KeptDetermination {
  row: number;
  input: unknown;
  output: Determination;
}

export interface ChunkInput {
  chunk: number;
  firstRow: number;
  rows: RawRow[];
}

/** Determines every row of a chunk and renders its output and error lines, in row order. */
export function runChunk(input: ChunkInput, redline: Redline, settings: ChunkSettings): ChunkRecord {
  let out = '';
  let err = '';
  let ok = 0;
  let errors = 0;
  const asOf = settings.asOf ?? undefined;
  const results: RowResult[] | undefined = settings.keepResults ? [] : undefined;
  const kept: KeptDetermination[] | undefined = settings.keepDeterminations ? [] : undefined;
  const keep = kept ? (row: number, tx: unknown, output: Determination) => kept.push({ row, input: tx, output }) : undefined;
  for (const raw of input.rows) {
    const r = processRow(raw, redline, asOf, keep);
    results?.push(r);
    if (isRowError(r)) {
      errors++;
      if (settings.separateErrors) err += errorLine(r, settings.outFormat);
      else out += resultLine(r, settings.outFormat);
    } else {
      ok++;
      out += resultLine(r, settings.outFormat);
    }
  }
  return { chunk: input.chunk, firstRow: input.firstRow, rows: input.rows.length, ok, errors, out, err, results, determinations: kept };
}

/** Runs chunks somewhere: in this thread, in worker threads, or on the job queue. */
export interface ChunkRunner {
  /** How many chunks it can work on at once (the driver keeps about twice that in flight). */
  readonly parallelism: number;
  run(input: ChunkInput): Promise<ChunkRecord>;
  close(): Promise<void>;
}

export function inlineRunner(redline: Redline, settings: ChunkSettings): ChunkRunner {
  return {
    parallelism: 1,
    run: async (input) => {
      // Yield first so a long run never starves the event loop (progress, signals, HTTP).
      await new Promise((r) => setImmediate(r));
      return runChunk(input, redline, settings);
    },
    close: async () => {},
  };
}

/**
 * Order books name the same counterparties again and again, so a batch screens each distinct
 * (name, country, address) once. Screening is a pure function of those and the loaded lists,
 * so a cached answer is the answer. Bounded: the oldest entries go first.
 */
export function memoizingScreener(inner: Screener, maxEntries = 50_000): Screener {
  const cache = new Map<string, ScreeningResult>();
  return {
    get alertThreshold() {
      return inner.alertThreshold;
    },
    get versions() {
      return inner.versions;
    },
    screen(name: string, options: ScreenOptions = {}): ScreeningResult {
      const key = `${name}\u0000${options.country ?? ''}\u0000${options.address ?? ''}\u0000${options.limit ?? ''}\u0000${options.minScore ?? ''}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const r = inner.screen(name, options);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(key, r);
      return r;
    },
  };
}
