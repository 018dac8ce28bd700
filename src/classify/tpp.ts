import type { PerformanceFigure } from '../domain/index.js';
import { exactDecimal } from './exact.js';

/** The datasheet figure that gives an IC its TPP, after converting a sparse figure to dense. */
export interface TppFigure {
  tpp: number;
  bits: number;
  /** Dense TOPS (or TFLOPS) at `bits`. */
  tops: number;
}

/**
 * TPP of one datasheet figure: dense TOPS × bit length (rules.md §1.1: 2 × MacTOPS is the
 * printed figure). A figure quoted "with sparsity" counts half (3A090 Technical Note: use the
 * dense figure; 2:4 structured sparsity doubles the printed number).
 */
export function figureTpp(f: PerformanceFigure): number {
  const product = exactDecimal(f.tops * f.bits);
  // Halving a double is exact, so it keeps the decimal result found above.
  return f.sparse === true ? product / 2 : product;
}

/**
 * The figure with the highest TPP (rules.md §1.1 "use the maximum": evaluate the bit length
 * that gives the highest TPP). Undefined when no figure is given.
 */
export function maximisingFigure(performance: readonly PerformanceFigure[] | undefined): TppFigure | undefined {
  if (performance === undefined) return undefined;
  let best: TppFigure | undefined;
  for (const f of performance) {
    const tpp = figureTpp(f);
    // Ties keep the first figure, so the answer does not depend on anything but the input order.
    if (best === undefined || tpp > best.tpp) {
      best = { tpp, bits: f.bits, tops: f.sparse === true ? f.tops / 2 : f.tops };
    }
  }
  return best;
}

/** Total processing performance: the maximum over the bit lengths given (undefined if none). */
export function totalProcessingPerformance(performance: readonly PerformanceFigure[] | undefined): number | undefined {
  return maximisingFigure(performance)?.tpp;
}

/** The highest dense TOPS figure at any bit length (for the 3A991.p hint). */
export function maxDenseTops(performance: readonly PerformanceFigure[] | undefined): number | undefined {
  if (performance === undefined || performance.length === 0) return undefined;
  let best = 0;
  for (const f of performance) {
    const tops = f.sparse === true ? f.tops / 2 : f.tops;
    if (tops > best) best = tops;
  }
  return best;
}
