import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/estimate/holm-adjust.js';

describe('holmAdjust', () => {
  it('matches p.adjust(p, "holm")', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03), "holm") → 0.03 0.06 0.06
    const a = holmAdjust([0.01, 0.04, 0.03]);
    [0.03, 0.06, 0.06].forEach((v, i) => expect(a[i]!).toBeCloseTo(v, 15));
  });
  it('skips nulls, keeps their place, and caps at 1', () => {
    // R: p.adjust(c(0.001, 0.2, 0.012, NA, 0.049, 0.0004, 0.3), "holm")
    //    → 0.005 0.4 0.048 NA 0.147 0.0024 0.4
    const a = holmAdjust([0.001, 0.2, 0.012, null, 0.049, 0.0004, 0.3]);
    const want = [0.005, 0.4, 0.048, null, 0.147, 0.0024, 0.4];
    want.forEach((v, i) => (v === null ? expect(a[i]).toBeNull() : expect(a[i]!).toBeCloseTo(v, 15)));
    // R: p.adjust(c(0.6, 0.7), "holm") → 1 1
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
  });
  it('handles ties', () => {
    // R: p.adjust(c(0.02, 0.02, 0.5), "holm") → 0.06 0.06 0.5
    const a = holmAdjust([0.02, 0.02, 0.5]);
    expect(a[0]!).toBeCloseTo(0.06, 15);
    expect(a[1]!).toBeCloseTo(0.06, 15);
    expect(a[2]!).toBeCloseTo(0.5, 15);
  });
  it('is empty for no tests', () => {
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([null])).toEqual([null]);
  });
});
