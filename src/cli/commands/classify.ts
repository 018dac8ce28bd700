import type { Command } from 'commander';
import { InputError, type Classification, type InputProblem } from '../../domain/index.js';
import { readJsonInput, printJson } from '../io.js';
import { parseAsOf } from '../options.js';
import { openRedline } from '../runtime.js';
import { formatClassifications } from '../format/determination.js';

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('classify one item or a JSON array of items against the control lists (3A090, 4A090, ...)')
    .argument('<item>', 'a JSON file, or - for standard input')
    .option('--json', 'print the classification as JSON (an array for array input)')
    .option('--as-of <date>', 'classify under the control text in force on this date (YYYY-MM-DD)')
    .action(async (file: string, flags: { json?: boolean; asOf?: string }) => {
      const asOf = parseAsOf(flags.asOf);
      const input = await readJsonInput(file);
      const redline = await openRedline({ screening: false });
      const many = Array.isArray(input);
      const inputs = many ? (input as unknown[]) : [input];
      const problems: InputProblem[] = [];
      const results: Classification[][] = [];
      inputs.forEach((item, i) => {
        try {
          results.push(redline.classify(item, { asOf, path: many ? `[${i}]` : '' }).map((c) => ({ ...c, item: i })));
        } catch (e) {
          if (e instanceof InputError) problems.push(...e.problems);
          else throw e;
        }
      });
      if (problems.length) throw new InputError(problems);
      // One item → its US classification object (contract.md); other jurisdictions ride along in `all`.
      const shape = (cs: Classification[]) => {
        const us = cs.find((c) => c.jurisdiction === 'US') ?? cs[0];
        return cs.length > 1 ? { ...us, all: cs } : us;
      };
      if (flags.json) {
        printJson(many ? results.map(shape) : shape(results[0]!));
        return;
      }
      const names = inputs.map((x) => {
        const o = x as { model?: string; name?: string; kind?: string };
        return o?.model ?? o?.name ?? o?.kind ?? '';
      });
      process.stdout.write(`${formatClassifications(results.flat(), names)}\n`);
    });
}
