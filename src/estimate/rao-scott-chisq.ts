import type { Tally } from '../types/index.js';
import { chisqUpperP } from './chisq-upper-p.js';
import { raoScottDelta } from './rao-scott-delta.js';
import { zeros } from './small-matrix.js';

/** One stratum (a neighbourhood) of a stratified design, and the group (area type) it belongs to. */
export interface StratumTally {
  stratum: string;
  group: string;
  tally: Tally;
}

export interface RaoScottResult {
  /** Pearson X² on the weighted table scaled to the unweighted total (R's `statistic`) */
  x2: number;
  /** mean generalised design effect δ̄ = tr(Δ)/df */
  deltaMean: number;
  /** first-order Rao–Scott statistic X²/δ̄, referred to χ²(df) */
  statistic: number;
  df: number;
  p: number;
  /** groups tested, in order of first appearance */
  groups: string[];
}

/**
 * First-order Rao–Scott corrected chi-square test that a proportion is the same across groups, for a
 * stratified design with replacement (each stratum wholly inside one group), from per-stratum tallies.
 * Cell proportions π̂ (groups × {positive, not}) are weighted means; their covariance V is the
 * linearisation variance Σ_h n_h/(n_h−1) Σ_k (u_k − ū_h)(u_k − ū_h)ᵀ with u_k = w_k(x_k − π̂)/Σw,
 * which needs only n, Σw, Σw², Σw·pos and Σw²·pos of each stratum.
 * Then Δ = (C'D⁻¹C/N)⁻¹ (C'D⁻¹VD⁻¹C), C spanning the interaction contrasts, δ̄ = tr(Δ)/df,
 * and X²/δ̄ ~ χ²(groups − 1).
 * Source: Rao & Scott (1984) Ann. Statist. 12:46–60; R survey 4.1 `svychisq(~type + y,
 * svydesign(ids = ~1, strata = ~area, weights = ~w, data = d), statistic = "Chisq")`, whose code this follows.
 * A stratum with a single respondent adds no variance (R would stop on a lonely PSU).
 * Returns null when fewer than two groups have data or the outcome does not vary.
 */
export function raoScottChisq(strata: readonly StratumTally[]): RaoScottResult | null {
  const used = strata.filter((s) => s.tally.n > 0);
  const groups = [...new Set(used.map((s) => s.group))];
  const r = groups.length;
  if (r < 2) return null;
  const k = 2 * r;
  const cell = (g: number, positive: boolean) => 2 * g + (positive ? 0 : 1);
  const W = used.reduce((a, s) => a + s.tally.sw, 0);
  const N = used.reduce((a, s) => a + s.tally.n, 0);

  const pi = new Array<number>(k).fill(0);
  for (const s of used) {
    const g = groups.indexOf(s.group);
    pi[cell(g, true)]! += s.tally.swPos / W;
    pi[cell(g, false)]! += (s.tally.sw - s.tally.swPos) / W;
  }

  const V = zeros(k, k);
  for (const s of used) {
    const t = s.tally;
    if (t.n < 2) continue;
    const g = groups.indexOf(s.group);
    const a = new Array<number>(k).fill(0); // Σw²·x
    a[cell(g, true)] = t.sw2Pos;
    a[cell(g, false)] = t.sw2 - t.sw2Pos;
    const c = new Array<number>(k).fill(0); // Σw·x − Σw·π̂
    for (let i = 0; i < k; i++) c[i] = -t.sw * pi[i]!;
    c[cell(g, true)]! += t.swPos;
    c[cell(g, false)]! += t.sw - t.swPos;
    const f = t.n / (t.n - 1) / (W * W);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const sumUU = (i === j ? a[i]! : 0) - a[i]! * pi[j]! - pi[i]! * a[j]! + t.sw2 * pi[i]! * pi[j]!;
        V[i]![j]! += f * (sumUU - (c[i]! * c[j]!) / t.n);
      }
  }

  const rowTot = groups.map((_, g) => pi[cell(g, true)]! + pi[cell(g, false)]!);
  const colTot = [true, false].map((pos) => groups.reduce((acc, _, g) => acc + pi[cell(g, pos)]!, 0));
  let x2 = 0;
  for (let g = 0; g < r; g++)
    for (const [j, pos] of [true, false].entries()) {
      const e = rowTot[g]! * colTot[j]!;
      if (!(e > 0)) return null;
      const o = pi[cell(g, pos)]!;
      x2 += (N * (o - e) * (o - e)) / e;
    }

  const delta = raoScottDelta(pi, V, N, r);
  if (!delta) return null;
  const df = r - 1;
  let trace = 0;
  for (let i = 0; i < df; i++) trace += delta[i]![i]!;
  const deltaMean = trace / df;
  if (!(deltaMean > 0)) return null;
  const statistic = x2 / deltaMean;
  return { x2, deltaMean, statistic, df, p: chisqUpperP(statistic, df), groups };
}
