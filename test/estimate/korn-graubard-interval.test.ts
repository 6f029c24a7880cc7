import { describe, expect, it } from 'vitest';
import { kornGraubardInterval } from '../../src/estimate/korn-graubard-interval.js';

describe('kornGraubardInterval', () => {
  it('matches svyciprop(method = "beta") for equal weights (its n.eff is n − 1)', () => {
    // R: d <- svydesign(ids = ~1, weights = ~rep(2, 40), data = data.frame(y = c(rep(1, 13), rep(0, 27))))
    //    attr(svyciprop(~y, d, method = "beta"), "ci") → 0.18410525076482659 0.49361627671564934
    const [lo, hi] = kornGraubardInterval(13 / 40, 39, 0.95);
    expect(lo).toBeCloseTo(0.18410525076482659, 10);
    expect(hi).toBeCloseTo(0.49361627671564934, 10);
    // R: attr(svyciprop(~y, d, method = "beta", level = 0.9), "ci") → 0.20266242317880631 0.46830271506320187
    const [lo9, hi9] = kornGraubardInterval(13 / 40, 39, 0.9);
    expect(lo9).toBeCloseTo(0.20266242317880631, 10);
    expect(hi9).toBeCloseTo(0.46830271506320187, 10);
  });
  it('is Clopper–Pearson when nEff is a whole count', () => {
    // R: binom.test(13, 40)$conf.int → 0.18572896676334980 0.49129487547844841
    const [lo, hi] = kornGraubardInterval(13 / 40, 40, 0.95);
    expect(lo).toBeCloseTo(0.1857289667633498, 10);
    expect(hi).toBeCloseTo(0.49129487547844841, 10);
  });
  it('has bounds 0 and 1 at the edges', () => {
    // R: binom.test(0, 20)$conf.int → 0 0.16843347098308536
    const [lo, hi] = kornGraubardInterval(0, 20, 0.95);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.16843347098308536, 10);
    expect(kornGraubardInterval(1, 20, 0.95)[1]).toBe(1);
  });
});
