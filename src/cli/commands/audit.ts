import type { Command } from 'commander';
import Table from 'cli-table3';
import { pc } from '../format/style.js';
import { InputError } from '../../domain/index.js';
import { ReplayError, replayDetermination, type AuditKind, type AuditRecord } from '../../store/index.js';
import { printJson } from '../io.js';
import { bold, dim, heading } from '../format/style.js';
import { runWithStore } from './store-cli.js';

const KINDS: AuditKind[] = ['determination', 'screening', 'list_load', 'review', 'key', 'batch'];

interface AuditFlags {
  db?: string;
  json?: boolean;
  kind?: string;
  limit?: string;
  after?: string;
  before?: string;
}

function wholeNumber(value: string | undefined, flag: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new InputError([{ path: flag, message: `"${value}" is not a whole number from 0 to ${max}` }]);
  return n;
}

/** One line a person can scan: what was asked and answered. */
export function auditSummary(r: AuditRecord): string {
  const input = r.input as Record<string, unknown> | null;
  const output = r.output as Record<string, unknown> | null;
  switch (r.kind) {
    case 'determination': {
      const parties = Array.isArray(input?.parties) ? (input.parties as { name?: string }[]).map((p) => p.name).filter(Boolean).join(', ') : '';
      return `${String(output?.outcome ?? '?')} as of ${String(output?.asOf ?? '?')}${parties ? ` — ${parties}` : ''}`;
    }
    case 'screening': {
      // The API records screenings in groups: one record, several queries.
      if (Array.isArray(input?.screenings)) {
        const names = (input.screenings as { query?: string }[]).map((q) => `"${q.query ?? ''}"`);
        return `${names.length} screening(s): ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
      }
      const hits = Array.isArray(output?.hits) ? output.hits.length : 0;
      return `"${String(input?.query ?? '')}"${input?.country ? ` (${String(input.country)})` : ''}: ${hits} hit(s)${input?.reason === 'list_load' ? ' — re-screen after a list load' : ''}`;
    }
    case 'list_load':
      if (output?.refused) return `${String(input?.file ?? '')}: refused by the ${String(output.refused)}`;
      return `${String(input?.list ?? '')} ${String(input?.sourceDate ?? '')}${input?.bundledSnapshot ? ' (bundled snapshot)' : ''}${Array.isArray(output?.added) ? `: +${output.added.length} ~${(output.changed as unknown[]).length} −${(output.removed as unknown[]).length}` : ''}`;
    case 'review':
      return `${String(output?.decision ?? '')} ${String(input?.list ?? '')} ${String(input?.entryId ?? '')} for "${String((input?.counterparty as { name?: string } | undefined)?.name ?? '')}"`;
    case 'key':
      return `${String(input?.action ?? '')} key ${String(r.ref ?? '')}${input?.role ? ` (${String(input.role)})` : ''}`;
    default:
      return '';
  }
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log: verify, list, show, replay');

  audit
    .command('verify')
    .description('check the audit chain: exit 0 when intact, 1 naming the first changed, removed or reordered record')
    .option('--db <path or URL>', 'the store: a SQLite file or postgres://… (default ./data/runtime/redline.sqlite)')
    .option('--json', 'JSON output')
    .action((flags: AuditFlags) =>
      runWithStore(flags.db, async (store) => {
        const v = await store.verifyAudit();
        if (flags.json) printJson({ ...v, store: store.location });
        else if (v.ok) process.stdout.write(`${pc.green('audit log intact')}: ${v.records} record(s) in ${store.location}${v.head ? `\nhead ${v.head}` : ''}\n`);
        else {
          process.stdout.write(`${pc.bold(pc.red('audit log BROKEN'))} at record ${v.firstBad!.seq} (${v.firstBad!.problem}): ${v.firstBad!.detail}\n${dim(`${v.records} record(s) before it verified; store ${store.location}`)}\n`);
        }
        if (!v.ok) {
          if (flags.json) process.stderr.write(`redline: audit log broken at record ${v.firstBad!.seq}: ${v.firstBad!.detail}\n`);
          process.exitCode = 1;
        }
      }),
    );

  audit
    .command('list')
    .description('browse the audit log, newest first')
    .option('--kind <kind>', `only records of this kind: ${KINDS.join(', ')}`)
    .option('--limit <n>', 'how many (default 50, at most 1000)')
    .option('--after <seq>', 'records after this seq, oldest first (paging forward)')
    .option('--before <seq>', 'records before this seq, newest first (paging back)')
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output (the full records)')
    .action((flags: AuditFlags) =>
      runWithStore(flags.db, async (store) => {
        if (flags.kind !== undefined && !(KINDS as string[]).includes(flags.kind)) throw new InputError([{ path: '--kind', message: `must be one of ${KINDS.join(', ')}` }]);
        const records = await store.listAudit({
          kind: flags.kind as AuditKind | undefined,
          limit: wholeNumber(flags.limit, '--limit', 1000),
          afterSeq: wholeNumber(flags.after, '--after'),
          beforeSeq: wholeNumber(flags.before, '--before'),
        });
        if (flags.json) return printJson(records);
        if (!records.length) return void process.stdout.write('the audit log holds no such records\n');
        const t = new Table({ head: ['seq', 'time (UTC)', 'kind', 'key', 'ref', 'what'].map((h) => bold(h)), wordWrap: true, colWidths: [7, 26, 15, 14, 30, 60], style: { head: [], border: [] } });
        for (const r of records) t.push([String(r.seq), r.at, r.kind, r.keyId ?? '', r.ref ?? '', auditSummary(r)]);
        process.stdout.write(`${t.toString()}\n`);
      }),
    );

  audit
    .command('show')
    .description('one audit record in full (JSON)')
    .argument('<seq>', 'the record number')
    .option('--db <path or URL>', 'the store')
    .action((seq: string, flags: AuditFlags) =>
      runWithStore(flags.db, async (store) => {
        const n = wholeNumber(seq, 'seq')!;
        const r = await store.getAudit(n);
        if (!r) throw new InputError([{ path: 'seq', message: `no audit record ${seq} (see: redline audit list)` }]);
        printJson(r);
      }),
    );

  audit
    .command('replay')
    .description('re-run a recorded determination with its recorded rules, lists, as-of and run date: exit 0 when it reproduces exactly, 1 when not')
    .argument('<id>', 'the audit seq of a determination, or its det_… id')
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output (with the recorded and replayed answers)')
    .action((id: string, flags: AuditFlags) =>
      runWithStore(flags.db, async (store) => {
        let report;
        try {
          report = await replayDetermination(store, id);
        } catch (err) {
          if (err instanceof ReplayError) throw new InputError([{ path: 'id', message: err.message }]);
          throw err;
        }
        if (flags.json) printJson(report);
        else {
          const lines = [
            heading(`Replay of audit record ${report.seq}${report.determinationId ? ` (${report.determinationId})` : ''}`),
            report.reproduced ? pc.green(`reproduced exactly: ${report.replayed.outcome}`) : pc.bold(pc.red(`NOT reproduced: recorded ${report.recorded.outcome}, now ${report.replayed.outcome}`)),
            `${bold('rule set')}  recorded ${report.ruleset.recorded.version} ${report.ruleset.recorded.hash}; used: ${report.ruleset.used}${report.ruleset.recorded.hash !== report.ruleset.current.hash ? pc.yellow(` (current is ${report.ruleset.current.version} ${report.ruleset.current.hash})`) : ''}`,
            `${bold('as of')}     ${report.asOf ?? '(the transaction date or the run date)'}; run date ${report.today}`,
            `${bold('lists')}     ${report.lists.length ? report.lists.map((l) => `${l.list} ${l.sourceDate}${l.found ? '' : pc.red(' (not in the store)')}`).join(', ') : '(no screening)'}`,
            ...report.differences.map((d) => `  differs at ${d}`),
            dim(report.message),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        if (!report.reproduced) process.exitCode = 1;
      }),
    );
}
