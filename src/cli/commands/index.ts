import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerClassifyCommand } from './classify.js';
import { registerRulesCommand } from './rules.js';

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerClassifyCommand,
  registerCheckCommand,
  registerRulesCommand,
];
