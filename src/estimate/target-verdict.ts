import type { Verdict } from '../types/index.js';
/**
 * The verdict on a target from d (estimate minus target, or change minus uplift) and its CI [lo, hi]:
 * met when lo ≥ 0; met-within-margin when d ≥ 0 > lo; missed-within-margin when hi ≥ 0 > d; missed when hi < 0.
 * Source: issue 5 (the LAA "+5%" targets).
 */
export function targetVerdict(d: number, lo: number, hi: number): Verdict {
  if (lo >= 0) return 'met';
  if (d >= 0) return 'met-within-margin';
  if (hi >= 0) return 'missed-within-margin';
  return 'missed';
}
