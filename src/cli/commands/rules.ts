import type { Command } from 'commander';
import Table from 'cli-table3';
import { InputError, JURISDICTIONS } from '../../domain/index.js';
import { describeCondition, measureStatusOn } from '../../rules/describe.js';
import type { CompiledMeasure } from '../../rules/index.js';
import { loadRuleset, readPackSources } from '../../bundle/rules.js';
import { loadCatalogue } from '../../bundle/catalogue.js';
import { runScenarioFiles } from '../../determine/index.js';
import { today } from '../../bundle/redline.js';
import { printJson } from '../io.js';
import { parseAsOf } from '../options.js';
import { bold, dim, heading, pc } from '../format/style.js';
import { ExitError } from '../errors.js';
import { registerRulesTimelineCommands } from './rules-timeline.js';

/** The public JSON face of a measure (the compiled closures stay inside). */
function measureJson(m: CompiledMeasure, asOf?: string) {
  const { test: _t, compiledExceptions: _c, ...rest } = m;
  return asOf ? { ...rest, statusOn: { date: asOf, ...measureStatusOn(m, asOf) } } : rest;
}

function checkJurisdiction(j: string | undefined): string | undefined {
  if (j === undefined) return undefined;
  const up = j.toUpperCase();
  if (!(JURISDICTIONS as readonly string[]).includes(up)) throw new InputError([{ path: '--jurisdiction', message: `must be one of ${JURISDICTIONS.join(', ')}` }]);
  return up;
}

export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('the measures of the bundled rule packs: list, show, test, timeline, diff');

  rules
    .command('list')
    .description('the measures in force on a date, each with its citation and dates')
    .option('--as-of <date>', 'the date (default: today)')
    .option('--jurisdiction <code>', 'only this jurisdiction (US, JP, NL, CN)')
    .option('--all', 'also list measures not in force on the date')
    .option('--json', 'JSON output')
    .action(async (flags: { asOf?: string; jurisdiction?: string; all?: boolean; json?: boolean }) => {
      const asOf = parseAsOf(flags.asOf) ?? today();
      const jurisdiction = checkJurisdiction(flags.jurisdiction);
      const rs = await loadRuleset();
      const shown = rs.measures.filter((m) => {
        if (jurisdiction && m.jurisdiction !== jurisdiction) return false;
        if (flags.all) return true;
        const s = measureStatusOn(m, asOf).status;
        return s !== 'not_yet_in_force' && s !== 'ended';
      });
      if (flags.json) {
        printJson({ asOf, ruleset: { version: rs.version, hash: rs.hash }, measures: shown.map((m) => measureJson(m, asOf)) });
        return;
      }
      const t = new Table({
        head: ['measure', 'kind / effect', 'status on ' + asOf, 'effective', 'citation', 'conf.'].map((h) => bold(h)),
        colWidths: [34, 18, 18, 24, 44, 7],
        wordWrap: true,
        style: { head: [], border: [] },
      });
      for (const m of shown) {
        const s = measureStatusOn(m, asOf);
        t.push([
          `${bold(m.id)}\n${dim(m.title ?? m.summary)}`,
          m.kind === 'requirement' ? m.effect.replace(/_/g, ' ') : m.kind === 'review_policy' ? `policy: ${m.reviewPolicy?.replace(/_/g, ' ')}` : 'event',
          `${s.status.replace(/_/g, ' ')}${s.note ? `\n${dim(s.note)}` : ''}`,
          `${m.effective.from} →${m.effective.to ? ` ${m.effective.to}` : ''}`,
          m.citation,
          m.confidence,
        ]);
      }
      process.stdout.write(`${heading(`Measures as of ${asOf}`)} ${dim(`(${shown.length} of ${rs.measures.length}; rule set ${rs.version})`)}\n${t.toString()}\n`);
    });

  rules
    .command('show')
    .description('one measure: its conditions in words, citation, dates, exceptions')
    .argument('<id>', 'measure id, e.g. us.ear.ac.license.d-groups')
    .option('--as-of <date>', 'report its status on this date (default: today)')
    .option('--json', 'JSON output')
    .action(async (id: string, flags: { json?: boolean; asOf?: string }) => {
      const asOf = parseAsOf(flags.asOf) ?? today();
      const rs = await loadRuleset();
      const m = rs.byId.get(id);
      if (!m) {
        const near = rs.measures.map((x) => x.id).filter((x) => x.includes(id) || id.includes(x.split('.').slice(-1)[0]!)).slice(0, 5);
        throw new InputError([{ path: 'id', message: `no measure "${id}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (see: redline rules list --all)` }]);
      }
      if (flags.json) {
        printJson(measureJson(m, asOf));
        return;
      }
      const s = measureStatusOn(m, asOf);
      const lines = [
        `${heading(m.id)}  ${dim(`${m.jurisdiction} · ${m.pack} · ${m.source?.file}:${m.source?.line}`)}`,
        m.title ? bold(m.title) : '',
        m.summary,
        '',
        `${bold('instrument')}  ${m.instrument}`,
        `${bold('citation')}    ${m.citation}`,
        `${bold('effective')}   ${m.effective.from} → ${m.effective.to ?? '(open)'}`,
        `${bold('status')}      ${s.status.replace(/_/g, ' ')} on ${asOf}${s.note ? ` (${s.note})` : ''}`,
        `${bold('effect')}      ${m.kind === 'review_policy' ? `review policy: ${m.reviewPolicy}` : m.effect}${m.reviewPolicy && m.kind !== 'review_policy' ? ` (review: ${m.reviewPolicy})` : ''}`,
        `${bold('confidence')}  ${m.confidence}`,
        ...m.status.map((w) => `${bold('window')}      ${w.status.replace('_', ' ')} ${w.from} → ${w.to ?? '(open)'}: ${w.by}${w.then === 'unknown' ? ' — after it: unknown' : ''}`),
        '',
        bold('applies when'),
        ...describeCondition(m.when, rs, '  '),
      ];
      for (const e of m.exceptions) {
        lines.push('', `${bold(`exception ${e.code}`)} ${dim(e.citation)}`, `  ${e.summary}`, ...describeCondition(e.when, rs, '  '));
        for (const r of e.requires) lines.push(`  requires: ${r}`);
        if (e.prerequisite) lines.push(`  before shipping (until then the answer is review): ${e.prerequisite.todo}`, ...describeCondition(e.prerequisite.when, rs, '    '));
      }
      if (m.notes) lines.push('', `${bold('notes')} ${m.notes}`);
      process.stdout.write(`${lines.filter((l, i) => l !== '' || i > 2).join('\n')}\n`);
    });

  rules
    .command('test')
    .description("run every pack's scenario tests (exit 1 if any fails)")
    .option('--json', 'JSON output')
    .action(async (flags: { json?: boolean }) => {
      const sources = await readPackSources();
      const engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue() };
      const results = runScenarioFiles(sources.scenarios, engines);
      const failed = results.filter((r) => !r.passed);
      if (flags.json) {
        printJson({ passed: results.length - failed.length, failed: failed.length, results: results.map(({ determination: _d, ...r }) => r) });
      } else {
        for (const r of results) {
          const mark = r.passed ? pc.green('✓') : pc.red('✗');
          process.stdout.write(`${mark} ${dim(`${r.file}:${r.line ?? '?'}`)} ${r.name}\n`);
          for (const f of r.failures) process.stdout.write(`    ${f}\n`);
        }
        process.stdout.write(`\n${results.length - failed.length} passed, ${failed.length} failed\n`);
      }
      if (failed.length) throw new ExitError(1, '');
    });

  registerRulesTimelineCommands(rules);
}
