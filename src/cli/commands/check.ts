import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { determinationEvidencePdf } from '../../evidence/pdf.js';
import { InputError, type Determination, type InputProblem } from '../../domain/index.js';
import { registerForCheck } from './owners.js';
import { readJsonInput, printJson } from '../io.js';
import { parseAsOf, parseMaxListAge, type EvaluateFlags } from '../options.js';
import { openRedline } from '../runtime.js';
import { formatDetermination } from '../format/determination.js';
import { word } from '../format/words.js';
import { humanLang } from '../lang.js';

function itemNames(input: unknown): string[] {
  const items = (input as { items?: { model?: string; name?: string; kind?: string }[] })?.items ?? [];
  return items.map((i) => i?.model ?? i?.name ?? i?.kind ?? '');
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('determine one transaction, or a JSON array of them: may it ship, and if not, which rule says so')
    .argument('<transaction>', 'a JSON file, or - for standard input')
    .option('--json', 'print the determination as JSON (an array for array input)')
    .option('--details', 'also print the identifiers: rule ids, list ids, fact paths, the full rule-set hash')
    .option('--evidence <file.pdf>', 'also write the determination as PDF evidence (list versions, rule-set hash, reasons) for one transaction')
    .option('--as-of <date>', 'evaluate under the rules in force on this date (YYYY-MM-DD)')
    .option('--enforce-ai-diffusion', 'apply the AI Diffusion worldwide licence text (not enforced by BIS since 2025-05-13)')
    .option('--no-screening', 'do not screen parties (list-based rules then answer review)')
    .option('--max-list-age <days>', 'lists older than this many days past their source date make answers review', '30')
    .option('--db <path or URL>', 'the store whose lists to screen against and whose ownership register to read (default ./data/runtime/redline.sqlite, the one `serve` uses)')
    .action(async (file: string, flags: EvaluateFlags & { db?: string; details?: boolean; evidence?: string }) => {
      const asOf = parseAsOf(flags.asOf);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const input = await readJsonInput(file);
      // One after the other: both open the same store, and a fresh store must be migrated once.
      const redline = await openRedline({ screening: flags.screening, enforceAiDiffusion: flags.enforceAiDiffusion, maxListAgeDays, db: flags.db });
      const owners = await registerForCheck(flags.db);
      const many = Array.isArray(input);
      const inputs = many ? (input as unknown[]) : [input];
      if (many && inputs.length === 0) throw new InputError([{ path: file, message: 'the array holds no transaction' }]);
      // Validate everything before printing anything, so bad input never yields half an answer.
      const problems: InputProblem[] = [];
      const results: Determination[] = [];
      inputs.forEach((tx, i) => {
        try {
          results.push(redline.check(tx, { asOf, path: many ? `[${i}]` : '', owners }));
        } catch (e) {
          if (e instanceof InputError) problems.push(...e.problems);
          else throw e;
        }
      });
      if (problems.length) throw new InputError(problems);
      if (flags.evidence) {
        if (many) throw new InputError([{ path: '--evidence', message: 'PDF evidence is for one transaction; give a file holding one' }]);
        const parties = ((inputs[0] as { parties?: { name?: string }[] })?.parties ?? []).map((p) => p?.name ?? '');
        const pdf = await determinationEvidencePdf({ determination: results[0]!, itemNames: itemNames(inputs[0]), partyNames: parties, producedAt: new Date().toISOString() });
        writeFileSync(flags.evidence, pdf);
        process.stderr.write(`evidence written to ${flags.evidence}\n`);
      }
      if (flags.json) {
        printJson(many ? results : results[0]);
        return;
      }
      results.forEach((d, i) => {
        const lang = humanLang();
        if (many) process.stdout.write(`\n${'─'.repeat(20)} ${word(lang, 'transaction', { n: i + 1 })}${d.id ? ` (${word(lang, 'order', { id: d.id })})` : ''}\n`);
        process.stdout.write(`${formatDetermination(d, itemNames(inputs[i]), { details: flags.details === true })}\n`);
      });
    });
}
