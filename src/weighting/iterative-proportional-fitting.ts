import { categoryTotals, largestMarginError, type CellIndex } from './margin-fits.js';
import type { RakingCell } from './types.js';

export interface FitResult {
  /** one per cell: g = w / w0, with Σ g·w0 = Σ w0 at convergence */
  g: number[];
  iterations: number;
  /** the largest absolute margin error, as a share (0–1) */
  maxError: number;
  converged: boolean;
}

/**
 * Raking by iterative proportional fitting (Deming & Stephan 1940), on cells: each sweep scales every
 * cell so that one variable's weighted category totals hit their targets, variable after variable.
 * It stops after the first sweep whose largest margin error is below `tolerance`, or after `maxIter`
 * sweeps. This is what R's `survey::rake()` computes (repeated `postStratify`), and its fixed point is
 * `calibrate(..., calfun = "raking")` without bounds.
 *
 * @example
 * // two cells of one variable, w0 totals 1 and 3, targets 0.5 / 0.5 → g = [2, 2/3]
 */
export function iterativeProportionalFitting(
  index: CellIndex,
  cells: readonly RakingCell[],
  tolerance: number,
  maxIter: number,
): FitResult {
  const g = cells.map(() => 1);
  const total0 = cells.reduce((s, c) => s + c.sumW0, 0);
  let maxError = largestMarginError(index, cells, g);
  let iterations = 0;
  while (maxError >= tolerance && iterations < maxIter) {
    iterations++;
    index.variables.forEach((_, j) => {
      const totals = categoryTotals(index, cells, g)[j]!;
      const ratio = totals.map((t, k) => (t > 0 ? (index.targets[j]![k]! * total0) / t : 1));
      cells.forEach((_, c) => {
        g[c] = g[c]! * ratio[index.cellCategory[c]![j]!]!;
      });
    });
    maxError = largestMarginError(index, cells, g);
  }
  return { g, iterations, maxError, converged: maxError < tolerance };
}
