import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/estimate/wilson-interval.js';

const Z95 = 1.959963984540054; // R: qnorm(0.975)
const Z90 = 1.6448536269514715; // R: qnorm(0.95)

describe('wilsonInterval', () => {
  it('matches prop.test without continuity correction', () => {
    // R: prop.test(37, 80, correct = FALSE)$conf.int → 0.35747993562785257 0.57095642408731206
    const [lo, hi] = wilsonInterval(37 / 80, 80, Z95);
    expect(lo).toBeCloseTo(0.35747993562785257, 12);
    expect(hi).toBeCloseTo(0.57095642408731206, 12);
  });
  it('honours the level', () => {
    // R: prop.test(37, 80, correct = FALSE, conf.level = 0.9)$conf.int → 0.37353946852167574 0.55391400376787847
    const [lo, hi] = wilsonInterval(37 / 80, 80, Z90);
    expect(lo).toBeCloseTo(0.37353946852167574, 12);
    expect(hi).toBeCloseTo(0.55391400376787847, 12);
  });
  it('handles 0 and 1', () => {
    // R: prop.test(0, 25, correct = FALSE)$conf.int → 0 0.13319225093904843
    const [lo0, hi0] = wilsonInterval(0, 25, Z95);
    expect(lo0).toBeCloseTo(0, 15);
    expect(hi0).toBeCloseTo(0.13319225093904843, 12);
    // by hand: z²/(n+z²) = 3.8414588206941254 / 28.841458820694125 = 0.13319225…
    expect(hi0).toBeCloseTo(3.8414588206941254 / 28.841458820694125, 14);
    // R: prop.test(25, 25, correct = FALSE)$conf.int → 0.86680774906095159 1
    const [lo1, hi1] = wilsonInterval(1, 25, Z95);
    expect(lo1).toBeCloseTo(0.86680774906095159, 12);
    expect(hi1).toBeCloseTo(1, 15);
  });
  it('returns [0, 1] with n = 0', () => {
    expect(wilsonInterval(0, 0, Z95)).toEqual([0, 1]);
  });
});
