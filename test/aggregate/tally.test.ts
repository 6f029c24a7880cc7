import { describe, expect, it } from 'vitest';
import { addInto, emptyTally, mergeTallies } from '../../src/aggregate/tally.js';
import type { Tally } from '../../src/types/index.js';

const a: Tally = {
  n: 3,
  nPos: 1,
  sw: 4,
  sw2: 6,
  swPos: 2,
  sw2Pos: 4,
  nNeg: 0,
  swNeg: 0,
  reasons: { 'missing:no-reply': 2, 'excluded:dont-know': 1 },
};
const b: Tally = {
  n: 2,
  nPos: 2,
  sw: 1.5,
  sw2: 1.25,
  swPos: 1.5,
  sw2Pos: 1.25,
  nNeg: 0,
  swNeg: 0,
  reasons: { 'missing:no-reply': 1, 'missing:not-stated': 4 },
};

describe('mergeTallies', () => {
  it('adds every field, including the reasons', () => {
    expect(mergeTallies(a, b)).toEqual({
      n: 5,
      nPos: 3,
      sw: 5.5,
      sw2: 7.25,
      swPos: 3.5,
      sw2Pos: 5.25,
      nNeg: 0,
      swNeg: 0,
      reasons: { 'missing:no-reply': 3, 'excluded:dont-know': 1, 'missing:not-stated': 4 },
    });
  });
  it('leaves its inputs alone', () => {
    mergeTallies(a, b);
    expect(a.n).toBe(3);
    expect(a.reasons).toEqual({ 'missing:no-reply': 2, 'excluded:dont-know': 1 });
  });
  it('has the empty tally as identity', () => {
    expect(mergeTallies(emptyTally(), a)).toEqual(a);
    expect(emptyTally()).toEqual({ n: 0, nPos: 0, sw: 0, sw2: 0, swPos: 0, sw2Pos: 0, nNeg: 0, swNeg: 0, reasons: {} });
  });
  it('addInto adds in place', () => {
    const t = emptyTally();
    addInto(t, a);
    addInto(t, b);
    expect(t).toEqual(mergeTallies(a, b));
  });
});
