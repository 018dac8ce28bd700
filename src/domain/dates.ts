/** ISO calendar dates (YYYY-MM-DD) compare correctly as strings, so the engine keeps them as strings. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** A half-open interval [from, to): `to` is the first day on which it no longer holds. */
export interface DateInterval {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

export function inInterval(date: IsoDate, iv: DateInterval): boolean {
  return (iv.from === undefined || date >= iv.from) && (iv.to === undefined || date < iv.to);
}

/** The day before `date` (for "the day before a rule" boundary tests and human text). */
export function dayBefore(date: IsoDate): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
