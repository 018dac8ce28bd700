import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { ensureBundledLists, openStore } from '../../store/index.js';
import { BatchStore } from '../../batch/job-store.js';
import { runBatchFile, DEFAULT_CHUNK_SIZE } from '../../batch/run-file.js';
import { queueRunnerFactory } from '../../batch/queue.js';
import { inputFormatOf, openInput } from '../../batch/reader.js';
import { parseAsOf, parseMaxListAge } from '../options.js';
import { countOutcomes, type OutcomeCounts } from '../../batch/outcome-counts.js';
import { formatOf } from '../../batch/rows.js';
import { OUTCOMES } from '../../domain/index.js';

const OUTCOME_WORDS: Record<(typeof OUTCOMES)[number], string> = {
  prohibited: 'prohibited',
  license_required: 'licence required',
  review: 'review',
  exception_available: 'exception available',
  no_license_required: 'no licence required',
};

/** "3 licence required, 2 review, 1 with errors" — outcomes that occur, worst first. */
export function countsLine(c: OutcomeCounts): string {
  const parts = OUTCOMES.filter((o) => c[o] > 0).map((o) => `${c[o]} ${OUTCOME_WORDS[o]}`);
  if (c.errors) parts.push(`${c.errors} with errors`);
  return parts.length ? parts.join(', ') : 'no rows';
}

function rateLine(rows: number, ms: number): string {
  if (rows <= 0) return '';
  const secs = ms / 1000;
  const rate = secs > 0 ? rows / secs : rows;
  return ` in ${secs.toFixed(1)} s (${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} rows/s)`;
}

interface BatchFlags {
  out: string;
  errors?: string;
  db?: string;
  workers?: string;
  asOf?: string;
  chunkSize?: string;
  queue?: string;
  maxListAge?: string;
  progress?: boolean;
  record?: boolean;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError([{ path: flag, message: `"${value}" is not a whole number from ${min} to ${max}` }]);
  return n;
}

export function registerBatchCommand(program: Command): void {
  program
    .command('batch')
    .description('determinations for a whole order book (CSV or JSON Lines), streaming, resumable after a crash')
    .argument('<book>', 'the order book: .csv (columns in docs/batch.md) or .jsonl (one transaction per line)')
    .requiredOption('--out <file>', 'results, one row per input row: .csv or .jsonl by extension')
    .option('--errors <file>', 'rows that could not be answered go here (default: into --out with the error field set)')
    .option('--db <url>', 'the store that records progress (SQLite path or postgres:// URL; default data/runtime/redline.sqlite)')
    .option('--workers <n>', 'worker threads (default: one per core; 0 = this thread)')
    .option('--as-of <date>', 'evaluate every row under the rules in force on this date (YYYY-MM-DD)')
    .option('--chunk-size <n>', `rows per chunk, the unit of progress and resume (default ${DEFAULT_CHUNK_SIZE})`)
    .option('--queue <redis-url>', 'split the job into chunks on the BullMQ queue at this Redis URL for `redline worker` processes (use a postgres:// --db they share)')
    .option('--max-list-age <days>', 'lists older than this many days past their source date make answers review', '30')
    .option('--record', 'also record every determination in the audit log (with its job and row), as the API does')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText('after', '\nRun the same command again after a crash or kill: it resumes where the store says it stopped.')
    .action(async (book: string, flags: BatchFlags) => {
      const asOf = parseAsOf(flags.asOf);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const workers = wholeNumber('--workers', flags.workers, 0, 64) ?? availableParallelism();
      const chunkSize = wholeNumber('--chunk-size', flags.chunkSize, 1, 100_000);
      if (flags.queue && !/^rediss?:\/\//.test(flags.queue)) throw new InputError([{ path: '--queue', message: 'must be a redis:// URL' }]);
      // A missing or unsupported book is bad input before anything is opened or loaded.
      inputFormatOf(book);
      (await openInput(book)).destroy();
      const store = await openStore(flags.db);
      // Rows are screened against the store's newest lists (the bundled snapshots on a fresh store), as check and the API are.
      await ensureBundledLists(store);
      const remote = flags.queue ? queueRunnerFactory(flags.queue, new BatchStore(store)) : undefined;
      try {
        const started = Date.now();
        const s = await runBatchFile({
          input: book,
          out: flags.out,
          errors: flags.errors,
          store: new BatchStore(store),
          workers,
          asOf,
          chunkSize,
          engine: { maxListAgeDays, listsFrom: { db: flags.db } },
          progress: flags.progress !== false,
          record: flags.record === true,
          ...(remote ? { remoteRunner: remote.runner } : {}),
        });
        const where = flags.errors ? `${flags.out}, errors in ${flags.errors}` : flags.out;
        const resumed = s.resumedAtRow > 1 && !s.alreadyDone ? ` (resumed at row ${s.resumedAtRow})` : '';
        const status = s.alreadyDone ? 'already done' : 'done';
        const ranRows = s.alreadyDone ? 0 : s.rows - (s.resumedAtRow - 1);
        const counts = await countOutcomes(flags.out, formatOf(flags.out));
        if (flags.errors) counts.errors = s.errors;
        // rows in = answered + errors, said in so many words, so a silently shortened run shows.
        process.stderr.write(`batch ${s.jobId} ${status}: ${s.rows} rows, ${s.rows - s.errors} answered, ${s.errors} with errors${rateLine(ranRows, Date.now() - started)}${resumed}\n`);
        process.stderr.write(`  ${countsLine(counts)} → ${where}\n`);
        if (counts.review > 0) {
          process.stderr.write(`  next step: the ${counts.review} review row(s) name what is missing in the "missing" column — give those facts and run again; stale lists: redline lists update\n`);
        }
      } finally {
        await remote?.close();
        await store.close();
      }
    });
}
