import fCdf from '@stdlib/stats-base-dists-f-cdf';
import type { Tally } from '../types/index.js';
import { raoScottDelta } from './rao-scott-delta.js';
import { zeros } from './small-matrix.js';

/** One area (a PSU) and its area type (its stratum), with the item's tally in the area. */
export interface AreaTally {
  area: string;
  type: string;
  tally: Tally;
}

/** Why a design-based area-type test was not run. */
export interface AreaTestUnavailable {
  reason: 'fewer-than-two-types' | 'type-with-one-area' | 'outcome-constant' | 'singular';
  /** in words, naming the type(s) concerned */
  detail: string;
}

export interface AreaTypeFResult {
  /** Pearson X² on the weighted table scaled to the unweighted total N (R's uncorrected `statistic`) */
  x2: number;
  /** tr(Δ), the sum of the generalised design effects */
  deltaTrace: number;
  /** second-order Rao–Scott F = X²/tr(Δ) */
  f: number;
  /** numerator df d₀ = tr(Δ)²/tr(Δ²) */
  ndf: number;
  /** denominator df d₀·ν, ν = areas − types (the design's degrees of freedom) */
  ddf: number;
  p: number;
  /** ν = areas with data − types with data */
  designDf: number;
  /** types tested, in order of first appearance */
  types: string[];
  /** areas with data (PSUs in the design) */
  areas: number;
}

/**
 * Design-based test that a proportion is the same across area types, with areas as clusters (PSUs) within
 * area-type strata: the second-order Rao–Scott F. From per-area tallies only:
 *   π̂ = the weighted cell proportions of the types × {positive, not} table (W = Σw),
 *   U_a = (x_a − Σw_a·π̂)/W, x_a the area's weighted cell totals (in its type's row, 0 elsewhere),
 *   V = Σ_h n_h/(n_h − 1) Σ_{a∈h} (U_a − Ū_h)(U_a − Ū_h)ᵀ  (n_h areas in type h; with replacement),
 *   Δ from raoScottDelta(π̂, V, N), X² = Pearson's on the table N·π̂,
 *   F = X²/tr(Δ) ~ F(d₀, d₀·ν),  d₀ = tr(Δ)²/tr(Δ²),  ν = areas − types.
 * Only areas with data (n > 0) enter the design. Not run (AreaTestUnavailable) with fewer than two types, a
 * type with a single area (R stops on a lonely PSU), or an outcome that does not vary.
 * Source: Rao & Scott (1984) Ann. Statist. 12:46–60; Thomas & Rao (1987) JASA 82:630–636. R survey 4.1
 * `svychisq(~type + y, svydesign(ids = ~area, strata = ~type, weights = ~w, data = d), statistic = "F")`, whose
 * code (`survey:::svychisq.survey.design`) this follows.
 * Example: the bundled 2009 sample, unweighted, NI2 (belong_neighbourhood), 20 areas in 3 types →
 * F = 32.48366, ndf = 1.97089, ddf = 33.50512, p = 1.6119e-8.
 */
export function areaTypeFTest(areas: readonly AreaTally[]): AreaTypeFResult | AreaTestUnavailable {
  const used = mergeByArea(areas.filter((a) => a.tally.n > 0));
  const types = [...new Set(used.map((a) => a.type))];
  const r = types.length;
  if (r < 2) return { reason: 'fewer-than-two-types', detail: `only ${r} area type${r === 1 ? '' : 's'} with data` };
  const lonely = types.filter((t) => used.filter((a) => a.type === t).length < 2);
  if (lonely.length > 0)
    return { reason: 'type-with-one-area', detail: `fewer than two areas with data in: ${lonely.join(', ')}` };

  const k = 2 * r;
  const cell = (g: number, positive: boolean) => 2 * g + (positive ? 0 : 1);
  const W = used.reduce((s, a) => s + a.tally.sw, 0);
  const N = used.reduce((s, a) => s + a.tally.n, 0);
  const totals = (a: AreaTally): number[] => {
    const x = new Array<number>(k).fill(0);
    const g = types.indexOf(a.type);
    x[cell(g, true)] = a.tally.swPos;
    x[cell(g, false)] = a.tally.sw - a.tally.swPos;
    return x;
  };
  const pi = new Array<number>(k).fill(0);
  for (const a of used) totals(a).forEach((v, i) => (pi[i]! += v / W));

  const colTot = [true, false].map((pos) => types.reduce((s, _, g) => s + pi[cell(g, pos)]!, 0));
  if (!(colTot[0]! > 0 && colTot[1]! > 0)) return { reason: 'outcome-constant', detail: 'every answer is on one side' };
  let x2 = 0;
  for (let g = 0; g < r; g++) {
    const rowTot = pi[cell(g, true)]! + pi[cell(g, false)]!;
    for (const [j, pos] of [true, false].entries()) {
      const e = rowTot * colTot[j]!;
      const o = pi[cell(g, pos)]!;
      x2 += (N * (o - e) * (o - e)) / e;
    }
  }

  const V = zeros(k, k);
  for (const type of types) {
    const psus = used.filter((a) => a.type === type);
    const U = psus.map((a) => totals(a).map((x, i) => (x - a.tally.sw * pi[i]!) / W));
    const mean = new Array<number>(k).fill(0);
    for (const u of U) u.forEach((v, i) => (mean[i]! += v / U.length));
    const f = U.length / (U.length - 1);
    for (const u of U)
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) V[i]![j]! += f * (u[i]! - mean[i]!) * (u[j]! - mean[j]!);
  }

  const delta = raoScottDelta(pi, V, N, r);
  if (!delta) return { reason: 'singular', detail: 'the design-effect matrix could not be formed' };
  let tr = 0;
  let tr2 = 0;
  for (let i = 0; i < r - 1; i++) {
    tr += delta[i]![i]!;
    for (let j = 0; j < r - 1; j++) tr2 += delta[i]![j]! * delta[j]![i]!;
  }
  if (!(tr > 0 && tr2 > 0)) return { reason: 'singular', detail: 'the design effects are not positive' };
  const ndf = (tr * tr) / tr2;
  const designDf = used.length - r;
  const ddf = ndf * designDf;
  const f = x2 / tr;
  // Upper tail on the lower tail of the reciprocal, P(F(d1, d2) > x) = P(F(d2, d1) < 1/x), so tiny p keep precision.
  const p = f > 0 ? fCdf(1 / f, ddf, ndf) : 1;
  return { x2, deltaTrace: tr, f, ndf, ddf, p, designDf, types, areas: used.length };
}

/** One entry per area code (tallies of repeated codes added), keeping the first type seen. */
function mergeByArea(areas: readonly AreaTally[]): AreaTally[] {
  const out = new Map<string, AreaTally>();
  for (const a of areas) {
    const seen = out.get(a.area);
    if (!seen) out.set(a.area, { area: a.area, type: a.type, tally: { ...a.tally } });
    else
      for (const key of ['n', 'nPos', 'sw', 'sw2', 'swPos', 'sw2Pos', 'nNeg', 'swNeg'] as const)
        seen.tally[key] += a.tally[key];
  }
  return [...out.values()];
}
