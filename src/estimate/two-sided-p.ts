import cdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Two-sided p-value of a standard-normal statistic, 2·Φ(−|z|), computed on the lower tail so small
 * p-values keep their precision. Source: R `2 * pnorm(-abs(z))`. Example: z = 1.959963984540054 → 0.05.
 */
export function twoSidedP(z: number): number {
  return 2 * cdf(-Math.abs(z), 0, 1);
}
