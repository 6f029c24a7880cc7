import { describe, expect, it } from 'vitest';
import { scaleTally } from '../../src/weighting/scale-tally.js';

describe('scaleTally', () => {
  it('scales Σw and Σw·pos by f, Σw² by f², and keeps the counts', () => {
    // by hand: three respondents w0 = 1, 2, 3 (positive: the first two), f = 1.5 → w = 1.5, 3, 4.5
    // Σw = 9, Σw² = 2.25 + 9 + 20.25 = 31.5, Σw·pos = 4.5, Σw²·pos = 11.25
    const t = {
      n: 3,
      nPos: 2,
      sw: 6,
      sw2: 14,
      swPos: 3,
      sw2Pos: 5,
      nNeg: 0,
      swNeg: 0,
      reasons: { 'missing:no-reply': 1 },
    };
    expect(scaleTally(t, 1.5)).toEqual({
      n: 3,
      nPos: 2,
      sw: 9,
      sw2: 31.5,
      swPos: 4.5,
      sw2Pos: 11.25,
      nNeg: 0,
      swNeg: 0,
      reasons: { 'missing:no-reply': 1 },
    });
  });
});
