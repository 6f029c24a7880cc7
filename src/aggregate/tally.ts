// The tally primitives: an empty tally, and the sums of disjoint sets of rows (every stage that merges tallies).
import type { Tally } from '../types/index.js';

/** A tally with no observations. */
export function emptyTally(): Tally {
  return { n: 0, nPos: 0, sw: 0, sw2: 0, swPos: 0, sw2Pos: 0, nNeg: 0, swNeg: 0, reasons: {} };
}

/** The tally of the union of two disjoint sets of rows: every sum, and every reason count, added. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const out: Tally = { ...a, reasons: { ...a.reasons } };
  addInto(out, b);
  return out;
}

/** Adds `src` into `target` in place (the aggregation hot path). */
export function addInto(target: Tally, src: Tally): void {
  target.n += src.n;
  target.nPos += src.nPos;
  target.sw += src.sw;
  target.sw2 += src.sw2;
  target.swPos += src.swPos;
  target.sw2Pos += src.sw2Pos;
  target.nNeg += src.nNeg;
  target.swNeg += src.swNeg;
  for (const [k, v] of Object.entries(src.reasons)) target.reasons[k] = (target.reasons[k] ?? 0) + v;
}
