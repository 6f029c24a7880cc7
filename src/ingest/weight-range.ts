/**
 * The weights sc-survey accepts: 1e-6 to 1e6 (docs/limits.md). Σw² of a tally must stay finite and well above the
 * smallest double, or Kish's effective n, (Σw)²/Σw², overflows to null or underflows to 0 (1e160² is Infinity,
 * 5e-324² is 0), and the interval becomes 0–100 flagged ok. Within this range Σw² of a billion rows stays finite and
 * precise. Weights are relative: a file with larger ones can be scaled (divide by their mean) without changing any
 * estimate.
 */
export const WEIGHT_MIN = 1e-6;
export const WEIGHT_MAX = 1e6;

/** Why a finite, positive weight cannot be used, or undefined when it can. */
export function weightOutOfRange(w: number): string | undefined {
  if (w >= WEIGHT_MIN && w <= WEIGHT_MAX) return undefined;
  return (
    `is outside the range ${WEIGHT_MIN} to ${WEIGHT_MAX} that sc-survey accepts; weights are ` +
    `relative, so divide them by their mean`
  );
}
