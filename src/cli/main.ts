import { Command, CommanderError } from 'commander';
import { InputError } from '../domain/index.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import { commands } from './commands/index.js';
import { ExitError } from './errors.js';
import { parseLang, setHumanLang } from './lang.js';

export { ExitError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('redline')
    .description('Export-control compliance for semiconductors: classify items, check transactions, screen parties.')
    .option('--lang <lang>', 'language of human output: en or zh (default: the locale, LC_ALL / LC_MESSAGES / LANG); JSON output never changes')
    .showHelpAfterError()
    .exitOverride();
  // Before any command runs: a bad --lang is bad input (exit 2) naming the flag.
  program.hook('preAction', () => setHumanLang(parseLang(program.opts<{ lang?: string }>().lang)));
  for (const register of commands) register(program);
  return program;
}

/**
 * A reader that stops early (`redline --help | head`, `redline screen --file x --json | head`)
 * closes the pipe: that is the reader's choice, not an error, so the CLI ends quietly then,
 * as cat and grep do. Other write errors still surface.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (c) => process.exit(c)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(EXIT_OK);
    else throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
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
