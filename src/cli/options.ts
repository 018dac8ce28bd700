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
  maxListAge?: string;
}

/** Validates `--max-list-age`: a whole number of days. */
export function parseMaxListAge(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InputError([{ path: '--max-list-age', message: `"${value}" is not a whole number of days` }]);
  return n;
}
