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
