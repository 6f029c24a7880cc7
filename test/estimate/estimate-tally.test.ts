import { describe, expect, it } from 'vitest';
import { estimateTally, type EstimateOptions } from '../../src/estimate/estimate-tally.js';
import { wilsonInterval } from '../../src/estimate/wilson-interval.js';
import type { Tally } from '../../src/types/index.js';

const opts: EstimateOptions = { ci: 'wilson', level: 0.95, minBase: 30, indicativeBase: 100 };
const open: EstimateOptions = { ...opts, minBase: 0, indicativeBase: 0 };
const Z95 = 1.959963984540054;

/** tally of n rows with weight w, nPos of them positive */
function flat(n: number, nPos: number, w = 1): Tally {
  return { n, nPos, sw: n * w, sw2: n * w * w, swPos: nPos * w, sw2Pos: nPos * w * w, nNeg: 0, swNeg: 0, reasons: {} };
}

// y <- c(1,1,0,1,0,0,1,1,0,1); w <- c(1,2,0.5,1.5,3,1,2,0.8,1.2,2)
// Σw = 15, Σw² = 27.58, Σw·y = 9.3, Σw²·y = 15.89
const weighted: Tally = {
  n: 10,
  nPos: 6,
  sw: 15,
  sw2: 27.58,
  swPos: 9.3,
  sw2Pos: 15.89,
  nNeg: 0,
  swNeg: 0,
  reasons: {},
};

describe('estimateTally: unequal weights', () => {
  const e = estimateTally(weighted, open);
  it('gives the weighted percentage, Kish n and deff', () => {
    // by hand: 100 · 9.3 / 15 = 62;
    // R: svymean(~y, svydesign(ids = ~1, weights = ~w, data = data.frame(y, w))) → 0.62
    expect(e.percent).toBeCloseTo(62, 12);
    expect(e.p).toBeCloseTo(0.62, 14);
    // by hand: 15² / 27.58 = 8.158085569253082; deff = 10 / 8.158… = 27.58 · 10 / 225 = 1.2257777…
    expect(e.nEff).toBeCloseTo(225 / 27.58, 12);
    expect(e.deff).toBeCloseTo(275.8 / 225, 12);
    // by hand: √(0.62 · 0.38 / 8.158085569253082) = 0.169940…
    expect(e.se).toBeCloseTo(Math.sqrt((0.62 * 0.38 * 27.58) / 225), 12);
    expect(e.base).toBe(15);
    expect(e.positive).toBeCloseTo(9.3, 12);
    expect(e.unweightedBase).toBe(10);
    expect(e.unweightedPositive).toBe(6);
  });
  it('gives the Wilson interval on Kish n', () => {
    // R: pw <- coef(svymean(~y, d)); nk <- sum(w)^2 / sum(w^2); z <- qnorm(0.975)
    //    cen <- (pw + z^2/(2*nk)) / (1 + z^2/nk); hw <- z/(1 + z^2/nk) * sqrt(pw*(1-pw)/nk + z^2/(4*nk^2))
    //    c(cen - hw, cen + hw) → 0.3042767268480896 0.85889117961517869
    expect(e.ciLow).toBeCloseTo(30.42767268480896, 10);
    expect(e.ciHigh).toBeCloseTo(85.889117961517869, 10);
  });
  it("gives svyciprop's beta interval with --ci beta", () => {
    // R: attr(svyciprop(~y, d, method = "beta"), "ci") → 0.21848616890989336 0.92457204222139100
    const b = estimateTally(weighted, { ...open, ci: 'beta' });
    expect(b.ciLow).toBeCloseTo(21.848616890989336, 8);
    expect(b.ciHigh).toBeCloseTo(92.4572042221391, 8);
  });
  it('gives a clipped Wald interval with --ci wald', () => {
    // by hand: 0.62 ± 1.959963984540054 · √(0.62·0.38/8.158085569253082) → 0.28692… 0.95308…
    const w = estimateTally(weighted, { ...open, ci: 'wald' });
    const half = Z95 * Math.sqrt((0.62 * 0.38 * 27.58) / 225);
    expect(w.ciLow).toBeCloseTo(100 * (0.62 - half), 10);
    expect(w.ciHigh).toBeCloseTo(100 * (0.62 + half), 10);
  });
});

describe('estimateTally: weights of 1', () => {
  it('equals the unweighted estimate exactly', () => {
    const e = estimateTally(flat(80, 37), opts);
    const [lo, hi] = wilsonInterval(37 / 80, 80, Z95);
    expect(e.percent).toBe((100 * 37) / 80);
    expect(e.ciLow).toBe(100 * lo);
    expect(e.ciHigh).toBe(100 * hi);
    expect(e.nEff).toBe(80);
    expect(e.deff).toBe(1);
    expect(e.positive).toBe(37);
    expect(e.base).toBe(80);
    // R: prop.test(37, 80, correct = FALSE)$conf.int → 0.35747993562785257 0.57095642408731206
    expect(e.ciLow).toBeCloseTo(35.747993562785257, 10);
    expect(e.ciHigh).toBeCloseTo(57.095642408731206, 10);
  });
  it('equal weights other than 1 give the same percent and CI', () => {
    const one = estimateTally(flat(120, 50), opts);
    const three = estimateTally(flat(120, 50, 3), opts);
    expect(three.percent).toBeCloseTo(one.percent ?? NaN, 12);
    expect(three.ciLow).toBeCloseTo(one.ciLow ?? NaN, 12);
    expect(three.nEff).toBeCloseTo(120, 10);
  });
});

describe('estimateTally: flags', () => {
  it('no-data at base 0, never NaN', () => {
    const e = estimateTally(flat(0, 0), opts);
    expect(e.flag).toBe('no-data');
    expect(e.percent).toBeNull();
    expect(e.ciLow).toBeNull();
    expect(e.ciHigh).toBeNull();
    expect(e.p).toBeNull();
    expect(e.se).toBeNull();
    expect(e.deff).toBeNull();
    expect(e.nEff).toBe(0);
    expect(Object.values(e).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
  });
  it('suppressed below minBase, bases kept, positives hidden', () => {
    const e = estimateTally(flat(29, 10, 2), opts);
    expect(e.flag).toBe('suppressed');
    expect(e.percent).toBeNull();
    expect(e.ciLow).toBeNull();
    expect(e.ciHigh).toBeNull();
    expect(e.positive).toBeNull();
    expect(e.unweightedPositive).toBeNull();
    expect(e.base).toBe(58);
    expect(e.unweightedBase).toBe(29);
    expect(e.p).toBeCloseTo(10 / 29, 14);
  });
  it('indicative from minBase up to indicativeBase − 1, ok from indicativeBase', () => {
    expect(estimateTally(flat(30, 10), opts).flag).toBe('indicative');
    expect(estimateTally(flat(30, 10), opts).percent).toBeCloseTo(100 / 3, 12);
    expect(estimateTally(flat(99, 10), opts).flag).toBe('indicative');
    expect(estimateTally(flat(100, 10), opts).flag).toBe('ok');
    expect(estimateTally(flat(1, 1), { ...opts, minBase: 1, indicativeBase: 1 }).flag).toBe('ok');
  });
});
