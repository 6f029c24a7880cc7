import type { FitResult } from './iterative-proportional-fitting.js';
import { largestMarginError, type CellIndex } from './margin-fits.js';
import { symmetricPseudoInverse } from './symmetric-pseudo-inverse.js';
import type { RakingCell } from './types.js';

/**
 * Bounded raking: calibration with the raking distance and lo ≤ g ≤ hi (Deville & Särndal 1992;
 * Deville, Särndal & Sautory 1993), solved as R's `survey:::grake` solves
 * `calibrate(design, ~a + b, population, calfun = "raking", bounds = c(lo, hi))`:
 * g = clamp(exp(x'η), lo, hi), where x is a cell's model-matrix row (intercept plus treatment dummies,
 * the first category of each variable being the reference), and η is found by Newton steps
 * η += ginv(Σ w0·g'·x xᵀ)·(T − Σ w0·g·x) on the cell totals.
 *
 * The result is the same g as R's: the calibrated g is the unique minimiser of the (strictly convex)
 * raking distance within the bounds, whatever path finds it. The path differs from R's in two ways,
 * both for robustness, neither for the result:
 * - the derivative of clamp(exp(u)) is taken as exp(u) strictly inside the bounds and 0 outside; R's
 *   `cal.raking$dF` tests `lo − 1 < u < hi − 1`, which leaves R stuck on some feasible problems;
 * - the step is Levenberg–Marquardt's, (H + μ·D)⁻¹·misfit, with μ tiny unless a step fails to lower
 *   the dual objective Σ w0·Φ(x'η) − η'T (Φ' = clamp(exp)); then μ grows until one does. R's plain
 *   ginv step stalls when every cell of a category sits at a bound but its margin is still off.
 *
 * The bounds apply to g relative to w0 scaled to the target total (here Σw0, the totals being
 * share × Σw0), like R's calibrate with population = share × sum(w0).
 */
/**
 * The smallest damping, relative to D: small enough that a step is Newton's where the Hessian is
 * regular, yet it makes a direction with no curvature (every cell of a category at a bound) a step
 * along the gradient, which the objective test then shortens, instead of no step at all.
 */
const MU_MIN = 1e-10;

export function boundedRaking(
  index: CellIndex,
  cells: readonly RakingCell[],
  bounds: readonly [number, number],
  tolerance: number,
  maxIter: number,
): FitResult {
  const [lo, hi] = bounds;
  const logLo = lo > 0 ? Math.log(lo) : -Infinity;
  const logHi = Math.log(hi);
  const total0 = cells.reduce((s, c) => s + c.sumW0, 0);

  // model matrix: intercept, then categories 2..K of each variable
  const columns: Array<{ variable: number; category: number } | null> = [null];
  index.categories.forEach((cats, j) =>
    cats.forEach((_, k) => {
      if (k > 0) columns.push({ variable: j, category: k });
    }),
  );
  const p = columns.length;
  const x: number[][] = cells.map((_, c) =>
    columns.map((col) => (col === null || index.cellCategory[c]![col.variable] === col.category ? 1 : 0)),
  );
  const population = columns.map((col) =>
    col === null ? total0 : index.targets[col.variable]![col.category]! * total0,
  );

  const clampExp = (u: number): number => Math.min(Math.max(Math.exp(u), lo), hi);
  const phi = (u: number): number => {
    if (u < logLo) return lo * (u - logLo) + lo;
    if (u > logHi) return hi * (u - logHi) + hi;
    return Math.exp(u);
  };
  const linear = (eta: number[]): number[] => x.map((row) => row.reduce((s, xi, i) => s + xi * eta[i]!, 0));
  const objective = (u: number[], eta: number[]): number =>
    cells.reduce((s, cell, c) => s + cell.sumW0 * phi(u[c]!), 0) - eta.reduce((s, e, i) => s + e * population[i]!, 0);

  let eta = columns.map(() => 0);
  let u = linear(eta);
  let g = u.map(clampExp);
  let maxError = largestMarginError(index, cells, g);
  let iterations = 0;
  // D: the Hessian's diagonal at g = 1, a fixed scale for the Levenberg–Marquardt damping
  const scale = columns.map((_, i) => cells.reduce((s, cell, c) => s + cell.sumW0 * x[c]![i]!, 0));
  let mu = MU_MIN;

  while (maxError >= tolerance && iterations < maxIter) {
    iterations++;
    const hessian = columns.map(() => columns.map(() => 0));
    const misfit = [...population];
    cells.forEach((cell, c) => {
      const e = Math.exp(u[c]!);
      const deriv = u[c]! > logLo && u[c]! < logHi ? e : 0;
      const row = x[c]!;
      for (let i = 0; i < p; i++) {
        misfit[i]! -= cell.sumW0 * g[c]! * row[i]!;
        if (deriv === 0 || row[i] === 0) continue;
        for (let k = 0; k < p; k++) hessian[i]![k]! += cell.sumW0 * deriv * row[i]! * row[k]!;
      }
    });
    const current = objective(u, eta);
    let accepted = false;
    for (let attempt = 0; attempt < 60 && !accepted; attempt++) {
      const damped = hessian.map((row, i) => row.map((h, k) => (i === k ? h + mu * scale[i]! : h)));
      // μ > 0 makes the damped matrix positive definite: invert every eigenvalue (tol 0), so a direction
      // without curvature still gets a step
      const inverse = symmetricPseudoInverse(damped, mu > 0 ? 0 : undefined);
      const step = inverse.map((row) => row.reduce((s, v, k) => s + v * misfit[k]!, 0));
      const candidate = eta.map((e, i) => e + step[i]!);
      const uNew = linear(candidate);
      const value = objective(uNew, candidate);
      // Near the solution the objective's decrease drowns in rounding, so a step that does not raise it
      // beyond rounding is also taken when it shrinks the margin error.
      const lower = value < current - 1e-15 * Math.abs(current);
      const level = value <= current + 1e-12 * Math.abs(current);
      if (
        Number.isFinite(value) &&
        (lower || (level && largestMarginError(index, cells, uNew.map(clampExp)) < maxError))
      ) {
        eta = candidate;
        u = uNew;
        accepted = true;
        mu = Math.max(MU_MIN, mu / 10);
      } else {
        mu *= 10;
      }
    }
    g = u.map(clampExp);
    maxError = largestMarginError(index, cells, g);
    if (!accepted) break;
  }
  return { g, iterations, maxError, converged: maxError < tolerance };
}
