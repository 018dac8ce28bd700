import { InputError, isIsoDate, type IsoDate } from '../domain/index.js';

/** Validates `--as-of`, so a bad date is a bad-input error (exit 2) naming the flag. */
export function parseAsOf(value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new InputError([{ path: '--as-of', message: `"${value}" is not a real date written YYYY-MM-DD` }]);
  return value;
}

/** Flags shared by the commands that evaluate rules. */
export interface EvaluateFlags {
  json?: boolean;
  asOf?: string;
  enforceAiDiffusion?: boolean;
  screening?: boolean;
}
