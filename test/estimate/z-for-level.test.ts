import { describe, expect, it } from 'vitest';
import { zForLevel } from '../../src/estimate/z-for-level.js';

describe('zForLevel', () => {
  it('gives the exact 95% quantile', () => {
    // R: print(qnorm(0.975), digits = 16) → 1.959963984540054
    // mpmath: -sqrt(2) * erfinv(2 * 0.025 - 1) at 40 digits → 1.959963984540054235524594
    expect(zForLevel(0.95)).toBe(1.959963984540054);
  });
  it('gives the 90% and 99% quantiles', () => {
    // R: qnorm(0.95) → 1.6448536269514715; qnorm(0.995) → 2.5758293035488999
    // mpmath (40 digits): 1.644853626951472714863849, 2.575829303548900760978577
    expect(zForLevel(0.9)).toBe(1.644853626951473);
    expect(zForLevel(0.9)).toBeCloseTo(1.6448536269514715, 14);
    expect(zForLevel(0.99)).toBeCloseTo(2.5758293035489, 13);
  });
});
