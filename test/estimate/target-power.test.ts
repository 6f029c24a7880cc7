import { describe, expect, it } from 'vitest';
import { targetPower } from '../../src/estimate/target-power.js';

/*
 Inputs: NI2 on the bundled samples, all areas, unweighted
 (`sc-survey analyse --format json --indicators NI2 --by all`):
 2006 2241 positive of 3034, 2009 2342 of 3018; σ of d from the Wald SEs (see target-distance-verdict.test.ts).
 R 4.2.2:
   options(digits = 17)
   p1 <- 2241/3034; p2 <- 2342/3018; n1 <- 3034; n2 <- 3018
   se1 <- 100*sqrt(p1*(1-p1)/n1); se2 <- 100*sqrt(p2*(1-p2)/n2); z <- qnorm(0.975)
   s <- sqrt(se1^2 + se2^2)                          # 1.1010211434471746
   5 + (z + qnorm(0.8))*s                            # 8.0846045603114423
   ps <- p1 + 0.05; 100*(z + qnorm(0.8))*sqrt(p1*(1-p1)/n1 + ps*(1-ps)/n2)     # 3.0544217280276436
   k <- 1.05; s <- sqrt(se2^2 + k^2*se1^2)           # 1.1302518604901224
   (k-1)*100*p1; (k-1)*100*p1 + (z + qnorm(0.8))*s   # 3.6931443638760748 6.8596412689698827
   ps <- k*p1; 100*(z + qnorm(0.8))*sqrt(p1*(1-p1)/n1 + ps*(1-ps)/n2)          # 3.0856513891461401
   zz <- qnorm(0.975) + qnorm(0.8)
   100*zz*sqrt(0.62*0.38/250 + 0.67*0.33/240)       # 12.094446955904877
   100*zz*sqrt(0.67*0.33/240)                        # 8.5033995879701525
   z9 <- qnorm(0.95) + qnorm(0.9)
   100*z9*sqrt(0.62*0.38/250 + 0.67*0.33/240)       # 12.633294944341467
   5 + z9*2.1                                        # 11.145450904241752
*/
const p1 = (100 * 2241) / 3034;

describe('targetPower', () => {
  it("NI2, points, +5 (the issue's check values)", () => {
    const r = targetPower(p1, 3034, 3018, 5, 'points', 1.1010211434471746);
    expect(r.u).toBe(5);
    expect(r.pStar).toBeCloseTo(p1 + 5, 12);
    expect(r.mdc0!).toBeCloseTo(3.0544217280276436, 11);
    expect(r.detectsTarget).toBe(true);
    expect(r.targetAbove100).toBe(false);
    expect(r.deltaConfirm).toBeCloseTo(8.0846045603114423, 11);
  });
  it('NI2, relative, +5%', () => {
    const r = targetPower(p1, 3034, 3018, 5, 'relative', 1.1302518604901224);
    expect(r.u).toBeCloseTo(3.6931443638760748, 12);
    expect(r.mdc0!).toBeCloseTo(3.0856513891461401, 11);
    expect(r.detectsTarget).toBe(true);
    expect(r.deltaConfirm).toBeCloseTo(6.8596412689698827, 11);
  });
  it('a small survey does not detect +5 points; a fixed baseline drops its term', () => {
    const r = targetPower(62, 250, 240, 5, 'points', 2.1);
    expect(r.mdc0!).toBeCloseTo(12.094446955904877, 11);
    expect(r.detectsTarget).toBe(false);
    expect(targetPower(62, Infinity, 240, 5, 'points', 2.1).mdc0!).toBeCloseTo(8.5033995879701525, 11);
  });
  it('other α and power', () => {
    const r = targetPower(62, 250, 240, 5, 'points', 2.1, 0.1, 0.9);
    expect(r.mdc0!).toBeCloseTo(12.633294944341467, 11);
    expect(r.deltaConfirm).toBeCloseTo(11.145450904241752, 11);
  });
  it('flags a target above 100%', () => {
    const r = targetPower(97, 500, 500, 5, 'points', 1);
    expect(r.targetAbove100).toBe(true);
    expect(r.pStar).toBe(102);
    expect(r.mdc0).toBeNull();
    expect(r.detectsTarget).toBe(false);
    expect(targetPower(95.2, 500, 500, 5, 'relative', 1).targetAbove100).toBe(false); // 95.2 · 1.05 = 99.96
  });
});
