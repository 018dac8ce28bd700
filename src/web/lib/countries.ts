import { COUNTRY_CODES } from '../../domain/countries';
import { countryName } from './format';
import { currentLang } from './i18n';

/** Countries people pick most in this trade first, then all others by name (in the interface language). */
const FIRST = ['CN', 'HK', 'MO', 'TW', 'US', 'NL', 'JP', 'KR', 'SG', 'MY', 'IN', 'AE', 'SA', 'DE', 'GB', 'VN', 'RU'];

export interface CountryOption {
  code: string;
  name: string;
}

const byLang = new Map<string, CountryOption[]>();

export function countryOptions(): CountryOption[] {
  const lang = currentLang();
  let out = byLang.get(lang);
  if (!out) {
    out = [
      ...FIRST.map((code) => ({ code, name: countryName(code) })),
      ...[...COUNTRY_CODES]
        .filter((c) => !FIRST.includes(c))
        .map((code) => ({ code, name: countryName(code) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    ];
    byLang.set(lang, out);
  }
  return out;
}
