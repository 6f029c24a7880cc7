import { boundedRaking } from './bounded-raking.js';
import { iterativeProportionalFitting } from './iterative-proportional-fitting.js';
import { categoryTotals, indexCells, marginFits } from './margin-fits.js';
import type { Margin, RakeOptions, RakeResult, RakingCell } from './types.js';

/**
 * Rake one scope of one wave: find one adjustment factor per raking cell so that the weighted
 * category shares of every raking variable hit their margins.
 *
 * - Without bounds: iterative proportional fitting, as R's `survey::rake()`.
 * - With bounds [lo, hi] on g = w / w0: bounded raking, as R's
 *   `calibrate(d, ~a + b, population, calfun = "raking", bounds = c(lo, hi))` (see boundedRaking).
 *
 * The factors are then scaled so that the final weights (factor × w0) have mean 1 over the scope's
 * respondents, or sum to `o.total` (a count margin's population). Non-convergence is reported in the
 * result (converged: false, status, message, and the residual margins), never thrown.
 *
 * @param variables the raking variables, in the order of each cell's key
 * @param margins shares (0–1) per variable and category, summing to 1 per variable; every category of
 *   a cell must have one (validate with checkMargins first)
 */
export function rakeCells(
  variables: readonly string[],
  cells: readonly RakingCell[],
  margins: readonly Margin[],
  o: RakeOptions,
): RakeResult {
  const index = indexCells(variables, cells, margins);
  const before = categoryTotals(
    index,
    cells,
    cells.map(() => 1),
  );
  const total0 = cells.reduce((s, c) => s + c.sumW0, 0);

  const empty = variables.flatMap((v, j) =>
    index.categories[j]!.filter((_, k) => index.targets[j]![k]! > 0 && before[j]![k]! === 0).map(
      (cat) => `${v} ${cat}`,
    ),
  );
  let infeasible: string | undefined;
  if (o.bounds) {
    const [lo, hi] = o.bounds;
    const out = variables.flatMap((v, j) =>
      index.categories[j]!.flatMap((cat, k) => {
        const need = (index.targets[j]![k]! * total0) / before[j]![k]!;
        return before[j]![k]! > 0 && (need < lo || need > hi)
          ? [`${v} ${cat} needs g = ${round(need)} on average`]
          : [];
      }),
    );
    const needs = out.join('; ');
    if (out.length > 0)
      infeasible = `no solution within the bounds [${lo}, ${hi}]: ${needs}. Widen the bounds or collapse categories`;
  }

  const fit = o.bounds
    ? boundedRaking(index, cells, o.bounds, o.tolerance, o.maxIter)
    : iterativeProportionalFitting(index, cells, o.tolerance, o.maxIter);

  const largestError = `largest margin error ${fit.maxError.toExponential(2)}`;
  let message: string | undefined;
  if (empty.length > 0)
    message = `no respondents in ${empty.join(', ')}, whose target share is above 0: collapse categories`;
  else if (infeasible) message = infeasible;
  else if (!fit.converged && o.bounds)
    message =
      `no solution found within the bounds [${o.bounds[0]}, ${o.bounds[1]}] ` +
      `after ${fit.iterations} iterations (${largestError}): ` +
      "the bounds are probably too tight, or the margins contradict the sample's cells";
  else if (!fit.converged)
    message =
      `raking did not converge in ${fit.iterations} iterations (${largestError}): ` +
      "the margins may contradict the sample's cells (an empty combination of categories), or need more iterations";
  const converged = fit.converged && empty.length === 0 && infeasible === undefined;

  const respondents = cells.reduce((s, c) => s + c.count, 0);
  const weighted = fit.g.reduce((s, g, c) => s + g * cells[c]!.sumW0, 0);
  const scale = weighted > 0 ? (o.total ?? respondents) / weighted : 0;
  const isAtBound = (g: number): boolean =>
    o.bounds !== undefined &&
    (Math.abs(g - o.bounds[0]) <= 1e-9 * o.bounds[0] || Math.abs(g - o.bounds[1]) <= 1e-9 * o.bounds[1]);

  return {
    factors: fit.g.map((g) => g * scale),
    g: fit.g,
    method: o.bounds ? 'bounded-raking' : 'ipf',
    iterations: fit.iterations,
    maxError: fit.maxError,
    converged,
    status: converged ? 'converged' : infeasible && empty.length === 0 ? 'infeasible-bounds' : 'not-converged',
    message,
    atBoundCells: fit.g.filter(isAtBound).length,
    atBound: cells.reduce((s, c, i) => s + (isAtBound(fit.g[i]!) ? c.count : 0), 0),
    margins: marginFits(index, cells, fit.g),
  };
}

function round(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
