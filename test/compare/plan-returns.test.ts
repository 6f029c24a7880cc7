import { describe, expect, it } from 'vitest';
import { planReturns, questionnaires, type PlanBaseline } from '../../src/compare/plan-returns.js';
import { UsageError } from '../../src/errors.js';

/*
 R 4.2.2:
   options(digits = 17); z2 <- (qnorm(0.975) + qnorm(0.8))^2
   f <- function(p1, p2, d, deff = 1) z2 * (p1*(1-p1) + p2*(1-p2)) * deff / d^2
   g <- function(p1, p2, d, n1, deff = 1) p2*(1-p2)*deff / (d^2/z2 - p1*(1-p1)/n1)
   f(.739, .789, .05)            → 1128.2230894304871   (detect, 73.9% → 78.9%)
   f(.739, .839, .05)            → 1029.6411599670628   (confirm, r = 2u = 10: δ = 5, p2 = 83.9%)
   f(.739, .819, .03, 1.4)       → 4164.8353556781867   (confirm, r = 8, deff 1.4)
   f(.6, .66, .06); f(.6, .72, .06)   → 1012.5054857310321 962.7959140801546   (relative +10%: u = 6, r = 12)
   f(.8, .85, .05); f(.8, .9, .05)    → 902.62116945014463 784.88797343490819
   g(.8, .85, .05, 3000); g(.8, .9, .05, 3000)   → 480.79921824674159 339.38768346828812
   .05^2/z2 - .8*.2/300          → -0.00021478... < 0: not reachable
   1129/0.3                      → 3763.3333333333335 → 3,764 to mail
*/
const base = (o: Partial<PlanBaseline>): PlanBaseline => ({
  indicator: null,
  ni: null,
  groupBy: 'all',
  group: 'all',
  percent: 73.9,
  nEff: null,
  unweightedBase: null,
  deff: 1,
  responseRate: null,
  ...o,
});
const opts = { uplift: 5, rule: 'points' as const, alpha: 0.05, power: 0.8 };

describe('planReturns', () => {
  it('73.9% +5 points: 1,129 to detect, 1,030 to confirm a true rise of 10 (the default 2 × the uplift)', () => {
    const [r] = planReturns([base({})], opts);
    expect(r!.returnsToDetect).toMatchObject({ returns: 1129, delta: 5, reason: null });
    expect(r!.returnsToDetect.exact).toBeCloseTo(1128.2230894304871, 8);
    expect(r!.returnsToDetect.p2).toBeCloseTo(78.9, 12);
    expect(r!.returnsToConfirm).toMatchObject({ returns: 1030, delta: 5, reason: null });
    expect(r!.returnsToConfirm.exact).toBeCloseTo(1029.6411599670628, 8);
    expect(r!.returnsToConfirm.p2).toBeCloseTo(83.9, 12);
    expect(r!.assumedRise).toBe(10);
    expect(r!.target).toBeCloseTo(78.9, 12);
    expect(r!.questionnairesToMail).toMatchObject({ responseRate: null, reason: 'no-response-rate' });
    expect(r!.questionnairesToMail.detect.questionnaires).toBeNull();
    expect(r!.givenBaseline).toBeNull();
  });

  it('an assumed rise and a design effect; mail = ⌈returns ÷ response rate⌉', () => {
    const [r] = planReturns([base({ deff: 1.4, responseRate: 0.3 })], { ...opts, assumedRise: 8 });
    expect(r!.returnsToConfirm).toMatchObject({ returns: 4165, delta: 3 });
    expect(r!.returnsToConfirm.exact).toBeCloseTo(4164.8353556781867, 7);
    const [m] = planReturns([base({ responseRate: 0.3 })], opts);
    expect(m!.questionnairesToMail).toMatchObject({
      responseRate: 0.3,
      reason: null,
      detect: { questionnaires: 3764, delta: 5 },
    });
    expect(questionnaires(300, 0.3)).toBe(1000);
    expect(questionnaires(301, 0.3)).toBe(1004);
  });

  it('relative rule: u = (uplift/100) × p1, so δ differs by baseline', () => {
    const [r] = planReturns([base({ percent: 60 })], { ...opts, uplift: 10, rule: 'relative' });
    expect(r!.upliftPoints).toBeCloseTo(6, 12);
    expect(r!.returnsToDetect.exact).toBeCloseTo(1012.5054857310321, 7);
    expect(r!.returnsToConfirm.exact).toBeCloseTo(962.7959140801546, 7);
    expect(r!.returnsToConfirm.delta).toBeCloseTo(6, 12);
  });

  it("given the baseline wave's own effective n: fewer returns, or not reachable when it is too small", () => {
    const [big] = planReturns([base({ percent: 80, nEff: 3000, unweightedBase: 3000 })], opts);
    expect(big!.returnsToDetect.returns).toBe(903);
    expect(big!.givenBaseline!.returnsToDetect.exact).toBeCloseTo(480.79921824674159, 8);
    expect(big!.givenBaseline!.returnsToConfirm.exact).toBeCloseTo(339.38768346828812, 8);
    const [small] = planReturns([base({ percent: 80, nEff: 300, unweightedBase: 300 })], opts);
    expect(small!.givenBaseline!.returnsToDetect).toMatchObject({ returns: null, reason: 'not-reachable' });
    expect(small!.returnsToDetect.returns).toBe(903);
  });

  it('a target at or above 100% cannot be reached; a rise past 100% cannot be confirmed', () => {
    const [r] = planReturns([base({ percent: 96 })], opts);
    expect(r!.returnsToDetect).toMatchObject({ returns: null, reason: 'target-above-100' });
    expect(r!.returnsToConfirm).toMatchObject({ returns: null, reason: 'target-above-100' });
    const [s] = planReturns([base({ percent: 91 })], opts);
    expect(s!.returnsToDetect.reason).toBeNull();
    expect(s!.returnsToConfirm).toMatchObject({ returns: null, reason: 'rise-above-100' });
  });

  it('refuses a rise no larger than the target, and an uplift of 0', () => {
    expect(() => planReturns([base({})], { ...opts, assumedRise: 5 })).toThrow(UsageError);
    expect(() => planReturns([base({})], { ...opts, assumedRise: 4 })).toThrow(
      /a rise no larger than the target can never be confirmed/,
    );
    expect(() => planReturns([base({})], { ...opts, uplift: 0 })).toThrow(UsageError);
  });

  it('a suppressed baseline gives no figures, with the reason', () => {
    const [r] = planReturns([base({ percent: null, nEff: 20, unweightedBase: 20 })], opts);
    expect(r!.returnsToDetect).toMatchObject({ returns: null, reason: 'baseline-suppressed' });
    expect(r!.givenBaseline!.returnsToConfirm.reason).toBe('baseline-suppressed');
  });
});
