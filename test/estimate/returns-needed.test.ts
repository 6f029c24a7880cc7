import { describe, expect, it } from 'vitest';
import { returnsNeeded, type ReturnsNeeded } from '../../src/estimate/returns-needed.js';

/*
 R 4.2.2:
   options(digits = 17)
   f <- function(p1, p2, d, a = 0.05, pw = 0.8, deff = 1)
     (qnorm(1-a/2) + qnorm(pw))^2 * (p1*(1-p1) + p2*(1-p2)) * deff / d^2
   g <- function(p1, p2, d, n1, a = 0.05, pw = 0.8, deff = 1) {
     z2 <- (qnorm(1-a/2) + qnorm(pw))^2; p2*(1-p2)*deff / (d^2/z2 - p1*(1-p1)/n1) }
   f(0.739, 0.789, 0.05)                             → 1128.2230894304871
   power.prop.test(p1 = 0.739, p2 = 0.789, power = 0.8)$n            → 1130.9678768622575
   f(0.739, 0.739*1.05, 0.05*0.739)                  → 2108.268573948616
   power.prop.test(p1 = 0.739, p2 = 0.739*1.05, power = 0.8)$n       → 2111.0136935582027
   f(0.62, 0.67, 0.05, a = 0.1, pw = 0.9)            → 1564.4436340200252
   power.prop.test(p1 = 0.62, p2 = 0.67, power = 0.9, sig.level = 0.1)$n → 1566.8496747585434
   f(0.739, 0.819, 0.03, deff = 1.4)                 → 4164.8353556781867   (confirm: r = 8, u = 5)
   g(0.739, 0.789, 0.05, 3034)                       → 653.00150754261085
   g(0.739, 0.819, 0.03, 3034, deff = 1.4)           → 4061.8564480269388
   g(0.739, 0.789, 0.05, Inf)                        → 522.66945971788039
   0.03^2/(qnorm(0.975) + qnorm(0.8))^2 - 0.739*0.261/300           → -0.00052826395459465046 (not reachable)
*/
function ok(r: ReturnsNeeded): Extract<ReturnsNeeded, { exact: number }> {
  if (r.n === null) throw new Error(r.reason);
  return r;
}

describe('returnsNeeded', () => {
  it("73.9% → 78.9%: 1128.2 before rounding, 1,129 after (the issue's check values)", () => {
    const r = ok(returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'detect' }));
    expect(r.exact).toBeCloseTo(1128.2230894304871, 8);
    expect(r.n).toBe(1129);
    expect(r.p2).toBeCloseTo(78.9, 12);
    expect(r.delta).toBe(5);
    expect(Math.abs(r.exact / 1130.9678768622575 - 1)).toBeLessThan(0.01);
  });
  it('relative rule, other α and power', () => {
    const rel = ok(returnsNeeded({ p1: 73.9, uplift: 5, rule: 'relative', mode: 'detect' }));
    expect(rel.exact).toBeCloseTo(2108.268573948616, 7);
    expect(rel.n).toBe(2109);
    expect(Math.abs(rel.exact / 2111.0136935582027 - 1)).toBeLessThan(0.01);
    const r = ok(returnsNeeded({ p1: 62, uplift: 5, rule: 'points', mode: 'detect', alpha: 0.1, power: 0.9 }));
    expect(r.exact).toBeCloseTo(1564.4436340200252, 8);
    expect(r.n).toBe(1565);
    expect(Math.abs(r.exact / 1566.8496747585434 - 1)).toBeLessThan(0.01);
  });
  it('confirm: δ = r − u, p2 = p1 + r, with a design effect', () => {
    const r = ok(returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'confirm', rise: 8, deff: 1.4 }));
    expect(r.delta).toBe(3);
    expect(r.p2).toBeCloseTo(81.9, 12);
    expect(r.exact).toBeCloseTo(4164.8353556781867, 7);
    expect(r.n).toBe(4165);
    expect(() => returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'confirm', rise: 5 })).toThrow(RangeError);
    expect(() => returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'confirm' })).toThrow(RangeError);
  });
  it('given a baseline of known effective n', () => {
    const d = ok(returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'detect', baselineNEff: 3034 }));
    expect(d.exact).toBeCloseTo(653.00150754261085, 8);
    expect(d.n).toBe(654);
    const c = ok(
      returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'confirm', rise: 8, deff: 1.4, baselineNEff: 3034 }),
    );
    expect(c.exact).toBeCloseTo(4061.8564480269388, 7);
    const f = ok(returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'detect', baselineNEff: Infinity }));
    expect(f.exact).toBeCloseTo(522.66945971788039, 8);
  });
  it("is not reachable when the baseline's own error already uses up δ, nor above 100%", () => {
    const r = returnsNeeded({ p1: 73.9, uplift: 5, rule: 'points', mode: 'confirm', rise: 8, baselineNEff: 300 });
    expect(r).toMatchObject({ n: null, reason: 'not-reachable' });
    expect(returnsNeeded({ p1: 96, uplift: 5, rule: 'points', mode: 'detect' })).toMatchObject({
      n: null,
      reason: 'target-above-100',
    });
  });
});
