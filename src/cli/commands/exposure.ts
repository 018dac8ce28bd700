import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import {
  bookFormatOf,
  breakdownCsv,
  exposureOfBook,
  flipsCsv,
  isComparison,
  parseBook,
  type ExposureComparison,
  type ExposureReport,
  kindOfModelIn,
  staleListCaveat,
} from '../../exposure/index.js';
import { today } from '../../bundle/redline.js';
import { loadCatalogue } from '../../bundle/catalogue.js';
import { DEFAULT_MAX_LIST_AGE_DAYS, staleLists } from '../../determine/list-freshness.js';
import { readTextInput } from '../io.js';
import { parseAsOf, parseMaxListAge } from '../options.js';
import { openRedline } from '../runtime.js';
import { formatExposureComparison, formatExposureReport } from '../format/exposure.js';
import { registerForCheck } from './owners.js';

interface ExposureFlags {
  asOf?: string;
  compareAsOf?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
  flips?: string;
  format?: string;
  screening?: boolean;
  maxListAge?: string;
  enforceAiDiffusion?: boolean;
  db?: string;
}

/** A list age no list reaches: the analysis takes the lists as current and says so once (exposure/caveats.ts). */
export const LISTS_AS_CURRENT = 365_000;

function progressOnStderr(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pctDone = Math.floor((100 * done) / total);
    if (pctDone === last) return;
    last = pctDone;
    process.stderr.write(`\rexposure: ${done}/${total} evaluations (${pctDone} %)${done === total ? '\n' : ''}`);
  };
}

async function output(text: string, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

export function registerExposureCommand(program: Command): void {
  program
    .command('exposure')
    .description("an order book's exposure: lines and value that are prohibited, need a licence, need review, have an exception or are clear — by jurisdiction, measure, destination, item and month; with --compare-as-of, what changes between two dates")
    .argument('<book>', 'an order book: CSV (docs/batch.md columns, with a value per line) or JSON Lines of transactions; - for standard input')
    .option('--as-of <date>', 'apply the rules of this date to every line (default: each line under its own date)')
    .option('--compare-as-of <date>', 'compare with the rules of this date: which lines flip, why, and how much value moves')
    .option('--json', 'print the report (or the comparison) as JSON')
    .option('--csv', 'print every breakdown as CSV (long format: as_of, dimension, key, outcome, count, value, currency)')
    .option('--out <file>', 'write the output to this file instead of standard output')
    .option('--flips <file>', 'with --compare-as-of: write the lines that flip, and why, as CSV to this file')
    .option('--format <csv|jsonl>', 'the book format when it cannot be told from the file name')
    .option('--no-screening', 'do not screen parties (list-based rules then answer review)')
    .option('--max-list-age <days>', 'fail closed as check does: lists older than this many days past their source date make lines review (default: take the lists as current and say so once)')
    .option('--enforce-ai-diffusion', 'apply the AI Diffusion worldwide licence text (not enforced by BIS since 2025-05-13)')
    .option('--db <path or URL>', 'the store whose lists to screen against and whose ownership register to read (default ./data/runtime/redline.sqlite, the one `serve` uses)')
    .action(async (file: string, flags: ExposureFlags & { db?: string }) => {
      const asOf = parseAsOf(flags.asOf);
      const compareAsOf = flags.compareAsOf === undefined ? undefined : parseAsOf(flags.compareAsOf);
      if (flags.compareAsOf !== undefined && compareAsOf === undefined) throw new InputError([{ path: '--compare-as-of', message: 'needs a date' }]);
      if (flags.json && flags.csv) throw new InputError([{ path: '--csv', message: 'choose --json or --csv, not both' }]);
      if (flags.flips && compareAsOf === undefined) throw new InputError([{ path: '--flips', message: 'needs --compare-as-of (a flip is a change between two dates)' }]);
      if (flags.format !== undefined && flags.format !== 'csv' && flags.format !== 'jsonl') throw new InputError([{ path: '--format', message: 'must be csv or jsonl' }]);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const text = await readTextInput(file);
      const format = (flags.format as 'csv' | 'jsonl' | undefined) ?? bookFormatOf(file);
      // Read the book before loading the lists, so a bad book fails at once.
      const entries = parseBook(text, format, kindOfModelIn(loadCatalogue()));
      const redline = await openRedline({ screening: flags.screening, enforceAiDiffusion: flags.enforceAiDiffusion, maxListAgeDays: maxListAgeDays ?? LISTS_AS_CURRENT, db: flags.db });
      const caveat = maxListAgeDays === undefined ? staleListCaveat(staleLists(redline.screener?.versions ?? [], today()), DEFAULT_MAX_LIST_AGE_DAYS) : undefined;
      const owners = await registerForCheck(flags.db);
      const result: ExposureReport | ExposureComparison = exposureOfBook(entries, (tx, date) => redline.check(tx, { asOf: date, owners }), {
        asOf,
        compareAsOf,
        onProgress: progressOnStderr(),
        caveats: caveat ? [caveat] : [],
      });
      if (flags.flips && isComparison(result)) await writeFile(flags.flips, flipsCsv(result));
      const source = file === '-' ? 'standard input' : file;
      if (flags.json) await output(`${JSON.stringify(result, null, 2)}\n`, flags.out);
      else if (flags.csv) await output(breakdownCsv(result), flags.out);
      else await output(`${isComparison(result) ? formatExposureComparison(result, source) : formatExposureReport(result, source)}\n`, flags.out);
    });
}
