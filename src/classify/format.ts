/**
 * Numbers for people and for facts. A rounded figure must never land on the other side of (or
 * on) a threshold it was tested against: "PD 5.92 < 5.92" for a PD of 5.9199 would make the
 * reason unreadable and a rule that re-tests the fact would decide differently. So rounding
 * keeps adding decimals until the rounded value sits on the same side of every threshold.
 */
function sideOf(x: number, t: number): number {
  return x < t ? -1 : x > t ? 1 : 0;
}

function keepsSides(rounded: number, value: number, thresholds: readonly number[]): boolean {
  for (const t of thresholds) if (sideOf(rounded, t) !== sideOf(value, t)) return false;
  return true;
}

/** `value` rounded to `decimals` places, or to more places when needed to keep its side of each threshold. */
export function roundAgainst(value: number, decimals: number, thresholds: readonly number[] = []): number {
  if (!Number.isFinite(value)) return value;
  for (let d = decimals; d <= 12; d++) {
    const f = 10 ** d;
    const r = Math.round(value * f) / f;
    if (r === value || keepsSides(r, value, thresholds)) return r;
  }
  return value;
}

/** Text for a number: at most `decimals` places (more only to keep a threshold side), no trailing zeros. */
export function formatAgainst(value: number, decimals: number, thresholds: readonly number[] = []): string {
  return String(roundAgainst(value, decimals, thresholds));
}
