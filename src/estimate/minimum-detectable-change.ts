import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Minimum detectable change, in percentage points, for a two-sided test at `alpha` with power `power`:
 *   MDE = (z_{1−α/2} + z_{power}) · √(p1(1−p1) · (1/n1,eff + 1/n2,eff)) · 100.
 * Pass n1Eff = Infinity for a fixed (published) baseline with no sampling error of its own.
 * Source: e.g. Cohen (1988) ch. 6; Kish (1965) §2.5; issue 5. Example: p1 = 0.5, n = 150 each → 16.2 points.
 */
export function minimumDetectableChange(p1: number, n1Eff: number, n2Eff: number, alpha = 0.05, power = 0.8): number {
  const inv = (n: number) => (n > 0 ? 1 / n : Infinity);
  const k = quantile(1 - alpha / 2, 0, 1) + quantile(power, 0, 1);
  return 100 * k * Math.sqrt(p1 * (1 - p1) * (inv(n1Eff) + inv(n2Eff)));
}
