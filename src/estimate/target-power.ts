import quantile from '@stdlib/stats-base-dists-normal-quantile';
import type { TargetRule } from '../types/index.js';

export interface TargetPower {
  /** the uplift in points: uplift (points rule) or (uplift/100)·p1 (relative rule) */
  u: number;
  /** the target level p* = p1 + u, in percent */
  pStar: number;
  /** MDC₀, in points: the smallest true change the design detects (two-sided α, given power) if the target is
   * reached; null when the target is above 100% */
  mdc0: number | null;
  /** MDC₀ ≤ |u|: a change of the target's size would be detected */
  detectsTarget: boolean;
  /** p* ≥ 100%: the target cannot be reached at all */
  targetAbove100: boolean;
  /** Δ₈₀ (at power 0.8), in points: the true change needed for the given chance of a "met" verdict */
  deltaConfirm: number;
}

/**
 * Power for a "+uplift" target, in percent/points. With z = z_{1−α/2} + z_{power}, k = 1 + uplift/100:
 *   detect:  p* = p1 + u (u = uplift, points; u = (k − 1)·p1, relative),
 *            MDC₀ = z·√(p1·q1/n1,eff + p*·q* / n2,eff) (proportions inside, points out),
 *            detectsTarget = MDC₀ ≤ |u|;
 *   confirm: Δ = u + z·σ, σ the standard error of d (as in targetDistanceVerdict): the true change that gives
 *            the stated power to a "met" verdict (d − z_{1−α/2}σ ≥ 0).
 * p* ≥ 100% is flagged (targetAbove100) and MDC₀ is then null. Pass n1Eff = Infinity for a fixed baseline.
 * Source: Cohen (1988) ch. 6; Fleiss, Levin & Paik (2003) §4.2 (unpooled variances); issue 5.
 * R: (qnorm(1 - a/2) + qnorm(pw)) * sqrt(p1*(1-p1)/n1 + ps*(1-ps)/n2) * 100; u + (qnorm(1 - a/2) + qnorm(pw)) * s.
 * Example: NI2 on the bundled samples, points, +5: p1 = 73.86, n 3034 and 3018, σ = 1.101 → MDC₀ = 3.05
 * (detects the target), Δ₈₀ = 8.08 points.
 */
export function targetPower(
  p1: number,
  n1Eff: number,
  n2Eff: number,
  uplift: number,
  rule: TargetRule,
  sigma: number,
  alpha = 0.05,
  power = 0.8,
): TargetPower {
  const u = rule === 'points' ? uplift : (uplift / 100) * p1;
  const pStar = p1 + u;
  const z = quantile(1 - alpha / 2, 0, 1) + quantile(power, 0, 1);
  const deltaConfirm = u + z * sigma;
  const targetAbove100 = pStar >= 100;
  if (targetAbove100) return { u, pStar, mdc0: null, detectsTarget: false, targetAbove100, deltaConfirm };
  const inv = (n: number) => (n > 0 ? 1 / n : Infinity);
  const a = p1 / 100;
  const b = pStar / 100;
  const mdc0 = 100 * z * Math.sqrt(a * (1 - a) * inv(n1Eff) + b * (1 - b) * inv(n2Eff));
  return { u, pStar, mdc0, detectsTarget: mdc0 <= Math.abs(u), targetAbove100, deltaConfirm };
}
