import type { Tally } from '../types/index.js';

/**
 * The tally of a raking cell under the raked weights, from its tally under the starting weights:
 * every weight in the cell is f × w0, so Σw = f·Σw0, Σw² = f²·Σw0², Σw·pos = f·Σw0·pos. Counts and
 * reasons are unchanged. This is how estimates use the raking without a second pass over the rows.
 */
export function scaleTally(t: Tally, f: number): Tally {
  return {
    ...t,
    sw: f * t.sw,
    sw2: f * f * t.sw2,
    swPos: f * t.swPos,
    sw2Pos: f * f * t.sw2Pos,
    swNeg: f * t.swNeg,
    reasons: { ...t.reasons },
  };
}
