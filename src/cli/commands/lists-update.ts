import type { Command } from 'commander';
import Table from 'cli-table3';
import pc from 'picocolors';
import { InputError } from '../../domain/index.js';
import { DEFAULT_MAX_LIST_AGE_DAYS } from '../../determine/list-freshness.js';
import { ensureBundledLists, listsStatus, loadSources, sourcesFilePath, updateLists, type ListsHealth, type SourceUpdate, type UpdateReport } from '../../store/index.js';
import { ExitError } from '../errors.js';
import { EXIT_INTERNAL } from '../exit-codes.js';
import { printJson } from '../io.js';
import { parseMaxListAge } from '../options.js';
import { bold, dim, heading } from '../format/style.js';
import { runWithStore } from './store-cli.js';

interface UpdateFlags {
  sources?: string;
  fromDir?: string;
  source?: string[];
  force?: boolean;
  maxLoss?: string;
  timeout?: string;
  retries?: string;
  db?: string;
  json?: boolean;
  quiet?: boolean;
}

function positive(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new InputError([{ path: flag, message: `"${value}" is not a whole number from 0 to ${max}` }]);
  return n;
}

const STATUS_WORDS: Record<SourceUpdate['status'], string> = {
  updated: pc.green('updated'),
  not_modified: pc.green('not modified'),
  refused: pc.red('refused'),
  failed: pc.red('failed'),
};

function what(s: SourceUpdate): string {
  if (s.status === 'refused' || s.status === 'failed') return s.reason ?? '';
  const lines = s.lists.map((l) =>
    l.status === 'unchanged' ? `${l.list}: unchanged (v${l.version}, ${l.entries} entries)` : `${l.list}: v${l.version}, ${l.entries} entries, +${l.added} ~${l.changed} −${l.removed}`,
  );
  if (s.sourceDate) lines.push(dim(`source date ${s.sourceDate} (${s.sourceDateKind})`));
  if (s.rescreened?.newHits) lines.push(pc.yellow(`${s.rescreened.newHits} stored counterparties now hit an added or changed entry (see the audit log)`));
  return lines.join('\n');
}

export function formatUpdate(r: UpdateReport, width = 100): string {
  const t = new Table({ head: ['source', 'result', 'what'].map((h) => bold(h)), colWidths: [24, 14, Math.max(40, width - 42)], wordWrap: true, style: { head: [], border: [] } });
  for (const s of r.sources) t.push([s.source, STATUS_WORDS[s.status], what(s)]);
  const bad = r.sources.filter((s) => s.status === 'refused' || s.status === 'failed').length;
  const summary = r.allCurrent ? pc.green(`every source is current (${r.sources.length})`) : pc.red(`${bad} of ${r.sources.length} sources not current: the lists they hold stay at their previous versions`);
  return `${heading('List update')}\n${t.toString()}\n${summary}`;
}

export function formatStatus(h: ListsHealth): string {
  const t = new Table({ head: ['list', 'version', 'source date', 'age', 'last update', 'last failure'].map((x) => bold(x)), style: { head: [], border: [] }, wordWrap: true, colWidths: [34, 9, 24, 12, 22, 30] });
  for (const l of h.lists) {
    const age = l.ageDays === null ? 'undated' : `${l.ageDays} d`;
    t.push([
      `${l.list}\n${dim(l.title)}`,
      `v${l.version}\n${dim(`${l.entries}`)}`,
      `${l.sourceDate}\n${dim(l.sourceDateKind ?? (l.bundledSnapshot ? 'bundled' : 'unknown'))}${l.currentAsOf ? dim(`\ncurrent as of ${l.currentAsOf}`) : ''}`,
      l.stale ? pc.red(`${age} (stale)`) : pc.green(age),
      l.lastSuccessAt ? l.lastSuccessAt.slice(0, 16).replace('T', ' ') : dim(l.bundledSnapshot ? 'never (bundled snapshot)' : 'never'),
      l.lastFailureAt ? pc.red(`${l.lastFailureAt.slice(0, 16).replace('T', ' ')}\n${l.lastError ?? ''}`) : '',
    ]);
  }
  const head = h.status === 'ok' ? pc.green(`ok: every list within ${h.maxListAgeDays} days and its last update worked`) : pc.red(`degraded:\n${h.reasons.map((r) => `  - ${r}`).join('\n')}`);
  const never = h.sources.length === 0 ? dim('\nno update has run yet: `redline lists update` fetches the lists from their official sources') : '';
  return `${heading('Lists')}\n${t.toString()}\n${head}${never}`;
}

