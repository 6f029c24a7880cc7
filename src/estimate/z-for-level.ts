import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Two-sided standard-normal critical value for a confidence level: Φ⁻¹(1 − (1 − level)/2).
 * Exact inverse normal (stdlib), not simple-statistics' table-based probit (1.9572 at 95%).
 * Source: R `qnorm(1 - (1 - level) / 2)`. Example: zForLevel(0.95) = 1.959963984540054.
 *
 * Rounded to 16 significant digits: the quantile and the binary form of a decimal level are each
 * good to about 2 ulp, so the last bits differ between libraries (stdlib 1.9599639845400538,
 * R 1.9599639845400536, true value 1.95996398454005423…). Rounding makes the value reproducible
 * and equal to the published 16-digit constant.
 */
export function zForLevel(level: number): number {
  return Number((-quantile((1 - level) / 2, 0, 1)).toPrecision(16));
}
