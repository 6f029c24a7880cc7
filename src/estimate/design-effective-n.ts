import type { Tally } from '../types/index.js';
import { kishEffectiveN } from './kish-effective-n.js';

/**
 * The effective n that R survey's svyciprop uses for its "beta" interval: p(1−p) / var̂(p), with var̂ the
 * with-replacement linearisation variance of the weighted mean for a one-stage design (svymean, ids = ~1):
 *   var̂(p) = n/(n−1) · Σw²(y−p)² / (Σw)²,  Σw²(y−p)² = Σw²y·(1−2p) + p²·Σw².
 * With equal weights this is n − 1. Falls back to Kish's n when var̂ is 0 or undefined (p = 0 or 1, n < 2).
 * Source: R survey 4.1 `svyciprop`, `svymean`; Lumley (2010) Complex Surveys, §2.
 */
export function designEffectiveN(t: Tally): number {
  const kish = kishEffectiveN(t.sw, t.sw2);
  if (t.n < 2 || t.sw <= 0) return kish;
  const p = t.swPos / t.sw;
  const ss = t.sw2Pos * (1 - 2 * p) + p * p * t.sw2;
  const v = ((t.n / (t.n - 1)) * ss) / (t.sw * t.sw);
  if (!(v > 0)) return kish;
  return (p * (1 - p)) / v;
}