export function registerListsUpdateCommands(lists: Command): void {
  lists
    .command('update')
    .description('fetch every configured list from its official source, load what changed as new versions (atomically, through the data gate), re-screen stored counterparties')
    .option('--sources <file>', 'the sources file (default: REDLINE_LIST_SOURCES, else the bundled data/lists/sources.yaml)')
    .option('--from-dir <dir>', 'read each source from this folder, by its file name, instead of downloading (air-gapped sites)')
    .option('--source <id...>', 'update only these sources')
    .option('--force', 'load even if the data gate would refuse it')
    .option('--max-loss <pct>', "the data gate: the largest share of a list's entries one update may remove (default 20)")
    .option('--timeout <seconds>', 'per download attempt (default 120)')
    .option('--retries <n>', 'retries after a network error, 5xx or 429, with backoff (default 3)')
    .option('--db <path or URL>', 'the store (default ./data/runtime/redline.sqlite, the one `serve` uses)')
    .option('--json', 'JSON output')
    .addHelpText('after', '\nExit code 0 only when every source is current (updated or not modified); 1 when one was refused or failed; 2 for a bad sources file.\nDownloads honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY.')
    .action(async (flags: UpdateFlags) => {
      const file = sourcesFilePath(flags.sources);
      const { sources } = await loadSources(file);
      const maxLoss = flags.maxLoss === undefined ? undefined : Number(flags.maxLoss.replace(/%$/, ''));
      if (maxLoss !== undefined && !(maxLoss >= 0 && maxLoss <= 100)) throw new InputError([{ path: '--max-loss', message: `"${flags.maxLoss}" is not a percentage from 0 to 100` }]);
      const timeout = positive(flags.timeout, '--timeout', 3600);
      const retries = positive(flags.retries, '--retries', 10);
      let report: UpdateReport | undefined;
      await runWithStore(flags.db, async (store) => {
        report = await updateLists(store, sources, {
          fromDir: flags.fromDir,
          only: flags.source,
          force: flags.force,
          maxLossShare: maxLoss === undefined ? undefined : maxLoss / 100,
          fetch: { ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ...(retries !== undefined ? { retries } : {}) },
          onSource: flags.json ? undefined : (e) => (e.phase === 'start' ? process.stderr.write(dim(`updating ${e.source} …\n`)) : undefined),
        });
      });
      if (flags.json) printJson(report);
      else process.stdout.write(`${formatUpdate(report!, process.stdout.columns ?? 100)}\n`);
      if (!report!.allCurrent) throw new ExitError(EXIT_INTERNAL, '');
    });

  lists
    .command('status')
    .description('per list: source date and where it came from, age, last successful update, last failure; ok or degraded')
    .option('--max-list-age <days>', 'lists older than this many days past their source date (or last confirmation) are stale', String(DEFAULT_MAX_LIST_AGE_DAYS))
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output')
    .action((flags: { maxListAge?: string; db?: string; json?: boolean }) =>
      runWithStore(flags.db, async (store) => {
        await ensureBundledLists(store);
        const health = await listsStatus(store, new Date().toISOString().slice(0, 10), parseMaxListAge(flags.maxListAge));
        if (flags.json) return printJson(health);
        process.stdout.write(`${formatStatus(health)}\n`);
      }),
    );
}
