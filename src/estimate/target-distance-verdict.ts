import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import type { TargetRule } from '../types/index.js';

export type DistanceVerdict = 'met' | 'missed' | 'inconclusive';

export interface TargetDistance {
  /** distance from the target, in points: > 0 above it */
  d: number;
  /** standard error σ of d, in points */
  se: number;
  /** d ∓ z_{1−α/2}·σ */
  ciLow: number;
  ciHigh: number;
  verdict: DistanceVerdict;
  /** for an inconclusive verdict, the side d is on; null otherwise */
  lean: 'above' | 'below' | null;
  /** one-sided p-value against "met" (H0: d ≤ 0), 1 − Φ(d/σ): small means the target is confidently met */
  pMet: number;
  /** one-sided p-value against "missed" (H0: d ≥ 0), Φ(d/σ): small means the target is confidently missed */
  pMissed: number;
}

/**
 * A three-way verdict on "+uplift" between a baseline estimate and a current estimate, both with sampling error.
 * All inputs and outputs are in percent / percentage points (p1 = 73.9, se1 = 0.8), as in target-arithmetic.
 * With k = 1 + uplift/100:
 *   points:   u = uplift,         d = (p2 − p1) − u,  σ = √(se1² + se2²)
 *   relative: u = (k − 1)·p1,     d = p2 − k·p1,      σ = √(se2² + k²·se1²)
 * z = z_{1−α/2}; met when d − zσ ≥ 0, missed when d + zσ < 0, else inconclusive with
 * lean = d ≥ 0 ? above : below; pMet = 1 − Φ(d/σ), pMissed = Φ(d/σ). With σ = 0 the verdict is the sign of d
 * (d = 0 counts as met).
 * Source: issue 5 (the LAA "+5%" targets); the variance of a linear combination of independent estimates; the
 * CI–test duality. R: d <- (p2 - p1) - u; s <- sqrt(se1^2 + se2^2); d + c(-1, 1) * qnorm(1 - a/2) * s;
 * pnorm(d/s, lower.tail = FALSE); pnorm(d/s).
 * Example: the bundled samples, NI2, all areas, points, +5: p1 = 73.86 (se 0.80), p2 = 77.60 (se 0.76) →
 * d = −1.26, σ = 1.10, CI −3.42 to +0.90: inconclusive, lean below; pMet = 0.874.
 */
export function targetDistanceVerdict(
  p1: number,
  se1: number,
  p2: number,
  se2: number,
  uplift: number,
  rule: TargetRule,
  alpha = 0.05,
): TargetDistance {
  const k = 1 + uplift / 100;
  const d = rule === 'points' ? p2 - p1 - uplift : p2 - k * p1;
  const se = rule === 'points' ? Math.hypot(se1, se2) : Math.hypot(se2, k * se1);
  return distanceVerdict(d, se, alpha);
}

/** The baseline a fixed target was built on, when that baseline has sampling error of its own. */
export interface TargetBaseline {
  se: number;
  uplift: number;
  rule: TargetRule;
}

/**
 * The same verdict against a fixed (published) target T, in percent: d = p2 − T, σ = se2 when T is a given value.
 * When T was built from a baseline estimate b with standard error se_b (T = b + u, or T = k·b), that error is
 * carried: σ = √(se2² + se_b²) (points) or √(se2² + k²·se_b²) (relative), k = 1 + uplift/100.
 * Source and R: as targetDistanceVerdict with d <- p2 - T. Example: p2 = 77.60 (se 0.759) against the published
 * 78 at α = 0.10 → d = −0.40, CI −1.65 to +0.85: inconclusive, lean below; pMet = 0.700.
 */
export function fixedTargetDistanceVerdict(
  p2: number,
  se2: number,
  target: number,
  alpha = 0.05,
  baseline?: TargetBaseline,
): TargetDistance {
  const k = baseline && baseline.rule === 'relative' ? 1 + baseline.uplift / 100 : 1;
  const se = baseline ? Math.hypot(se2, k * baseline.se) : se2;
  return distanceVerdict(p2 - target, se, alpha);
}

/** Verdict, lean and one-sided p-values from d and σ (both in points). */
export function distanceVerdict(d: number, se: number, alpha = 0.05): TargetDistance {
  const z = -quantile(alpha / 2, 0, 1);
  const ciLow = d - z * se;
  const ciHigh = d + z * se;
  const verdict: DistanceVerdict = ciLow >= 0 ? 'met' : ciHigh < 0 ? 'missed' : 'inconclusive';
  const lean = verdict === 'inconclusive' ? (d >= 0 ? 'above' : 'below') : null;
  let pMet: number;
  let pMissed: number;
  if (se > 0) {
    pMet = normalCdf(-d / se, 0, 1);
    pMissed = normalCdf(d / se, 0, 1);
  } else {
    pMet = d >= 0 ? 0 : 1;
    pMissed = d >= 0 ? 1 : 0;
  }
  return { d, se, ciLow, ciHigh, verdict, lean, pMet, pMissed };
}
