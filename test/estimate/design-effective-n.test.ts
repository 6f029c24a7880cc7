import { describe, expect, it } from 'vitest';
import { designEffectiveN } from '../../src/estimate/design-effective-n.js';

describe('designEffectiveN', () => {
  it('is n − 1 with equal weights', () => {
    // by hand: var̂ = n/(n−1)·p(1−p)/n = p(1−p)/(n−1), so p(1−p)/var̂ = n − 1 = 39
    const t = { n: 40, nPos: 13, sw: 80, sw2: 160, swPos: 26, sw2Pos: 52, nNeg: 0, swNeg: 0, reasons: {} };
    expect(designEffectiveN(t)).toBeCloseTo(39, 10);
  });
  it("matches svyciprop's n.eff with unequal weights", () => {
    // R: y <- c(1,1,0,1,0,0,1,1,0,1); w <- c(1,2,0.5,1.5,3,1,2,0.8,1.2,2)
    //    m <- svymean(~y, svydesign(ids = ~1, weights = ~w, data = data.frame(y, w)))
    //    coef(m) * (1 - coef(m)) / vcov(m) → 7.0282751476395928
    const t = { n: 10, nPos: 6, sw: 15, sw2: 27.58, swPos: 9.3, sw2Pos: 15.89, nNeg: 0, swNeg: 0, reasons: {} };
    expect(designEffectiveN(t)).toBeCloseTo(7.0282751476395928, 10);
  });
  it('falls back to Kish n when the variance is 0', () => {
    // all positive: p = 1; Kish n = 4² / (1 + 1 + 4) = 16/6
    const t = { n: 3, nPos: 3, sw: 4, sw2: 6, swPos: 4, sw2Pos: 6, nNeg: 0, swNeg: 0, reasons: {} };
    expect(designEffectiveN(t)).toBeCloseTo(16 / 6, 12);
  });
});
