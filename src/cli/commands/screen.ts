import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Command } from 'commander';
import Table from 'cli-table3';
import { pc } from '../format/style.js';
import { InputError, isCountryCode, nameSchema, normaliseName, parseInput, TEXT_LIMITS, type ScreeningResult, type ScreenOptions } from '../../domain/index.js';
import { openListScreener } from '../runtime.js';
import type { RedlineScreener } from '../../screening/index.js';
import { dim, heading, terminalWidth } from '../format/style.js';
import { word } from '../format/words.js';
import { humanLang } from '../lang.js';
import type { HumanLang } from '../../domain/summary.js';

interface ScreenFlags {
  json?: boolean;
  file?: string;
  country?: string;
  address?: string;
  limit?: string;
  threshold?: string;
  db?: string;
}

/** `--limit`, `--threshold`, `--country` checked up front: bad flags are bad input (exit 2). */
export function screenOptions(flags: ScreenFlags): ScreenOptions {
  const opts: ScreenOptions = {};
  if (flags.country !== undefined) {
    const c = flags.country.toUpperCase();
    if (!isCountryCode(c)) throw new InputError([{ path: '--country', message: `"${flags.country}" is not an ISO 3166-1 alpha-2 code such as CN` }]);
    opts.country = c;
  }
  if (flags.address) opts.address = flags.address;
  if (flags.limit !== undefined) {
    const n = Number(flags.limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InputError([{ path: '--limit', message: `"${flags.limit}" is not a whole number from 1 to 1000` }]);
    opts.limit = n;
  }
  if (flags.threshold !== undefined) {
    const t = Number(flags.threshold);
    if (!Number.isFinite(t) || t < 0 || t > 1) throw new InputError([{ path: '--threshold', message: `"${flags.threshold}" is not a score from 0 to 1` }]);
    opts.minScore = t;
  }
  return opts;
}

export function formatResult(r: ScreeningResult, screener: Pick<RedlineScreener, 'versions' | 'alertThreshold'>, lang: HumanLang = humanLang()): string {
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const lines = [heading(w('screeningQuery', { query: r.query }))];
  if (r.hits.length === 0) {
    lines.push(pc.green(w('noHits', { n: screener.versions.length })));
    return lines.join('\n');
  }
  const width = terminalWidth();
  const table = new Table({
    head: [w('colScore'), w('colList'), w('colListedName'), w('colMatchedAs'), w('colCountry'), w('colCitation')],
    colWidths: [8, 24, Math.floor(width * 0.25), Math.floor(width * 0.2), 9, Math.floor(width * 0.18)],
    wordWrap: true,
    // cli-table3's own colours (red heads, grey borders) ignore NO_COLOR and pipes: colour comes from pc only.
    style: { head: [], border: [] },
  });
  for (const h of r.hits) {
    const score = h.score >= screener.alertThreshold ? pc.bold(pc.red(h.score.toFixed(2))) : pc.yellow(h.score.toFixed(2));
    table.push([score, h.list, h.name, h.matchedName === h.name ? dim(w('nameItself')) : h.matchedName, h.country ?? '', h.citation ?? '']);
  }
  lines.push(table.toString());
  const top = r.hits[0]!;
  lines.push(heading(w('whyTop')));
  for (const e of top.explanation) lines.push(`  ${e}`);
  lines.push(dim(w('threshold', { threshold: screener.alertThreshold })));
  return lines.join('\n');
}

/** Screens one name per line of a file (or stdin), writing one result per line in input order, holding one line at a time. */
async function screenFile(path: string, screener: RedlineScreener, opts: ScreenOptions, json: boolean): Promise<void> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') return resolve();
    input.once('open', () => resolve());
    input.once('error', (err: NodeJS.ErrnoException) =>
      reject(new InputError([{ path, message: err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code ?? 'error'})` }])),
    );
  });
  await opened;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  // Results leave in blocks of about 64 KB: one write per name costs more than screening it.
  let pending = '';
  const flush = async (): Promise<void> => {
    if (!pending) return;
    const block = pending;
    pending = '';
    // Respect back-pressure so a million names stream in constant memory.
    if (!process.stdout.write(block)) await once(process.stdout, 'drain');
  };
  for await (const raw of lines) {
    n++;
    // An invisible name screens as nothing, like a blank line, never as a name with no hits;
    // an over-long one is an error on its line, never screened.
    const tooLong = raw.length > TEXT_LIMITS.name;
    const name = tooLong ? '' : normaliseName(raw);
    const error = tooLong ? `the name is longer than ${TEXT_LIMITS.name} characters` : undefined;
    const result: ScreeningResult & { line: number; error?: string } = name ? { line: n, ...screener.screen(name, opts) } : { line: n, query: '', hits: [], ...(error ? { error } : {}) };
    const verdict = error ?? (result.hits.length ? `${result.hits[0]!.score.toFixed(2)}\t${result.hits[0]!.list}\t${result.hits[0]!.name}` : name ? 'no hit' : 'no name');
    const text = json ? JSON.stringify(result) : `${n}\t${tooLong ? `${raw.slice(0, 40)}…` : name}\t${verdict}`;
    pending += `${text}\n`;
    if (pending.length >= 65_536) await flush();
  }
  await flush();
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description("screen a name against the store's restricted-party lists (as `lists update` left them), in any script")
    .argument('[name...]', 'the name to screen (quote it, or give several words)')
    .option('--file <path>', 'screen one name per line of this file (- for standard input); output in input order')
    .option('--json', 'JSON output: one result, or JSON Lines for --file')
    .option('--country <code>', "the party's country (ISO alpha-2); raises or lowers scores a little")
    .option('--address <text>', "the party's address; shared address words raise scores a little")
    .option('--limit <n>', 'hits per name (default 10)')
    .option('--threshold <score>', 'lowest score to show (default: the candidate floor 0.6)')
    .option('--db <path or URL>', 'the store whose lists to screen against (default ./data/runtime/redline.sqlite, the one `serve` uses)')
    .addHelpText('after', '\nThe lists are the newest versions in the store: `redline lists update` fetches them from the official sources; an empty store starts from the bundled snapshots (data/lists/README.md).')
    .action(async (words: string[], flags: ScreenFlags) => {
      const opts = screenOptions(flags);
      const given = words.join(' ');
      const name = given.trim() ? parseInput(nameSchema(), given, 'name') : '';
      if (!flags.file && !name) throw new InputError([{ path: 'name', message: 'give a name to screen, or --file with one name per line' }]);
      if (flags.file && name) throw new InputError([{ path: 'name', message: 'give either a name or --file, not both' }]);
      const screener = await openListScreener(flags.db);
      if (flags.file) return screenFile(flags.file, screener, opts, !!flags.json);
      const result = screener.screen(name, opts);
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatResult(result, screener)}\n`);
    });
}
