import { describe, expect, it } from 'vitest';
import { targetValues } from '../../src/estimate/target-arithmetic.js';

// The verdict's arithmetic (d, σ, its interval, met/missed/inconclusive) is tested in target-distance-verdict.test.ts.
describe('targetValues', () => {
  it('gives both readings of +5%', () => {
    // by hand: 41.2 + 5 = 46.2; 41.2 · 1.05 = 43.26
    const t = targetValues(41.2, 5);
    expect(t.targetPoints).toBeCloseTo(46.2, 12);
    expect(t.targetRelative).toBeCloseTo(43.26, 12);
  });
});
