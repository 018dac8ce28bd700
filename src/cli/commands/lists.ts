import type { Command } from 'commander';
import Table from 'cli-table3';
import { pc } from '../format/style.js';
import { InputError, type ListEntry } from '../../domain/index.js';
import {
  DEFAULT_MAX_LOSS_SHARE,
  LIST_FORMATS,
  diffVersions,
  ensureBundledLists,
  loadListFile,
  pct,
  pickVersion,
  type ListDiff,
  type LoadReport,
  type Store,
} from '../../store/index.js';
import { printJson } from '../io.js';
import { bold, dim, heading } from '../format/style.js';
import { runWithStore } from './store-cli.js';
import { registerListsUpdateCommands } from './lists-update.js';

interface ListsFlags {
  db?: string;
  json?: boolean;
  format?: string;
  list?: string;
  sourceDate?: string;
  force?: boolean;
  maxLoss?: string;
  from?: string;
  to?: string;
  all?: boolean;
  limit?: string;
}

/** `--max-loss 20` or `20%`: the share of a list's entries one load may remove. */
function maxLossShare(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LOSS_SHARE;
  const n = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InputError([{ path: '--max-loss', message: `"${value}" is not a percentage from 0 to 100` }]);
  return n / 100;
}

const SHOWN = 15;

function entryLine(e: ListEntry): string {
  return `${e.name}${e.countries.length ? ` (${e.countries.join(', ')})` : ''} ${dim(e.id)}`;
}

/** A diff for people: counts, then up to SHOWN entries of each kind. */
export function formatDiff(d: ListDiff, limit = SHOWN): string {
  const lines = [
    `${bold(d.list)}: ${d.from ? `v${d.from.version} (${d.from.sourceDate}, ${d.from.entries})` : '(none)'} → v${d.to.version} (${d.to.sourceDate}, ${d.to.entries} entries): ` +
      `${pc.green(`+${d.added.length} added`)}, ${pc.yellow(`~${d.changed.length} changed`)}, ${pc.red(`−${d.removed.length} removed`)}`,
  ];
  const more = (n: number): void => {
    if (n > limit) lines.push(dim(`    … and ${n - limit} more (--json for all)`));
  };
  for (const e of d.added.slice(0, limit)) lines.push(`  ${pc.green('+')} ${entryLine(e)}`);
  more(d.added.length);
  for (const c of d.changed.slice(0, limit)) lines.push(`  ${pc.yellow('~')} ${entryLine(c.after)} ${dim(`changed: ${c.fields.join(', ')}`)}`);
  more(d.changed.length);
  for (const e of d.removed.slice(0, limit)) lines.push(`  ${pc.red('−')} ${entryLine(e)}`);
  more(d.removed.length);
  return lines.join('\n');
}

function formatLoad(r: LoadReport): string {
  const lines = [heading(`Loaded ${r.file}`) + dim(` (${r.format}, source date ${r.sourceDate}${r.forced ? ', data gate overridden with --force' : ''})`)];
  for (const l of r.lists) {
    if (l.status === 'unchanged') lines.push(`${bold(l.list)}: unchanged (same content as v${l.version?.version}, ${l.version?.sourceDate}); no new version`);
    else lines.push(formatDiff(l.diff));
  }
  if (r.rescreen.screened) {
    lines.push(heading('Stored counterparties re-screened'), `${r.rescreen.screened} screened; ${r.rescreen.newHits.length} with new hits on added or changed entries`);
    for (const n of r.rescreen.newHits) {
      lines.push(`  ${bold(n.counterparty.name)}${n.counterparty.country ? ` (${n.counterparty.country})` : ''}: ${n.hits.map((h) => `${h.list} "${h.name}" ${h.score.toFixed(2)}`).join('; ')} ${dim(`audit ${n.auditSeq}`)}`);
    }
  }
  return lines.join('\n');
}

/** Prepares the store for list commands: the bundled snapshots go in on first use, so every diff has a base. */
async function prepared(store: Store, quiet: boolean): Promise<void> {
  const { added } = await ensureBundledLists(store);
  if (added.length && !quiet) process.stderr.write(dim(`loaded ${added.length} bundled list snapshot(s) into ${store.location} (first start)\n`));
}

