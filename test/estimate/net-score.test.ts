import { describe, expect, it } from 'vitest';
import { netScore } from '../../src/estimate/net-score.js';

/*
 A made-up item: 40 answers on a 1–5 agree scale (1–2 positive, 4–5 negative, 3 neither) and 6 = don't know
 (excluded). R 4.2.2, survey 4.1.1:
   library(survey); options(digits = 17)
   y <- c(1,2,2,1,3,4,5,2,2,1, 3,3,4,2,1,6,2,5,4,2, 1,1,2,3,6,4,2,2,5,1, 3,2,4,4,2,1,6,2,3,2)
   w <- c(1.2,0.8,1.5,1,0.6,2.1,1.1,0.9,1.3,0.7, 1,1.4,0.5,1.6,1.2,0.9,1,1.8,0.6,1.1,
          0.8,1.3,1,0.9,1.5,0.7,1.2,1,0.6,1.9, 1.1,0.9,1.4,0.8,1,1.3,0.7,1.2,1,0.5)
   d <- data.frame(y = y, w = w, one = 1); pos <- 1:2; neg <- 4:5; other <- 3
   b <- d[d$y %in% c(pos, neg, other), ]
     → n 37, 22 positive, 9 negative; Σw 40, Σw·pos 24.4, Σw·neg 9.6, Σw² 48.36
   des <- svydesign(ids = ~1, weights = ~one, data = b)      # unweighted
   ct <- svycontrast(svymean(~I(as.numeric(y %in% pos)) + I(as.numeric(y %in% neg)), des), c(1, -1))
   100 * coef(ct); 100 * SE(ct)           → 35.135135135135137 14.086933127127827
   des <- svydesign(ids = ~1, weights = ~w, data = b)        # weighted, same call
   100 * coef(ct)                         → 37
   n <- nrow(b); pp <- mean(b$y %in% pos); pn <- mean(b$y %in% neg)
   se <- 100 * sqrt((pp + pn - (pp - pn)^2) / n); se; se * sqrt(n / (n - 1))   → 13.895265242028632 14.086933127127828
   100*(pp - pn) + c(-1, 1)*qnorm(0.975)*se    → 7.9009157051277867 62.369354565142487
   100*(pp - pn) + c(-1, 1)*qnorm(0.95)*se     → 12.279457704331623 57.990812565938654
   pw <- 24.4/40; nw <- 9.6/40; ne <- 40^2/48.36; 100*sqrt((pw + nw - (pw - nw)^2)/ne)   → 14.681092432104636
   pp <- 29/30; se <- 100*sqrt((pp - pp^2)/30); 100*pp; se; 100*pp - qnorm(0.975)*se
     → 96.666666666666671 3.2773069341672518 90.24326310941548   (and + qnorm(0.975)*se = 103.09 > 100)
*/
describe('netScore', () => {
  it("unweighted: the net equals svycontrast's, the SE R's divided by √(n/(n − 1))", () => {
    const r = netScore(22, 9, 37, 37)!;
    expect(r.net).toBeCloseTo(35.135135135135137, 12);
    expect(r.se).toBeCloseTo(13.895265242028632, 12);
    expect(r.se * Math.sqrt(37 / 36)).toBeCloseTo(14.086933127127827, 12);
    expect(r.ciLow).toBeCloseTo(7.9009157051277867, 12);
    expect(r.ciHigh).toBeCloseTo(62.369354565142487, 12);
    const r90 = netScore(22, 9, 37, 37, 0.9)!;
    expect(r90.ciLow).toBeCloseTo(12.279457704331623, 12);
    expect(r90.ciHigh).toBeCloseTo(57.990812565938654, 12);
  });
  it("weighted: the net equals svycontrast's, the SE is the formula on Kish's n_eff", () => {
    const r = netScore(24.4, 9.6, 40, 40 ** 2 / 48.36)!;
    expect(r.net).toBeCloseTo(37, 12);
    expect(r.se).toBeCloseTo(14.681092432104636, 12);
  });
  it('clips the interval to ±100', () => {
    const r = netScore(29, 0, 30, 30)!;
    expect(r.net).toBeCloseTo(96.666666666666671, 12);
    expect(r.se).toBeCloseTo(3.2773069341672518, 12);
    expect(r.ciLow).toBeCloseTo(90.24326310941548, 12);
    expect(r.ciHigh).toBe(100);
    expect(netScore(0, 30, 30, 30)!.ciLow).toBe(-100);
  });
  it('is null with no base', () => {
    expect(netScore(0, 0, 0, 0)).toBeNull();
  });
});
