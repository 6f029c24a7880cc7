import { describe, expect, it } from 'vitest';
import { waldInterval } from '../../src/estimate/wald-interval.js';

const Z95 = 1.959963984540054; // R: qnorm(0.975)

describe('waldInterval', () => {
  it('is p ± z·se', () => {
    // R: p <- 37/80; p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 80) → 0.35324326944605833 0.57175673055394172
    const [lo, hi] = waldInterval(37 / 80, 80, Z95);
    expect(lo).toBeCloseTo(0.35324326944605833, 12);
    expect(hi).toBeCloseTo(0.57175673055394172, 12);
  });
  it('is clipped to [0, 1]', () => {
    // R: p <- 2/30; p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 30) → -0.022594019789493019 0.15592735312282635
    const [lo, hi] = waldInterval(2 / 30, 30, Z95);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.15592735312282635, 12);
    expect(waldInterval(1, 30, Z95)).toEqual([1, 1]);
  });
});
