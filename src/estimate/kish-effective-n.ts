/**
 * Kish's effective sample size, (Σw)² / Σw². Equals n when every weight is the same.
 * Source: Kish, L. (1965) Survey Sampling, §11.7. Example: weights 1, 1, 2 → 16 / 6 = 2.667.
 * Returns 0 when Σw² is 0 (no observations), never NaN.
 */
export function kishEffectiveN(sumW: number, sumW2: number): number {
  if (sumW2 <= 0) return 0;
  return (sumW * sumW) / sumW2;
}
