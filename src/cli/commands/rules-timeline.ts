import type { Command } from 'commander';
import Table from 'cli-table3';
import { InputError, isIsoDate, JURISDICTIONS, type IsoDate, type Jurisdiction } from '../../domain/index.js';
import { diffRules, timeline } from '../../rules/timeline.js';
import { loadRuleset } from '../../bundle/rules.js';
import { today } from '../../bundle/redline.js';
import { printJson } from '../io.js';
import { parseAsOf } from '../options.js';
import { bold, dim, heading } from '../format/style.js';

/** `redline rules timeline` and `redline rules diff`: the rule set's dates, and what changed between two. */

function date(flag: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new InputError([{ path: flag, message: `"${value}" is not a real date written YYYY-MM-DD` }]);
  return value;
}

function jurisdictionOf(value: string | undefined): Jurisdiction | undefined {
  if (value === undefined) return undefined;
  const up = value.toUpperCase();
  if (!(JURISDICTIONS as readonly string[]).includes(up)) throw new InputError([{ path: '--jurisdiction', message: `must be one of ${JURISDICTIONS.join(', ')}` }]);
  return up as Jurisdiction;
}

const words = (s: string) => s.replace(/_/g, ' ');

export function registerRulesTimelineCommands(rules: Command): void {
  rules
    .command('timeline')
    .description('every measure and event with its dates and status (stays, suspensions, unknown futures)')
    .option('--jurisdiction <code>', 'only this jurisdiction (US, JP, NL, CN)')
    .option('--from <date>', 'only measures in force, and events dated, on or after this date')
    .option('--to <date>', 'only measures in force, and events dated, on or before this date')
    .option('--as-of <date>', 'report each status on this date (default: --to, else today)')
    .option('--json', 'JSON output')
    .action(async (flags: { jurisdiction?: string; from?: string; to?: string; asOf?: string; json?: boolean }) => {
      const from = date('--from', flags.from);
      const to = date('--to', flags.to);
      if (from && to && from > to) throw new InputError([{ path: '--from', message: `${from} is after --to ${to}` }]);
      const asOf = parseAsOf(flags.asOf) ?? to ?? today();
      const jurisdiction = jurisdictionOf(flags.jurisdiction);
      const rs = await loadRuleset();
      const entries = timeline(rs.measures, { jurisdiction, from, to, asOf });
      if (flags.json) {
        printJson({ asOf, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(jurisdiction ? { jurisdiction } : {}), ruleset: { version: rs.version, hash: rs.hash }, count: entries.length, entries });
        return;
      }
      const t = new Table({
        head: ['dates', 'measure / event', 'kind', `status on ${asOf}`, 'conf.'].map((h) => bold(h)),
        colWidths: [34, 60, 18, 24, 8],
        wordWrap: true,
        style: { head: [], border: [] },
      });
      for (const e of entries) {
        t.push([
          e.changes.map((c) => `${c.date} ${words(c.change)}`).join('\n'),
          `${bold(e.id)} ${dim(e.jurisdiction)}\n${e.title}\n${dim(e.citation)}`,
          words(e.effect),
          `${words(e.status)}${e.statusNote ? `\n${dim(e.statusNote)}` : ''}`,
          e.confidence,
        ]);
      }
      const range = from || to ? ` ${from ?? '…'} → ${to ?? '…'}` : '';
      process.stdout.write(`${heading(`Timeline${jurisdiction ? ` (${jurisdiction})` : ''}${range}`)} ${dim(`${entries.length} measures and events; rule set ${rs.version}`)}\n${t.toString()}\n`);
    });

  rules
    .command('diff')
    .description('what took effect, changed, was stayed or suspended, or ended between two dates')
    .requiredOption('--from <date>', 'the earlier date (changes after it count)')
    .requiredOption('--to <date>', 'the later date (changes on it count)')
    .option('--jurisdiction <code>', 'only this jurisdiction (US, JP, NL, CN)')
    .option('--json', 'JSON output')
    .action(async (flags: { from: string; to: string; jurisdiction?: string; json?: boolean }) => {
      const from = date('--from', flags.from)!;
      const to = date('--to', flags.to)!;
      if (from > to) throw new InputError([{ path: '--from', message: `${from} is after --to ${to}` }]);
      const jurisdiction = jurisdictionOf(flags.jurisdiction);
      const rs = await loadRuleset();
      const d = diffRules(rs.measures, rs.groups, { from, to, jurisdiction });
      if (flags.json) {
        printJson({ ...d, ...(jurisdiction ? { jurisdiction } : {}), ruleset: { version: rs.version, hash: rs.hash } });
        return;
      }
      const lines = [`${heading(`Changes after ${from} up to ${to}${jurisdiction ? ` (${jurisdiction})` : ''}`)} ${dim(`rule set ${rs.version}`)}`];
      if (!d.changes.length && !d.groups.length) lines.push('no changes');
      for (const c of d.changes) lines.push(`${c.date}  ${bold(words(c.change).padEnd(13))} ${c.measure} ${dim(c.jurisdiction)}\n            ${c.title}\n            ${dim(c.note)}`);
      if (d.statusChanged.length) {
        lines.push('', bold('status on the two dates'));
        for (const s of d.statusChanged) lines.push(`  ${s.measure}: ${words(s.before)} → ${words(s.after)}`);
      }
      if (d.groups.length) {
        lines.push('', bold('country groups'));
        for (const g of d.groups) lines.push(`  ${g.group}: ${[...g.added.map((c) => `+${c}`), ...g.removed.map((c) => `-${c}`)].join(' ')}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
