import { COUNTRY_CODES } from '../../domain/countries';
import { countryName } from './format';

/** Countries people pick most in this trade first, then all others by name. */
const FIRST = ['CN', 'HK', 'MO', 'TW', 'US', 'NL', 'JP', 'KR', 'SG', 'MY', 'IN', 'AE', 'SA', 'DE', 'GB', 'VN', 'RU'];

export interface CountryOption {
  code: string;
  name: string;
}

export const COUNTRY_OPTIONS: CountryOption[] = [
  ...FIRST.map((code) => ({ code, name: countryName(code) })),
  ...[...COUNTRY_CODES]
    .filter((c) => !FIRST.includes(c))
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name)),
];
