import { describe, expect, it } from 'vitest';
import { minimumDetectableChange } from '../../src/estimate/minimum-detectable-change.js';

describe('minimumDetectableChange', () => {
  it('matches the formula by hand', () => {
    // R: (qnorm(0.975) + qnorm(0.8)) * sqrt(0.5*0.5*(1/150 + 1/150)) * 100 → 16.174959798351985
    expect(minimumDetectableChange(0.5, 150, 150)).toBeCloseTo(16.174959798351985, 10);
    // by hand: (1.959964 + 0.841621) · √(0.741·0.259·(1/812.4 + 1/790.2)) · 100
    // R: (qnorm(0.975) + qnorm(0.8)) * sqrt(0.741*0.259*(1/812.4 + 1/790.2)) * 100 → 6.1322792369702626
    expect(minimumDetectableChange(0.741, 812.4, 790.2)).toBeCloseTo(6.1322792369702626, 10);
  });
  it('drops the baseline term for a fixed baseline', () => {
    // R: (qnorm(0.975) + qnorm(0.8)) * sqrt(0.62*0.38*(1/400)) * 100 → 6.7992574326404291
    expect(minimumDetectableChange(0.62, Infinity, 400)).toBeCloseTo(6.7992574326404291, 10);
  });
});
