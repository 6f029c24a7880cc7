import { describe, expect, it } from 'vitest';
import { differenceTest, twoProportionChange } from '../../src/estimate/two-proportion-change.js';

const Z95 = 1.959963984540054;

describe('twoProportionChange', () => {
  it('matches the unpooled z-test', () => {
    // R: p1 <- 0.6; n1 <- 200; p2 <- 0.7; n2 <- 250
    //    z <- (p2 - p1) / sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2); 2*pnorm(-abs(z))
    //    → z 2.2140372138502378, p 0.026826219079541545, se 0.045166359162544863
    //    (p2-p1) + c(-1,1)*qnorm(0.975)*se → 0.011475562728611388 0.18852443727138857
    const c = twoProportionChange(0.6, 200, 0.7, 250, Z95);
    expect(c.diff).toBeCloseTo(0.1, 14);
    expect(c.se).toBeCloseTo(0.045166359162544863, 14);
    expect(c.z!).toBeCloseTo(2.2140372138502378, 12);
    expect(Math.abs(c.p! - 0.026826219079541545)).toBeLessThan(1e-12);
    expect(c.ciLow).toBeCloseTo(0.011475562728611388, 12);
    expect(c.ciHigh).toBeCloseTo(0.18852443727138857, 12);
  });
  it('works on fractional effective n', () => {
    // R: p1 <- 0.741; n1 <- 812.4; p2 <- 0.783; n2 <- 790.2 (same z formula)
    //    → z 1.9771332551107348, p 0.048026569658981971
    const c = twoProportionChange(0.741, 812.4, 0.783, 790.2, Z95);
    expect(c.z!).toBeCloseTo(1.9771332551107348, 12);
    expect(Math.abs(c.p! - 0.048026569658981971)).toBeLessThan(1e-12);
  });
  it('gives null z and p when both se are 0', () => {
    const c = twoProportionChange(1, 50, 1, 60, Z95);
    expect(c.z).toBeNull();
    expect(c.p).toBeNull();
    expect(c.diff).toBe(0);
  });
  it('differenceTest keeps small p-values', () => {
    // R: 2*pnorm(-8.5) → 1.8959069644406638e-17
    const c = differenceTest(8.5, 1, Z95);
    expect(c.p! / 1.8959069644406638e-17).toBeCloseTo(1, 9);
  });
});
