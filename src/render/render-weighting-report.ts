import type { WeightingReport } from '../types/index.js';
import { formatShare } from '../format/format-number.js';

/** A signed error in percentage points; rounding noise prints as 0.00, not -0.00. */
function points(e: number): string {
  return (Math.abs(e) < 0.005 ? 0 : e).toFixed(2);
}

function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '∞';
  return x.toFixed(digits);
}

function table(rows: string[][], rightAlign: (col: number) => boolean): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (rightAlign(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Plain text for stderr. `summary`: one line per wave and scope; `full` (sc-survey weight, and any
 * group that failed): also each category's target, before and after shares. Either way it ends with
 * the report's warnings and failures, one `warning:` / `error:` line each, so callers need not print them.
 */
export function renderWeightingReport(r: WeightingReport, detail: 'summary' | 'full' = 'summary'): string {
  const out: string[] = [];
  const how = r.bounds
    ? `bounded raking, g = w/w0 in [${r.bounds[0]}, ${r.bounds[1]}]`
    : 'iterative proportional fitting';
  out.push(
    `Weighting: raked on ${r.variables.join(', ')} to ${r.marginsFile} ` +
      `(${r.measure === 'count' ? 'counts' : 'shares'}); ${how}, tolerance ${r.tolerance}, at most ${r.maxIter} ` +
      `iterations`,
  );
  out.push(
    `Each wave is raked separately; weights have mean 1 within each wave and ` +
      `scope${r.measure === 'count' ? ' (count margins: they sum to the population)' : ''}.`,
  );
  const rows: string[][] = [
    [
      'wave',
      'scope',
      'n',
      'iter',
      'max error',
      'min w',
      'max w',
      'max/min',
      'mean w',
      'efficiency',
      'deff',
      'at bound',
      'status',
    ],
  ];
  for (const g of r.groups)
    rows.push([
      g.wave,
      g.scope,
      String(g.respondents),
      String(g.iterations),
      g.largestMarginError.toExponential(1),
      num(g.weights.min),
      num(g.weights.max),
      num(g.weights.maxOverMin, 2),
      num(g.weights.mean),
      formatShare(g.efficiency),
      num(g.designEffect, 2),
      String(g.atBound),
      g.status,
    ]);
  out.push(...table(rows, (j) => j >= 2 && j <= 11).map((l) => `  ${l}`));
  for (const g of r.groups) {
    if (detail !== 'full' && g.status === 'converged') continue;
    out.push(
      '',
      `wave ${g.wave}, scope ${g.scope}: ` +
        `${g.status === 'converged' ? `converged in ${g.iterations} iterations` : (g.message ?? g.status)}`,
    );
    const m: string[][] = [['variable', 'category', 'target %', 'before %', 'after %', 'error (points)']];
    for (const x of g.margins)
      m.push([
        x.variable,
        x.category,
        x.targetPercent.toFixed(1),
        x.beforePercent.toFixed(1),
        x.afterPercent.toFixed(1),
        points(x.afterPercent - x.targetPercent),
      ]);
    out.push(...table(m, (j) => j >= 2).map((l) => `  ${l}`));
  }
  for (const w of r.warnings) out.push(`warning: ${w}`);
  for (const f of r.failures) out.push(`error: ${f}`);
  return `${out.join('\n')}\n`;
}