export function registerListsCommand(program: Command): void {
  const lists = program.command('lists').description('restricted-party lists in the store: update from the official sources, status, load a file, list versions, diff');
  registerListsUpdateCommands(lists);

  lists
    .command('load')
    .description('load a list file as a new version: prints the diff, re-screens stored counterparties; refuses a load that loses too many entries')
    .argument('<file>', 'the list file (CSL CSV, JSON extract, OFAC legacy sdn.csv/cons_prim.csv with its side files, plain CSV, China CSV)')
    .option('--format <format>', `the file format (default: from the extension and header): ${LIST_FORMATS.join(', ')}`)
    .option('--list <id>', 'the list id for a plain CSV or OFAC file, or load only this list from a multi-list file')
    .option('--source-date <date>', "the list's publication date (default: from the file or its name)")
    .option('--force', 'load even if the data gate would refuse it')
    .option('--max-loss <pct>', `the data gate: the largest share of a list's entries one load may remove (default ${DEFAULT_MAX_LOSS_SHARE * 100})`)
    .option('--db <path or URL>', 'the store: a SQLite file or postgres://… (default ./data/runtime/redline.sqlite)')
    .option('--json', 'JSON output')
    .action((file: string, flags: ListsFlags) =>
      runWithStore(flags.db, async (store) => {
        const share = maxLossShare(flags.maxLoss);
        await prepared(store, !!flags.json);
        const report = await loadListFile(store, file, { format: flags.format, list: flags.list, sourceDate: flags.sourceDate, force: flags.force, maxLossShare: share, ensureBundled: false });
        if (flags.json) {
          return printJson({
            ...report,
            lists: report.lists.map((l) => ({ ...l, lossShare: l.lossShare })),
          });
        }
        process.stdout.write(`${formatLoad(report)}\n`);
      }),
    );

  lists
    .command('list')
    .description('the lists in the store: newest version of each (or every version with --all)')
    .option('--all', 'every version, not only the newest')
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output')
    .action((flags: ListsFlags) =>
      runWithStore(flags.db, async (store) => {
        await prepared(store, !!flags.json);
        const versions = flags.all ? await store.listVersions() : await store.latestListVersions();
        if (flags.json) return printJson(versions);
        const t = new Table({ head: ['list', 'version', 'source date', 'entries', 'loaded (UTC)', 'from', 'hash'].map((h) => bold(h)), style: { head: [], border: [] } });
        for (const v of versions) {
          t.push([`${v.list}\n${dim(v.title)}`, String(v.version), v.sourceDate, String(v.entries), v.loadedAt, v.bundledSnapshot ? pc.yellow('bundled snapshot') : (v.source ?? ''), v.hash.slice(0, 12)]);
        }
        process.stdout.write(`${t.toString()}\n`);
      }),
    );

  lists
    .command('diff')
    .description('what changed in a list between two versions (default: the previous and the newest)')
    .argument('<list>', 'the list id, e.g. us.bis.entity-list')
    .option('--from <version>', 'version number, source date, hash prefix, or previous (default)')
    .option('--to <version>', 'version number, source date, hash prefix, or latest (default)')
    .option('--limit <n>', `entries shown per kind (default ${SHOWN})`)
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output (every entry)')
    .action((list: string, flags: ListsFlags) =>
      runWithStore(flags.db, async (store) => {
        await prepared(store, !!flags.json);
        const versions = await store.listVersions(list);
        if (!versions.length) {
          const known = (await store.latestListVersions()).map((v) => v.list);
          throw new InputError([{ path: 'list', message: `no list ${JSON.stringify(list)} in the store; lists: ${known.join(', ')}` }]);
        }
        const to = pickVersion(versions, flags.to ?? 'latest');
        if (!to) throw new InputError([{ path: '--to', message: `no version ${JSON.stringify(flags.to)} of ${list} (versions 1 to ${versions.length})` }]);
        const fromRef = flags.from ?? (to.version > 1 ? String(to.version - 1) : undefined);
        const from = fromRef === undefined ? undefined : pickVersion(versions, fromRef);
        if (fromRef !== undefined && !from) throw new InputError([{ path: '--from', message: `no version ${JSON.stringify(flags.from)} of ${list} (versions 1 to ${versions.length})` }]);
        const limit = flags.limit === undefined ? SHOWN : Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 0) throw new InputError([{ path: '--limit', message: `"${flags.limit}" is not a whole number` }]);
        const diff = await diffVersions(store, from, to);
        if (flags.json) return printJson(diff);
        process.stdout.write(`${formatDiff(diff, limit)}\n`);
      }),
    );
}


