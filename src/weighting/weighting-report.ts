import type { WeightingReportGroup, WeightingReport } from '../types/index.js';
import { scopeLabel } from './margins-file.js';
import type { RakedGroup } from './rake-groups.js';
import { formatShare } from '../format/format-number.js';

export interface WeightingReportOptions {
  variables: readonly string[];
  marginsFile: string;
  measure: 'share' | 'count';
  tolerance: number;
  maxIter: number;
  bounds?: [number, number] | undefined;
  /** fail when a group's efficiency is below this (a proportion, 0–1); without it, below 0.7 warns */
  minEfficiency?: number | undefined;
}

const DEFAULT_EFFICIENCY_WARNING = 0.7;

/**
 * Build the report from the raked groups (groups whose margins failed the checks have no result and
 * are left out: their errors are the caller's issues). Every statistic is computed from the cells:
 * Σw = Σ f·Σw0, Σw² = Σ f²·Σw0², min w = min f·min w0, max w = max f·max w0.
 */
export function weightingReport(raked: readonly RakedGroup[], o: WeightingReportOptions): WeightingReport {
  const groups: WeightingReportGroup[] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  for (const g of raked) {
    const r = g.result;
    if (!r) continue;
    const live = g.cells.map((c, i) => ({ c, f: r.factors[i]! })).filter((x) => x.c.count > 0);
    const n = live.reduce((s, x) => s + x.c.count, 0);
    const sw = live.reduce((s, x) => s + x.f * x.c.sumW0, 0);
    const sw2 = live.reduce((s, x) => s + x.f * x.f * x.c.sumW02, 0);
    const sw0 = live.reduce((s, x) => s + x.c.sumW0, 0);
    const sw02 = live.reduce((s, x) => s + x.c.sumW02, 0);
    const min = Math.min(...live.map((x) => x.f * x.c.minW0));
    const max = Math.max(...live.map((x) => x.f * x.c.maxW0));
    const nEff = sw2 > 0 ? (sw * sw) / sw2 : 0;
    const scope = scopeLabel(g.scope);
    const entry: WeightingReportGroup = {
      wave: g.wave,
      scope,
      respondents: n,
      method: r.method,
      status: r.status,
      message: r.message ?? null,
      iterations: r.iterations,
      largestMarginError: r.maxError,
      weights: { min, max, maxOverMin: min > 0 ? max / min : Infinity, mean: n > 0 ? sw / n : 0 },
      nEff,
      efficiency: n > 0 ? nEff / n : 0,
      designEffect: nEff > 0 ? n / nEff : Infinity,
      efficiencyBefore: sw02 > 0 && n > 0 ? (sw0 * sw0) / sw02 / n : 0,
      bounds: o.bounds ?? null,
      atBound: r.atBound,
      margins: r.margins.map((m) => ({
        variable: m.variable,
        category: m.category,
        targetPercent: 100 * m.target,
        beforePercent: 100 * m.before,
        afterPercent: 100 * m.after,
      })),
    };
    groups.push(entry);
    const where = `wave ${g.wave}, scope ${scope}`;
    if (!r.converged) failures.push(`${where}: ${r.message ?? 'raking did not converge'}`);
    const efficiency = `${where}: weighting efficiency ${formatShare(entry.efficiency)} is below`;
    if (o.minEfficiency !== undefined && entry.efficiency < o.minEfficiency)
      failures.push(`${efficiency} --min-efficiency ${formatShare(o.minEfficiency)}`);
    else if (o.minEfficiency === undefined && entry.efficiency < DEFAULT_EFFICIENCY_WARNING)
      warnings.push(
        `${efficiency} ${formatShare(DEFAULT_EFFICIENCY_WARNING)} ` +
          `(the weights cost ${formatShare(1 - entry.efficiency)} of the sample)`,
      );
  }
  if (raked.length > 0 && raked.every((g) => g.scope.kind === 'all'))
    warnings.push(
      'only "all" margins: area, district and type figures are weighted to the overall profile, ' +
        "not to each area's own",
    );
  return {
    variables: [...o.variables],
    marginsFile: o.marginsFile,
    measure: o.measure,
    tolerance: o.tolerance,
    maxIter: o.maxIter,
    bounds: o.bounds ?? null,
    minEfficiency: o.minEfficiency ?? null,
    groups,
    failures,
    warnings,
  };
}
