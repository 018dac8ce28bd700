/**
 * Datasheet figures are short decimals (624, 1670.5, 299.3), so their products and sums are
 * short decimals too; binary floating point only blurs them in the last bits. Rounding to nine
 * decimal places gives back the decimal result, so 600 TOPS × 8 bits is exactly 4800 and a
 * threshold test (TPP ≥ 4800, rules.md §1.2 "or more") is not lost to a stray 1e-13.
 */
export function exactDecimal(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ax = Math.abs(x);
  // Past ~9e6 the scaled value would pass 2^53; there a coarser grid still removes the noise.
  if (ax < 9e6) return Math.round(x * 1e9) / 1e9;
  if (ax < 9e12) return Math.round(x * 1e3) / 1e3;
  return x;
}
