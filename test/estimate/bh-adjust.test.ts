import { describe, expect, it } from 'vitest';
import { bhAdjust } from '../../src/estimate/bh-adjust.js';

describe('bhAdjust', () => {
  it('matches p.adjust(p, "BH")', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03), "BH") → 0.03 0.04 0.04
    const a = bhAdjust([0.01, 0.04, 0.03]);
    [0.03, 0.04, 0.04].forEach((v, i) => expect(a[i]!).toBeCloseTo(v, 15));
  });
  it('skips nulls, keeps their place, and does not count them in m', () => {
    // R: p.adjust(c(0.001, 0.2, 0.012, NA, 0.049, 0.0004, 0.3), "BH")
    //    → 0.003 0.24 0.024 NA 0.0735 0.0024 0.3
    const a = bhAdjust([0.001, 0.2, 0.012, null, 0.049, 0.0004, 0.3]);
    const want = [0.003, 0.24, 0.024, null, 0.0735, 0.0024, 0.3];
    want.forEach((v, i) => (v === null ? expect(a[i]).toBeNull() : expect(a[i]!).toBeCloseTo(v, 15)));
  });
  it('handles ties and large p-values', () => {
    // R: p.adjust(c(0.02, 0.02, 0.5), "BH") → 0.03 0.03 0.5
    const a = bhAdjust([0.02, 0.02, 0.5]);
    [0.03, 0.03, 0.5].forEach((v, i) => expect(a[i]!).toBeCloseTo(v, 15));
    // R: p.adjust(c(0.6, 0.7, 0.9), "BH") → 0.9 0.9 0.9
    bhAdjust([0.6, 0.7, 0.9]).forEach((v) => expect(v!).toBeCloseTo(0.9, 15));
  });
  it('is empty for no tests', () => {
    expect(bhAdjust([])).toEqual([]);
    expect(bhAdjust([null, null])).toEqual([null, null]);
  });
});
