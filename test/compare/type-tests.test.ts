import { describe, expect, it } from 'vitest';
import { typeTests } from '../../src/compare/type-tests.js';
import type { AreaTypeTestRow, SurveyedAreasTestRow } from '../../src/types/index.js';
import { areas, codebook, group, flat } from './fixtures.js';
import { neighbourhoodGroups } from './nbhd-fixture.js';

/*
 Data: test/estimate/fixtures/rao-scott-strong.csv (item 0) and rao-scott-small.csv (item 1);
 see rao-scott-chisq.test.ts.
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
   rural–average z 3.9134565897911116 p 9.0984263164649992e-05;
   deprived–average z -1.6148639099719355 p 0.10634016928914085;
   rural–deprived z 6.0152655304581151 p 1.7959207380663687e-09
   p.adjust(c(9.0984263164649992e-05, 0.10634016928914085, 1.7959207380663687e-09), "BH")
     → 1.3647639474697497e-04 0.10634016928914085 5.3877622141991064e-09
 The area-type test (areas as clusters within type strata):
   des <- svydesign(ids = ~area, strata = ~type, weights = ~w, data = d); svychisq(~type + y, des, statistic = "F")
   d3 → F 4.964554166634843391, ndf 1.216015420306805872, ddf 3.648046260920417616, p 0.095107268484643584
   d1 → F 2.23716175599613276, ndf 1.06966429426361587, ddf 3.20899288279084782, p 0.22835642649814561
   by <- svyby(~y, ~type, des, svymean, covmat = TRUE); ct <- svycontrast(by, c(rural = 1, average = -1), …)
   t <- coef(ct)/SE(ct); 2*pt(-abs(t), degf(des))  (degf 3)
   d3: rural−average 35.731292042668315 (SE 12.012160401203561, t 2.974593316210481, p 0.058851148353933909)
       deprived−average −16.936538922978787 (SE 7.3051288447141882, p 0.10323073713449366)
       rural−deprived 52.667830965647113 (SE 14.006427798195956, p 0.032884159381030703)
       p.adjust(p, "BH") → 0.088276722530900867 0.103230737134493655 0.088276722530900867
   d1: rural−average 23.166340601918321 (SE 3.4767041174257267, t 6.6633051935036365, p 0.0068906972615555883)
       p.adjust(p, "BH") → 0.020672091784666766 0.703215009208467468 0.318760271239131254
*/
const opts = {
  ci: 'wilson' as const,
  level: 0.95,
  minBase: 10,
  indicativeBase: 20,
  alpha: 0.05,
  adjust: 'bh' as const,
};

