import { Command, CommanderError } from 'commander';
import { InputError } from '../domain/index.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import { commands } from './commands/index.js';
import { ExitError } from './errors.js';

export { ExitError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('redline')
    .description('Export-control compliance for semiconductors: classify items, check transactions, screen parties.')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT_OK;
      return EXIT_BAD_INPUT; // commander already printed the usage error
    }
    if (err instanceof InputError) {
      process.stderr.write(`redline: bad input: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof ExitError) {
      if (err.message) process.stderr.write(`redline: ${err.message}\n`);
      return err.code;
    }
    process.stderr.write(`redline: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT_INTERNAL;
  }
}
