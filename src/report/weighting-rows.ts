import { formatPercent } from '../format/format-number.js';
import type { WeightingReport } from '../types/index.js';

export const WEIGHTING_HEADER = [
  'Wave',
  'Scope',
  'n',
  'Iterations',
  'Largest margin error',
  'Weights min–max',
  'Max ÷ min',
  'Efficiency',
  'Design effect',
  'At a bound',
  'Status',
];

/** One row per wave and scope of the weighting report, as text, for the HTML and Markdown reports alike. */
export function weightingRows(w: WeightingReport): string[][] {
  return w.groups.map((g) => [
    g.wave,
    g.scope,
    String(g.respondents),
    String(g.iterations),
    g.largestMarginError.toExponential(1),
    `${g.weights.min.toFixed(2)}–${g.weights.max.toFixed(2)}`,
    g.weights.maxOverMin.toFixed(2),
    `${formatPercent(100 * g.efficiency)}%`,
    g.designEffect.toFixed(2),
    String(g.atBound),
    g.status,
  ]);
}

/** The sentence under the table: the method, and the worst efficiency. */
export function weightingSummary(w: WeightingReport): string {
  const worst = w.groups.reduce((a, b) => (b.efficiency < a.efficiency ? b : a), w.groups[0]!);
  return (
    `Raked on ${w.variables.join(', ')} to ${w.marginsFile}, ` +
    'each wave and scope separately (weights have mean 1 within each); ' +
    'efficiency = n_eff ÷ n (Kish), the share of the sample the weighting leaves; ' +
    `the lowest is ${formatPercent(100 * worst.efficiency)}% (${worst.wave}, ${worst.scope}).` +
    (w.warnings.length ? ` ${w.warnings.join(' ')}` : '')
  );
}