describe('typeTests', () => {
  const rows = typeTests(neighbourhoodGroups('2009'), codebook, areas, opts);
  const surveyed = (id: string) =>
    rows.find((r): r is SurveyedAreasTestRow => r.indicator === id && r.test === 'surveyed-areas')!;
  const areaType = (id: string) =>
    rows.find((r): r is AreaTypeTestRow => r.indicator === id && r.test === 'area-type')!;
  const strong = surveyed('belong_neighbourhood');
  const small = surveyed('trust_general');

  it('gives the surveyed-areas Rao–Scott omnibus test as svychisq does', () => {
    expect(strong.wave).toBe('2009');
    expect(strong.df).toBe(2);
    expect(strong.pearson!).toBeCloseTo(30.195493165795114, 8);
    expect(strong.statistic!).toBeCloseTo(25.723568346160704, 8);
    expect(Math.abs(strong.p! / 2.5953629835347991e-6 - 1)).toBeLessThan(1e-9);
    expect(small.statistic!).toBeCloseTo(3.7880021218980677, 9);
    expect(Math.abs(small.p! - 0.15046856892610608)).toBeLessThan(1e-9);
    expect(strong.types).toEqual(['rural', 'deprived', 'average']);
  });

  it('treats each omnibus test as a family of one', () => {
    expect(strong.pAdjusted).toBe(strong.p);
    expect(small.pAdjusted).toBe(small.p);
    expect(strong.significant).toBe(true);
    expect(small.significant).toBe(false);
    expect(strong.reason).toBeNull();
  });

  it(
    'computes the surveyed-areas pairs always, BH across the three, ' + 'named only after a significant omnibus test',
    () => {
      expect(strong.pairs.map((p) => [p.a, p.b])).toEqual([
        ['rural', 'average'],
        ['deprived', 'average'],
        ['rural', 'deprived'],
      ]);
      const [ra, da, rd] = strong.pairs;
      expect(ra!.percentA!).toBeCloseTo(87.527352297592997, 10);
      expect(ra!.percentB!).toBeCloseTo(51.796060254924692, 10);
      expect(ra!.diffPp!).toBeCloseTo(87.527352297592997 - 51.796060254924692, 9);
      expect(ra!.z!).toBeCloseTo(3.9134565897911116, 9);
      expect(Math.abs(ra!.p! / 9.0984263164649992e-5 - 1)).toBeLessThan(1e-9);
      expect(Math.abs(ra!.pAdjusted! / 1.3647639474697497e-4 - 1)).toBeLessThan(1e-9);
      expect(da!.z!).toBeCloseTo(-1.6148639099719355, 9);
      expect(Math.abs(da!.pAdjusted! - 0.10634016928914085)).toBeLessThan(1e-9);
      expect(da!.significant).toBe(false);
      expect(Math.abs(rd!.pAdjusted! / 5.3877622141991064e-9 - 1)).toBeLessThan(1e-9);
      expect(ra!.significant && rd!.significant).toBe(true);
      expect(small.pairs).toHaveLength(3);
      expect(small.pairs.every((p) => !p.significant)).toBe(true);
    },
  );

  it('gives the area-type test (areas as clusters) as svychisq(statistic = "F") does', () => {
    const at = areaType('belong_neighbourhood');
    expect(at.F!).toBeCloseTo(4.964554166634843391, 8);
    expect(at.ndf!).toBeCloseTo(1.216015420306805872, 8);
    expect(at.ddf!).toBeCloseTo(3.648046260920417616, 8);
    expect(at.p!).toBeCloseTo(0.095107268484643584, 9);
    expect(at.pAdjusted).toBe(at.p);
    expect(at.significant).toBe(false);
    expect(at.reason).toBeNull();
    const [ra, da, rd] = at.pairs;
    expect(ra!.diffPp!).toBeCloseTo(35.731292042668315, 8);
    expect(ra!.se!).toBeCloseTo(12.012160401203561, 8);
    expect(ra!.t!).toBeCloseTo(2.974593316210481, 8);
    expect(ra!.df).toBe(3);
    expect(ra!.p!).toBeCloseTo(0.058851148353933909, 9);
    expect(ra!.pAdjusted!).toBeCloseTo(0.088276722530900867, 9);
    expect(da!.diffPp!).toBeCloseTo(-16.936538922978787, 8);
    expect(da!.pAdjusted!).toBeCloseTo(0.103230737134493655, 9);
    expect(rd!.p!).toBeCloseTo(0.032884159381030703, 9);
    expect(rd!.pAdjusted!).toBeCloseTo(0.088276722530900867, 9);
  });

  it('names no area-type pair when the omnibus test is not significant, even with a pair below alpha', () => {
    const at = areaType('trust_general');
    expect(at.F!).toBeCloseTo(2.23716175599613276, 8);
    expect(at.p!).toBeCloseTo(0.22835642649814561, 9);
    const ra = at.pairs[0]!;
    expect(ra.t!).toBeCloseTo(6.6633051935036365, 7);
    expect(ra.pAdjusted!).toBeCloseTo(0.020672091784666766, 9);
    expect(ra.significant).toBe(false);
  });

  it('does not run the area-type test when a type has fewer than two areas with data', () => {
    const oneRural = neighbourhoodGroups('2009').filter((g) => g.group !== 'R2');
    const r = typeTests(oneRural, codebook, areas, opts).find(
      (x): x is AreaTypeTestRow => x.test === 'area-type' && x.indicator === 'belong_neighbourhood',
    )!;
    expect(r).toMatchObject({ F: null, p: null, pAdjusted: null, significant: false, flag: 'not-run' });
    expect(r.reason).toContain('rural');
    // deprived–average still has two areas each: computed on those two types (df = 4 areas − 2 types)
    const da = r.pairs.find((p) => p.a === 'deprived' && p.b === 'average')!;
    expect(da.df).toBe(2);
    expect(da.p).not.toBeNull();
    expect(r.pairs.find((p) => p.a === 'rural')!.p).toBeNull();
  });

  it('leaves out an indicator with no data, and types below the minimum base', () => {
    const none = surveyed('influence_decisions');
    expect(none).toMatchObject({ statistic: null, p: null, pAdjusted: null, significant: false, flag: 'suppressed' });
    expect(none.reason).not.toBeNull();
    // rao-scott-small has 19–24 answers per type: below a minimum base of 30, nothing is tested
    const strict = typeTests(neighbourhoodGroups('2009'), codebook, areas, { ...opts, minBase: 30 });
    expect(strict.find((r) => r.indicator === 'trust_general')!.flag).toBe('suppressed');
  });

  it('uses only the neighbourhood groups, wave by wave, both tests per indicator', () => {
    const mixed = [
      ...neighbourhoodGroups('2006'),
      ...neighbourhoodGroups('2009'),
      group('2009', 'all', 'all', [flat(900, 1), flat(900, 899), flat(10, 1)]),
    ];
    const r = typeTests(mixed, codebook, areas, opts);
    expect(r.map((x) => x.wave)).toEqual([
      '2006',
      '2006',
      '2006',
      '2006',
      '2006',
      '2006',
      '2009',
      '2009',
      '2009',
      '2009',
      '2009',
      '2009',
    ]);
    expect(r.map((x) => x.test).slice(0, 2)).toEqual(['surveyed-areas', 'area-type']);
    const again = r[6] as SurveyedAreasTestRow;
    expect(again.statistic!).toBeCloseTo(25.723568346160704, 8);
  });
});
