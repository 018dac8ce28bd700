import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Command } from 'commander';
import { pc } from '../format/style.js';
import { InputError } from '../../domain/index.js';
import { openListScreener } from '../runtime.js';
import type { RedlineScreener } from '../../screening/index.js';
import { heading } from '../format/style.js';

interface MatchFlags {
  json?: boolean;
  file?: string;
  schema?: string;
}

function pairFromLine(line: string, where: string): { a: string; b: string; schema?: string | undefined } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new InputError([{ path: where, message: `invalid JSON (${(err as Error).message})` }]);
  }
  const v = value as { a?: unknown; b?: unknown; schema?: unknown };
  const extra = value && typeof value === 'object' ? Object.keys(value).filter((k) => k !== 'a' && k !== 'b' && k !== 'schema') : [];
  if (!value || typeof value !== 'object' || typeof v.a !== 'string' || typeof v.b !== 'string' || !v.a.trim() || !v.b.trim()) {
    throw new InputError([{ path: where, message: 'expected {"a": "name", "b": "name"} with two non-empty strings' }]);
  }
  if (extra.length) throw new InputError([{ path: `${where}.${extra[0]}`, message: 'unknown field' }]);
  if (v.schema !== undefined && typeof v.schema !== 'string') throw new InputError([{ path: `${where}.schema`, message: 'expected a string (Person, Company, ...)' }]);
  return { a: v.a, b: v.b, schema: v.schema };
}

/** One `{ "a", "b" }` per line in, one `{ "score", "explanation" }` per line out, in order, streaming. */
async function matchFile(path: string, screener: RedlineScreener, json: boolean, schema: string | undefined): Promise<void> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  if (path !== '-') {
    await new Promise<void>((resolve, reject) => {
      input.once('open', () => resolve());
      input.once('error', (err: NodeJS.ErrnoException) =>
        reject(new InputError([{ path, message: err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code ?? 'error'})` }])),
      );
    });
  }
  let n = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    // A byte-order mark (Windows editors write one) is not part of the first pair.
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (!line.trim()) continue;
    const pair = pairFromLine(line, `${path === '-' ? 'stdin' : path}:${n}`);
    const { a, b } = pair;
    const r = screener.match(a, b, { schema: pair.schema ?? schema });
    const text = json ? JSON.stringify(r) : `${n}\t${r.score.toFixed(2)}\t${a}\t${b}`;
    if (!process.stdout.write(`${text}\n`)) await once(process.stdout, 'drain');
  }
}

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('score how alike two names are, with the explanation (for a reviewer resolving a hit)')
    .argument('[a]', 'first name')
    .argument('[b]', 'second name')
    .option('--file <path>', 'JSON Lines of {"a": ..., "b": ...} (- for standard input); output in input order')
    .option('--json', 'JSON output: { "score", "explanation" }, or JSON Lines for --file')
    .option('--schema <schema>', 'what the names are of: Person weighs missing middle names lightly and different names heavily; anything else (Company, Organization, Vessel...) or nothing weighs as for a company')
    .option('--db <path or URL>', 'the store (the matcher is the one the store\'s screener uses)')
    .action(async (a: string | undefined, b: string | undefined, flags: MatchFlags & { db?: string }) => {
      if (flags.file && (a || b)) throw new InputError([{ path: 'a', message: 'give either two names or --file, not both' }]);
      if (!flags.file && (!a?.trim() || !b?.trim())) throw new InputError([{ path: a?.trim() ? 'b' : 'a', message: 'give two names to compare, or --file' }]);
      const screener = await openListScreener(flags.db);
      if (flags.file) return matchFile(flags.file, screener, !!flags.json, flags.schema);
      const r = screener.match(a!, b!, { schema: flags.schema });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const colour = r.score >= screener.alertThreshold ? pc.red : r.score >= screener.candidateFloor ? pc.yellow : pc.green;
      process.stdout.write(`${heading(`"${a}" vs "${b}"`)}\nscore ${colour(r.score.toFixed(2))} (alert threshold ${screener.alertThreshold})\n`);
      for (const e of r.explanation) process.stdout.write(`  ${e}\n`);
    });
}
