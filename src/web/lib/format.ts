import { currentLang } from './i18n';

/** Number, money, date and country formatting for people (Intl; country names in the interface language). */
const integer = new Intl.NumberFormat('en-US');
const regionNames = new Map<string, Intl.DisplayNames>();
function regions(): Intl.DisplayNames {
  const lang = currentLang();
  let r = regionNames.get(lang);
  if (!r) regionNames.set(lang, (r = new Intl.DisplayNames([lang], { type: 'region' })));
  return r;
}

export function count(n: number): string {
  return integer.format(n);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', compact
        ? { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat('en-US', { maximumFractionDigits: compact ? 1 : 0, notation: compact ? 'compact' : 'standard' });
    }
    moneyFormats.set(key, f);
  }
  return f;
}

export function money(n: number, currency = 'USD'): string {
  return moneyFormat(currency, false).format(n);
}

/** $1.2B, $340M: for charts and dense tables. */
export function moneyShort(n: number, currency = 'USD'): string {
  return moneyFormat(currency, true).format(n);
}

export function signedMoneyShort(n: number, currency = 'USD'): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${moneyShort(Math.abs(n), currency)}`;
}

export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${((100 * part) / whole).toFixed(1)} %`;
}

export function score(s: number): string {
  return s.toFixed(2);
}

export function countryName(code: string | undefined | null): string {
  if (!code) return '';
  try {
    return regions().of(code) ?? code;
  } catch {
    return code;
  }
}

export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Text with Han characters gets a Chinese language tag, so the browser picks a CJK font for it. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

export function words(code: string): string {
  return code.replace(/_/g, ' ');
}
