import { describe, expect, it } from 'vitest';
import { chisqUpperP } from '../../src/estimate/chisq-upper-p.js';
import { twoSidedP } from '../../src/estimate/two-sided-p.js';

describe('chisqUpperP', () => {
  it('matches pchisq(lower.tail = FALSE)', () => {
    // R: pchisq(5.991464547107979, 2, lower.tail = FALSE) → 0.050000000000000072
    expect(Math.abs(chisqUpperP(5.991464547107979, 2) - 0.05)).toBeLessThan(1e-15);
    // R: pchisq(3.2, 1, lower.tail = FALSE) → 0.073638270120302773
    expect(Math.abs(chisqUpperP(3.2, 1) - 0.073638270120302773)).toBeLessThan(1e-12);
    // R: pchisq(11.3, 4, lower.tail = FALSE) → 0.023391486553165659
    expect(Math.abs(chisqUpperP(11.3, 4) - 0.023391486553165659)).toBeLessThan(1e-12);
  });
  it('keeps tiny df-2 tails (exactly exp(-x/2))', () => {
    // R: pchisq(80, 2, lower.tail = FALSE) → 4.2483542552915889e-18
    expect(chisqUpperP(80, 2) / 4.2483542552915889e-18).toBeCloseTo(1, 12);
    expect(chisqUpperP(0, 2)).toBe(1);
  });
});

describe('twoSidedP', () => {
  it('is 2·pnorm(-|z|)', () => {
    // R: 2*pnorm(-1.959963984540054) → 0.05 (0.050000000000000044)
    expect(Math.abs(twoSidedP(1.959963984540054) - 0.05)).toBeLessThan(1e-15);
    expect(Math.abs(twoSidedP(-1.959963984540054) - 0.05)).toBeLessThan(1e-15);
    // R: 2*pnorm(-2.2140372138502378) → 0.026826219079541545
    expect(Math.abs(twoSidedP(2.2140372138502378) - 0.026826219079541545)).toBeLessThan(1e-12);
  });
});
