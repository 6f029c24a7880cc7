import { describe, expect, it } from 'vitest';
import { raoScottChisq, type StratumTally } from '../../src/estimate/rao-scott-chisq.js';
import { areaTallies } from '../helpers/area-tallies.js';

/*
 R 4, survey 4.1.1:
   set.seed(20090401)
   areas <- c("R1","R2","D1","D2","A1","A2"); types <- c("rural","rural","deprived","deprived","average","average")
   pr <- c(rural=0.75, deprived=0.45, average=0.6)
   d <- do.call(rbind, lapply(1:6, function(i) { n <- sample(9:14,1); data.frame(area=areas[i], type=types[i],
          y=rbinom(n,1,pr[types[i]]), w=round(runif(n,0.5,3),2)) }))
   r <- svychisq(~type + y, svydesign(ids = ~1, strata = ~area, weights = ~w, data = d), statistic = "Chisq")
   r$statistic → 4.301908270336142;  r$p.value → 0.15046856892610608
   qchisq(r$p.value, 2, lower.tail = FALSE) → 3.7880021218980677   (the corrected X²/δ̄)
   d2 <- d[d$type != "average", ]   (same call)  → 4.0645528341332966, p 0.053525684878420028,
   corrected 3.7274301793804074
   set.seed(7); pr3 <- c(rural=0.85, deprived=0.35, average=0.6)
   d3 <- … n <- 25 per area, w=round(runif(n,0.5,3),1) …   (same call) → 30.195493165795114,
   p 2.5953629835347991e-06, corrected 25.723568346160704
*/

function strataFrom(file: string, keep: (type: string) => boolean = () => true): StratumTally[] {
  return [...areaTallies(file, keep)].map(([stratum, { type, tally }]) => ({ stratum, group: type, tally }));
}

describe('raoScottChisq', () => {
  it('matches svychisq(statistic = "Chisq") across three types', () => {
    const r = raoScottChisq(strataFrom('rao-scott-small.csv'));
    expect(r).not.toBeNull();
    expect(r!.df).toBe(2);
    expect(r!.x2).toBeCloseTo(4.301908270336142, 9);
    expect(r!.statistic).toBeCloseTo(3.7880021218980677, 9);
    expect(r!.deltaMean).toBeCloseTo(4.301908270336142 / 3.7880021218980677, 9);
    expect(Math.abs(r!.p - 0.15046856892610608)).toBeLessThan(1e-9);
    expect(r!.groups).toEqual(['rural', 'deprived', 'average']);
  });
  it('matches with two groups (df 1)', () => {
    const r = raoScottChisq(strataFrom('rao-scott-small.csv', (t) => t !== 'average'));
    expect(r!.df).toBe(1);
    expect(r!.x2).toBeCloseTo(4.0645528341332966, 9);
    expect(r!.statistic).toBeCloseTo(3.7274301793804074, 9);
    expect(Math.abs(r!.p - 0.053525684878420028)).toBeLessThan(1e-9);
  });
  it('matches a clearly significant case, to a relative 1e-9 on p', () => {
    const r = raoScottChisq(strataFrom('rao-scott-strong.csv'));
    expect(r!.x2).toBeCloseTo(30.195493165795114, 8);
    expect(r!.statistic).toBeCloseTo(25.723568346160704, 8);
    expect(Math.abs(r!.p / 2.5953629835347991e-6 - 1)).toBeLessThan(1e-9);
  });
  it('is null with one group or an outcome that does not vary', () => {
    expect(raoScottChisq(strataFrom('rao-scott-small.csv', (t) => t === 'rural'))).toBeNull();
    const flat = strataFrom('rao-scott-small.csv').map((s) => ({
      ...s,
      tally: { ...s.tally, nPos: s.tally.n, swPos: s.tally.sw, sw2Pos: s.tally.sw2 },
    }));
    expect(raoScottChisq(flat)).toBeNull();
  });
});
