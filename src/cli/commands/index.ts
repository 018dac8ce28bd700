import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerClassifyCommand } from './classify.js';
import { registerRulesCommand } from './rules.js';
import { registerScreenCommand } from './screen.js';
import { registerMatchCommand } from './match.js';

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerClassifyCommand,
  registerCheckCommand,
  registerRulesCommand,
  registerScreenCommand,
  registerMatchCommand,
];
