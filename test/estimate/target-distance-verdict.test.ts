import { describe, expect, it } from 'vitest';
import {
  distanceVerdict,
  fixedTargetDistanceVerdict,
  targetDistanceVerdict,
} from '../../src/estimate/target-distance-verdict.js';

/*
 Inputs: NI2 on the bundled samples, all areas, unweighted (from `sc-survey analyse --format json --indicators NI2
 --by all`): 2006 2241 positive of 3034, 2009 2342 of 3018; the SEs are the Wald SEs on those counts.
 R 4.2.2:
   options(digits = 17)
   p1 <- 2241/3034; p2 <- 2342/3018; n1 <- 3034; n2 <- 3018
   se1 <- 100*sqrt(p1*(1-p1)/n1); se2 <- 100*sqrt(p2*(1-p2)/n2)   # 0.79769001757152413, 0.75890591919187533
   z <- qnorm(0.975); u <- 5
   d <- 100*(p2 - p1) - u; s <- sqrt(se1^2 + se2^2)
   d; s; d - z*s; d + z*s; pnorm(d/s, lower.tail = FALSE); pnorm(d/s)
     → -1.2618269726837839 1.1010211434471746 -3.419788760057354 0.89613481468978629 0.8741130856471
       0.12588691435289998
   k <- 1.05; d <- 100*p2 - k*100*p1; s <- sqrt(se2^2 + k^2*se1^2)   (relative rule, same outputs)
     → 0.04502866344014933 1.1302518604901224 -2.1702242765798796 2.2602816034601783 0.48411054434404577
       0.51588945565595423
   z90 <- qnorm(0.95); d <- 100*p2 - 78
   d; d - z90*se2; d + z90*se2; pnorm(d/se2, lower.tail = FALSE); pnorm(d/se2)
     → -0.39893969516235472 -1.6472288488600513 0.84934945853534183 0.70044381771347553 0.29955618228652453
   s <- sqrt(1.2^2 + 1.5^2); s; 5 - z*s; pnorm(5/s, lower.tail = FALSE)
     → 1.9209372712298547 1.2350321318288362 0.004621999097380901
   -7 + z*s; pnorm(-7/s)
     → -3.2350321318288362 0.00013418830549041943
*/
const p1 = (100 * 2241) / 3034;
const p2 = (100 * 2342) / 3018;
const se1 = 0.79769001757152413;
const se2 = 0.75890591919187533;

describe('targetDistanceVerdict', () => {
  it("NI2, points, +5: inconclusive, lean below (the issue's check values)", () => {
    const r = targetDistanceVerdict(p1, se1, p2, se2, 5, 'points', 0.05);
    expect(r.d).toBeCloseTo(-1.2618269726837839, 12);
    expect(r.se).toBeCloseTo(1.1010211434471746, 12);
    expect(r.ciLow).toBeCloseTo(-3.419788760057354, 12);
    expect(r.ciHigh).toBeCloseTo(0.89613481468978629, 12);
    expect(r.verdict).toBe('inconclusive');
    expect(r.lean).toBe('below');
    expect(r.pMet).toBeCloseTo(0.8741130856471, 12);
    expect(r.pMissed).toBeCloseTo(0.12588691435289998, 12);
  });
  it('NI2, relative, +5%: inconclusive, lean above', () => {
    const r = targetDistanceVerdict(p1, se1, p2, se2, 5, 'relative');
    expect(r.d).toBeCloseTo(0.04502866344014933, 12);
    expect(r.se).toBeCloseTo(1.1302518604901224, 12);
    expect(r.ciLow).toBeCloseTo(-2.1702242765798796, 12);
    expect(r.ciHigh).toBeCloseTo(2.2602816034601783, 12);
    expect(r.verdict).toBe('inconclusive');
    expect(r.lean).toBe('above');
    expect(r.pMet).toBeCloseTo(0.48411054434404577, 12);
    expect(r.pMissed).toBeCloseTo(0.51588945565595423, 12);
  });
  it('met and missed', () => {
    const met = targetDistanceVerdict(60, 1.2, 70, 1.5, 5, 'points');
    expect(met.verdict).toBe('met');
    expect(met.lean).toBeNull();
    expect(met.se).toBeCloseTo(1.9209372712298547, 12);
    expect(met.ciLow).toBeCloseTo(1.2350321318288362, 12);
    expect(met.pMet).toBeCloseTo(0.004621999097380901, 14);
    const missed = targetDistanceVerdict(62, 1.2, 60, 1.5, 5, 'points');
    expect(missed.verdict).toBe('missed');
    expect(missed.ciHigh).toBeCloseTo(-3.2350321318288362, 12);
    expect(missed.pMissed).toBeCloseTo(0.00013418830549041943, 15);
  });
  it('decides by the sign of d when σ = 0', () => {
    expect(distanceVerdict(0.3, 0)).toMatchObject({ verdict: 'met', lean: null, pMet: 0, pMissed: 1 });
    expect(distanceVerdict(0, 0)).toMatchObject({ verdict: 'met', pMet: 0, pMissed: 1 });
    expect(distanceVerdict(-0.3, 0)).toMatchObject({ verdict: 'missed', pMet: 1, pMissed: 0 });
  });
});

describe('fixedTargetDistanceVerdict', () => {
  it('a published target (78%) at α = 0.10', () => {
    const r = fixedTargetDistanceVerdict(p2, se2, 78, 0.1);
    expect(r.d).toBeCloseTo(-0.39893969516235472, 12);
    expect(r.se).toBe(se2);
    expect(r.ciLow).toBeCloseTo(-1.6472288488600513, 12);
    expect(r.ciHigh).toBeCloseTo(0.84934945853534183, 12);
    expect(r).toMatchObject({ verdict: 'inconclusive', lean: 'below' });
    expect(r.pMet).toBeCloseTo(0.70044381771347553, 12);
    expect(r.pMissed).toBeCloseTo(0.29955618228652453, 12);
  });
  it("carries a baseline's error: equal to the survey-uplift verdict when T = b + u or k·b", () => {
    // R: as above, sqrt(se2^2 + se1^2) → 1.1010211434471746; sqrt(se2^2 + 1.05^2*se1^2) → 1.1302518604901224
    const pts = fixedTargetDistanceVerdict(p2, se2, p1 + 5, 0.05, { se: se1, uplift: 5, rule: 'points' });
    expect(pts.se).toBeCloseTo(1.1010211434471746, 12);
    expect(pts.d).toBeCloseTo(-1.2618269726837839, 12);
    const rel = fixedTargetDistanceVerdict(p2, se2, 1.05 * p1, 0.05, { se: se1, uplift: 5, rule: 'relative' });
    expect(rel.se).toBeCloseTo(1.1302518604901224, 12);
    expect(rel.d).toBeCloseTo(0.04502866344014933, 12);
  });
});
