import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerClassifyCommand } from './classify.js';
import { registerRulesCommand } from './rules.js';
import { registerScreenCommand } from './screen.js';
import { registerMatchCommand } from './match.js';
import { registerBatchCommand } from './batch.js';
import { registerWorkerCommand } from './worker.js';
import { registerServeCommand } from './serve.js';
import { registerExposureCommand } from './exposure.js';
import { registerAuditCommand } from './audit.js';
import { registerKeysCommand } from './keys.js';
import { registerListsCommand } from './lists.js';
import { registerOwnersCommand } from './owners.js';
import { registerReviewsCommand } from './reviews.js';

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerClassifyCommand,
  registerCheckCommand,
  registerRulesCommand,
  registerScreenCommand,
  registerMatchCommand,
  registerBatchCommand,
  registerWorkerCommand,
  registerServeCommand,
  registerExposureCommand,
  registerAuditCommand,
  registerKeysCommand,
  registerListsCommand,
  registerOwnersCommand,
  registerReviewsCommand,
];
