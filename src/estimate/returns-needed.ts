import quantile from '@stdlib/stats-base-dists-normal-quantile';
import type { TargetRule } from '../types/index.js';

export type PlanMode = 'detect' | 'confirm';

export interface ReturnsNeededInput {
  /** baseline percentage */
  p1: number;
  /** the target uplift: points, or percent of p1 with rule 'relative' */
  uplift: number;
  rule: TargetRule;
  /** detect: a change the size of the uplift; confirm: a "met" verdict when the true rise is `rise` */
  mode: PlanMode;
  /** confirm only: the assumed true rise r, in points; must exceed the uplift u in points */
  rise?: number;
  alpha?: number;
  power?: number;
  /** design effect of the new wave (and, in the two-wave form, of both) */
  deff?: number;
  /** the baseline's effective n when the baseline wave already exists; omit to plan two equal waves,
   * Infinity for a fixed (published) baseline */
  baselineNEff?: number;
}

export type ReturnsNeeded =
  | {
      /** returns needed (per wave in the two-wave form), rounded up */
      n: number;
      /** before rounding */
      exact: number;
      /** p2 = p1 + r (confirm) or p1 + u (detect), in percent */
      p2: number;
      /** δ, in points: u (detect) or r − u (confirm) */
      delta: number;
    }
  | { n: null; reason: 'not-reachable' | 'target-above-100'; p2: number; delta: number };

/**
 * Returns needed for a "+uplift" target (the plan command). All in percent/points; proportions inside.
 * Z = z_{1−α/2} + z_{power}; u = uplift (points) or (uplift/100)·p1 (relative).
 *   detect:  δ = u,      p2 = p1 + u
 *   confirm: δ = r − u,  p2 = p1 + r  (r ≤ u is the caller's error: RangeError)
 * Two waves of equal size: n = Z²·(p1q1 + p2q2)·deff/δ², rounded up.
 * Given baseline (n1,eff known): solve Z²·(p1q1/n1,eff + p2q2·deff/n2) = δ² →
 *   n2 = p2q2·deff / (δ²/Z² − p1q1/n1,eff), and 'not-reachable' when p1q1/n1,eff ≥ δ²/Z².
 * p2 ≥ 100% is 'target-above-100'.
 * Source: Fleiss, Levin & Paik (2003) §4.2 (unpooled form); Cohen (1988) ch. 6; Kish (1965) §8.2 for deff.
 * R: (qnorm(1-a/2) + qnorm(pw))^2 * (p1*(1-p1) + p2*(1-p2)) * deff / d^2, within 1% of
 * power.prop.test(p1 = p1, p2 = p2, power = pw)$n * deff (which pools the variance under H0).
 * Example: 73.9% → 78.9%, α 0.05, power 0.8, deff 1 → 1128.2 → 1,129 per wave.
 */
export function returnsNeeded(o: ReturnsNeededInput): ReturnsNeeded {
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  const deff = o.deff ?? 1;
  const u = o.rule === 'points' ? o.uplift : (o.uplift / 100) * o.p1;
  let delta = u;
  let p2 = o.p1 + u;
  if (o.mode === 'confirm') {
    const r = o.rise;
    if (r === undefined || !(r > u))
      throw new RangeError(`the assumed rise (${r}) must exceed the uplift (${u} points)`);
    delta = r - u;
    p2 = o.p1 + r;
  }
  if (p2 >= 100) return { n: null, reason: 'target-above-100', p2, delta };
  const a = o.p1 / 100;
  const b = p2 / 100;
  const d = delta / 100;
  const z = quantile(1 - alpha / 2, 0, 1) + quantile(power, 0, 1);
  let exact: number;
  if (o.baselineNEff === undefined) exact = (z * z * (a * (1 - a) + b * (1 - b)) * deff) / (d * d);
  else {
    const room = (d * d) / (z * z) - (a * (1 - a)) / o.baselineNEff;
    if (!(room > 0)) return { n: null, reason: 'not-reachable', p2, delta };
    exact = (b * (1 - b) * deff) / room;
  }
  return { n: Math.ceil(exact), exact, p2, delta };
}
