import type { Command } from 'commander';
import Table from 'cli-table3';
import { pc } from '../format/style.js';
import { InputError } from '../../domain/index.js';
import { writeFileSync } from 'node:fs';
import { AnchorFormatError, AuditBrokenError, parseAnchor, ReplayError, replayDetermination, type AuditAnchor, type AuditKind, type AuditRecord, type AuditVerification } from '../../store/index.js';
import { ExitError } from '../errors.js';
import { EXIT_INTERNAL } from '../exit-codes.js';
import { printJson, readJsonInput } from '../io.js';
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
  anchor?: string;
  out?: string;
}

/** Reads an anchor file; a missing or malformed one is bad input (exit 2) naming the file and member. */
async function readAnchor(path: string): Promise<AuditAnchor> {
  const value = await readJsonInput(path);
  try {
    return parseAnchor(value);
  } catch (err) {
    if (err instanceof AnchorFormatError) throw new InputError([{ path: `--anchor ${path}`, message: err.message }]);
    throw err;
  }
}

/** The lines `audit verify` prints about the key and the anchor, in words. */
export function verificationNotes(v: AuditVerification): string[] {
  const lines: string[] = [];
  if (v.keyed) lines.push(`${v.keyed} record(s) sealed with audit key ${v.keyId ?? '?'} (${v.keySource})`);
  if (v.unkeyed) {
    lines.push(
      pc.yellow(
        `${v.unkeyed} record(s) predate the audit key: checked as a plain hash chain, which someone who can write the database could rewrite unnoticed — keep an anchor (redline audit anchor) to cover them`,
      ),
    );
  }
  if (v.anchor) lines.push(v.anchor.ok ? `the log still holds record ${v.anchor.seq} as anchored on ${v.anchor.at}` : pc.red(`the anchor of ${v.anchor.at} (record ${v.anchor.seq}) does not hold`));
  return lines;
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
    .description(
      'check the audit chain and its seals (the audit key: REDLINE_AUDIT_KEY, REDLINE_AUDIT_KEY_FILE, else <store>.audit-key): exit 0 when intact, 1 naming the first changed, removed, reordered, forged or cut record',
    )
    .option('--db <path or URL>', 'the store: a SQLite file or postgres://… (default ./data/runtime/redline.sqlite)')
    .option('--anchor <file>', 'also check a signed anchor (from: redline audit anchor): the log must still hold the anchored record, unchanged')
    .option('--json', 'JSON output')
    .action(async (flags: AuditFlags) => {
      const anchor = flags.anchor !== undefined ? await readAnchor(flags.anchor) : undefined;
      await runWithStore(flags.db, async (store) => {
        const v = await store.verifyAudit({ anchor });
        if (flags.json) printJson({ ...v, store: store.location });
        else if (v.ok) {
          process.stdout.write(`${[`${pc.green('audit log intact')}: ${v.records} record(s) in ${store.location}${v.head ? `\nhead ${v.head}` : ''}`, ...verificationNotes(v)].join('\n')}\n`);
        } else {
          process.stdout.write(`${pc.bold(pc.red('audit log BROKEN'))} at record ${v.firstBad!.seq} (${v.firstBad!.problem}): ${v.firstBad!.detail}\n${dim(`${v.records} record(s) before it verified; store ${store.location}`)}\n`);
        }
        if (!v.ok) {
          if (flags.json) process.stderr.write(`redline: audit log broken at record ${v.firstBad!.seq}: ${v.firstBad!.detail}\n`);
          process.exitCode = 1;
        }
      });
    });

  audit
    .command('anchor')
    .description('sign the head of the audit log (Ed25519, from the audit key) for keeping outside the database; audit verify --anchor checks it later')
    .option('--db <path or URL>', 'the store')
    .option('--out <file>', 'write the anchor to this file (default: standard output)')
    .action((flags: AuditFlags) =>
      runWithStore(flags.db, async (store) => {
        let anchor: AuditAnchor;
        try {
          anchor = await store.anchorAudit();
        } catch (err) {
          if (err instanceof AuditBrokenError) throw new ExitError(EXIT_INTERNAL, err.message);
          throw err;
        }
        const text = `${JSON.stringify(anchor, null, 2)}\n`;
        if (flags.out === undefined || flags.out === '-') return void process.stdout.write(text);
        writeFileSync(flags.out, text);
        process.stderr.write(`anchored record ${anchor.seq} (hash ${anchor.hash.slice(0, 16)}…, audit key ${anchor.keyId}) to ${flags.out}\n`);
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
