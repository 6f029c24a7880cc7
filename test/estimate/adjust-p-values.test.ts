import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/estimate/adjust-p-values.js';

describe('adjustPValues', () => {
  const ps = [0.01, null, 0.04, 0.03];
  it('dispatches on the method name', () => {
    // R: p.adjust(c(0.01, NA, 0.04, 0.03), "BH") → 0.03 NA 0.04 0.04
    const bh = adjustPValues(ps, 'bh');
    expect(bh[1]).toBeNull();
    [0.03, null, 0.04, 0.04].forEach((v, i) => v !== null && expect(bh[i]!).toBeCloseTo(v, 15));
    // R: p.adjust(c(0.01, NA, 0.04, 0.03), "holm") → 0.03 NA 0.06 0.06
    const holm = adjustPValues(ps, 'holm');
    expect(holm[1]).toBeNull();
    [0.03, null, 0.06, 0.06].forEach((v, i) => v !== null && expect(holm[i]!).toBeCloseTo(v, 15));
    // R: p.adjust(c(0.01, NA, 0.04, 0.03), "none") → 0.01 NA 0.04 0.03
    expect(adjustPValues(ps, 'none')).toEqual([0.01, null, 0.04, 0.03]);
  });
  it('returns a copy for none', () => {
    const out = adjustPValues(ps, 'none');
    expect(out).not.toBe(ps);
  });
});
