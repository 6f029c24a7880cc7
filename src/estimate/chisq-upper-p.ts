import cdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * Upper-tail probability of a χ² statistic, P(χ²_df > x). With df = 2 the tail is exactly exp(−x/2),
 * used directly so tiny p-values do not vanish in 1 − cdf. Source: R `pchisq(x, df, lower.tail = FALSE)`.
 * Example: x = 5.991464547107979, df = 2 → 0.05.
 */
export function chisqUpperP(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 2) return Math.exp(-x / 2);
  return Math.max(0, 1 - cdf(x, df));
}
