import picocolors from 'picocolors';
import type { Outcome } from '../../domain/index.js';
import type { HumanLang } from '../../domain/summary.js';
import { humanLang } from '../lang.js';
import { outcomeWords } from './words.js';

/**
 * Colour only for a person at a terminal: never into a file or a pipe, never with NO_COLOR set
 * (https://no-color.org: any non-empty value), never on TERM=dumb; FORCE_COLOR forces it on.
 * picocolors' own detection also colours under CI into files, which put escape codes in logs.
 */
export function colourWanted(env: NodeJS.ProcessEnv = process.env, isTty: boolean = process.stdout.isTTY === true): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTty && env.TERM !== 'dumb';
}

export const pc = picocolors.createColors(colourWanted());

/** Terminal width for wrapping tables; a pipe gets a generous fixed width. */
export function terminalWidth(): number {
  return Math.max(80, Math.min(process.stdout.columns ?? 120, 200));
}

const OUTCOME_COLOUR: Record<Outcome, (s: string) => string> = {
  prohibited: (s) => pc.bold(pc.red(s)),
  license_required: (s) => pc.bold(pc.red(s)),
  review: (s) => pc.bold(pc.yellow(s)),
  exception_available: (s) => pc.bold(pc.cyan(s)),
  no_license_required: (s) => pc.bold(pc.green(s)),
};

export function outcomeLabel(o: Outcome, lang: HumanLang = humanLang()): string {
  return OUTCOME_COLOUR[o](outcomeWords(o, lang));
}

export const dim = pc.dim;
export const bold = pc.bold;
export const heading = (s: string): string => pc.bold(pc.underline(s));
