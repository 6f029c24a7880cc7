import { describe, expect, it } from 'vitest';
import { typeTests } from '../../src/compare/type-tests.js';
import { areas, codebook, group, flat } from './fixtures.js';
import { neighbourhoodGroups } from './nbhd-fixture.js';

/*
 Data: test/estimate/fixtures/rao-scott-strong.csv (item 0) and rao-scott-small.csv (item 1); see rao-scott-chisq.test.ts.
 R 4, survey 4.1.1:
   svychisq(~type + y, svydesign(ids = ~1, strata = ~area, weights = ~w, data = d3), statistic = "Chisq")
     → X-squared 30.195493165795114, p 2.5953629835347991e-06 (corrected 25.723568346160704)
   (same on d1) → X-squared 4.301908270336142, p 0.15046856892610608 (corrected 3.7880021218980677)
   p.adjust(c(2.5953629835347991e-06, 0.15046856892610608), "holm") → 5.1907259670695981e-06 0.15046856892610608
 Pairs on d3, weighted p and Kish n per type:
   kish <- function(w) sum(w)^2/sum(w^2); p_t <- sum(w*y)/sum(w) within type
   → rural 0.87527352297592997 (n 43.642043673597335), deprived 0.34859521331945892 (43.966722208997858),
     average 0.51796060254924692 (42.790519965527139)
   z <- (pa-pb)/sqrt(pa*(1-pa)/na + pb*(1-pb)/nb); 2*pnorm(-abs(z))
   rural–average z 3.9134565897911116 p 9.0984263164649992e-05; deprived–average z -1.6148639099719355 p 0.10634016928914085;
   rural–deprived z 6.0152655304581151 p 1.7959207380663687e-09
   p.adjust(c(9.0984263164649992e-05, 0.10634016928914085, 1.7959207380663687e-09), "holm")
     → 1.8196852632929998e-04 0.10634016928914085 5.3877622141991064e-09
*/
const opts = { ci: 'wilson' as const, level: 0.95, minBase: 10, indicativeBase: 20, alpha: 0.05, adjust: true };

describe('typeTests', () => {
  const rows = typeTests(neighbourhoodGroups('2009'), codebook, areas, opts);
  const strong = rows.find((r) => r.indicator === 'belong_neighbourhood')!;
  const small = rows.find((r) => r.indicator === 'trust_general')!;

  it('gives the Rao–Scott omnibus test as svychisq does', () => {
    expect(strong.wave).toBe('2009');
    expect(strong.df).toBe(2);
    expect(strong.pearson!).toBeCloseTo(30.195493165795114, 8);
    expect(strong.statistic!).toBeCloseTo(25.723568346160704, 8);
    expect(Math.abs(strong.p! / 2.5953629835347991e-6 - 1)).toBeLessThan(1e-9);
    expect(small.statistic!).toBeCloseTo(3.7880021218980677, 9);
    expect(Math.abs(small.p! - 0.15046856892610608)).toBeLessThan(1e-9);
    expect(strong.types).toEqual(['rural', 'deprived', 'average']);
  });

  it('Holm-adjusts across the indicators of a wave', () => {
    expect(Math.abs(strong.pAdjusted! / 5.1907259670695981e-6 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(small.pAdjusted! - 0.15046856892610608)).toBeLessThan(1e-9);
    expect(strong.familySize).toBe(2);
    expect(strong.significant).toBe(true);
    expect(small.significant).toBe(false);
  });

  it('runs pairwise z-tests on effective n only where the omnibus test is significant', () => {
    expect(small.pairs).toEqual([]);
    expect(strong.pairs.map((p) => [p.a, p.b])).toEqual([['rural', 'average'], ['deprived', 'average'], ['rural', 'deprived']]);
    const [ra, da, rd] = strong.pairs;
    expect(ra!.percentA!).toBeCloseTo(87.527352297592997, 10);
    expect(ra!.percentB!).toBeCloseTo(51.796060254924692, 10);
    expect(ra!.diffPp!).toBeCloseTo(87.527352297592997 - 51.796060254924692, 9);
    expect(ra!.z!).toBeCloseTo(3.9134565897911116, 9);
    expect(Math.abs(ra!.p! / 9.0984263164649992e-5 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(ra!.pAdjusted! / 1.8196852632929998e-4 - 1)).toBeLessThan(1e-9);
    expect(da!.z!).toBeCloseTo(-1.6148639099719355, 9);
    expect(Math.abs(da!.pAdjusted! - 0.10634016928914085)).toBeLessThan(1e-9);
    expect(da!.significant).toBe(false);
    expect(Math.abs(rd!.pAdjusted! / 5.3877622141991064e-9 - 1)).toBeLessThan(1e-9);
    expect(ra!.significant && rd!.significant).toBe(true);
  });

  it('leaves out an indicator with no data, and types below the minimum base', () => {
    const none = rows.find((r) => r.indicator === 'influence_decisions')!;
    expect(none).toMatchObject({ statistic: null, p: null, pAdjusted: null, significant: false, flag: 'suppressed', pairs: [] });
    // rao-scott-small has 19–24 answers per type: below a minimum base of 30, nothing is tested
    const strict = typeTests(neighbourhoodGroups('2009'), codebook, areas, { ...opts, minBase: 30 });
    expect(strict.find((r) => r.indicator === 'trust_general')!.flag).toBe('suppressed');
  });

  it('uses only the neighbourhood groups, wave by wave', () => {
    const mixed = [...neighbourhoodGroups('2006'), ...neighbourhoodGroups('2009'), group('2009', 'all', 'all', [flat(900, 1), flat(900, 899), flat(10, 1)])];
    const r = typeTests(mixed, codebook, areas, opts);
    expect(r.map((x) => x.wave)).toEqual(['2006', '2006', '2006', '2009', '2009', '2009']);
    expect(r[3]!.statistic!).toBeCloseTo(25.723568346160704, 8);
  });
});
