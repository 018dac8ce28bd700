import pc from 'picocolors';
import type { Outcome } from '../../domain/index.js';

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

export function outcomeLabel(o: Outcome): string {
  return OUTCOME_COLOUR[o](o.replace(/_/g, ' ').toUpperCase());
}

export const dim = pc.dim;
export const bold = pc.bold;
export const heading = (s: string): string => pc.bold(pc.underline(s));
