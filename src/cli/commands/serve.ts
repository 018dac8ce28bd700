import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program.command('serve').description('HTTP API and web app (in progress)');
}
