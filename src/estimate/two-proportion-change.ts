import { twoSidedP } from './two-sided-p.js';

export interface ProportionChange {
  /** p2 − p1, 0–1 scale */
  diff: number;
  /** √(se1² + se2²), 0–1 scale */
  se: number;
  /** null when both standard errors are 0 (no variance) */
  z: number | null;
  /** two-sided; null when z is null */
  p: number | null;
  /** CI of the difference, 0–1 scale: diff ± zCrit·se */
  ciLow: number;
  ciHigh: number;
}

/**
 * Change between two independent proportions, each with its own effective n:
 *   se_i = √(p_i(1−p_i)/nEff_i),  z = (p2 − p1)/√(se1² + se2²),
 *   p = 2Φ(−|z|),  CI = (p2 − p1) ± zCrit·se.
 * Source: the unpooled two-sample z-test (Agresti 2013, §3.1.2); R
 * `z <- (p2 - p1) / sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2); 2*pnorm(-abs(z))`.
 * Example: p1 = 0.6 (n 200), p2 = 0.7 (n 250) → z = 2.214, p = 0.0268.
 */
export function twoProportionChange(
  p1: number,
  nEff1: number,
  p2: number,
  nEff2: number,
  zCrit: number,
): ProportionChange {
  const se1 = nEff1 > 0 ? Math.sqrt((p1 * (1 - p1)) / nEff1) : 0;
  const se2 = nEff2 > 0 ? Math.sqrt((p2 * (1 - p2)) / nEff2) : 0;
  return differenceTest(p2 - p1, Math.sqrt(se1 * se1 + se2 * se2), zCrit);
}

/** z-test and CI of a difference with a known standard error (both on the same scale). */
export function differenceTest(diff: number, se: number, zCrit: number): ProportionChange {
  if (!(se > 0)) return { diff, se: 0, z: null, p: null, ciLow: diff, ciHigh: diff };
  const z = diff / se;
  return { diff, se, z, p: twoSidedP(z), ciLow: diff - zCrit * se, ciHigh: diff + zCrit * se };
}
