import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { isCountryCode } from './countries.js';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export const countrySchema = z
  .string()
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code such as CN, US, NL' });

export const nonNegative = z.number().finite().nonnegative();
export const positive = z.number().finite().positive();

/**
 * The longest text each kind of input field takes. Longer is bad input, refused by the schema
 * before any work: a megabyte "model" once ran a fuzzy search on the event loop for two
 * minutes (issue 14). Catalogue names are under 100 characters and listed names under 400.
 */
export const TEXT_LIMITS = {
  /** Party, exporter, facility and item names, aliases, owners. */
  name: 500,
  /** Model, vendor, substance, form, equipment category, control codes. */
  model: 200,
  address: 2000,
  /** The caller's own transaction id. */
  id: 200,
  /** Free-form parameter values. */
  text: 2000,
  /** Parameter names. */
  key: 100,
} as const;

/** A string of at most `max` characters; the check stops there, so nothing else reads a longer one. */
export function boundedText(max: number) {
  return z.string().max(max, { message: `must be at most ${max} characters`, abort: true });
}

// Characters that draw nothing: format characters (zero-width space U+200B, word joiner U+2060,
// zero-width joiner U+200D, bidi marks, BOM) and the rest of Unicode's default-ignorables
// (Hangul fillers, variation selectors, soft hyphen).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const CONTROL = /\p{Cc}/gu;

/**
 * A name as a person reads it: NFKC (full-width and compatibility forms folded), invisible
 * characters removed, control characters as spaces, runs of white space as one, trimmed. An
 * invisible name becomes "" and is refused like an empty one.
 */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A required name: bounded, normalised (normaliseName), then not empty. */
export function nameSchema(max: number = TEXT_LIMITS.name) {
  return boundedText(max).overwrite(normaliseName).min(1, 'must not be empty (invisible and control characters do not count)');
}
