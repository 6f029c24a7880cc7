import { describe, expect, it } from 'vitest';
import { areaTests } from '../../src/compare/area-tests.js';
import { areas, codebook } from './fixtures.js';
import { neighbourhoodGroups } from './nbhd-fixture.js';

/*
 Data: test/estimate/fixtures/rao-scott-strong.csv (item 0). R:
   kish <- function(w) sum(w)^2/sum(w^2)
   for each area a: s <- d3[d3$area == a, ]; r <- d3[d3$area != a, ]
     pa <- sum(s$w*s$y)/sum(s$w); pr <- sum(r$w*r$y)/sum(r$w)
     z <- (pa-pr)/sqrt(pa*(1-pa)/kish(s$w) + pr*(1-pr)/kish(r$w)); 2*pnorm(-abs(z))
   → R1 pa 0.76 pr 0.53954927087936366 z 2.1438203785417538 p 0.032047281841009988
     R2 pa 1 pr 0.49717268377555457 z 10.482114211531892 p 1.0438371321863156e-25
     D1 pa 0.27789046653144017 pr 0.64365256124721604 z -3.4627059792617221 p 5.3477241749088299e-04
     D2 z -1.6118516211598883 p 0.10699423190186602; A1 z -0.69128856174204412 p 0.48938421849343711
     A2 z -0.50749689552293797 p 0.61180621410779645
   p.adjust(p, "holm") → R1 0.12818912736403995, R2 6.2630227931178930e-25, D1 2.6738620874544152e-03,
     D2 0.32098269570559806, A1 0.97876843698687421, A2 0.97876843698687421
   p.adjust(p, "BH") → R1 6.4094563682019975e-02, R2 6.2630227931178930e-25, D1 1.6043172524726490e-03,
     D2 0.16049134785279903, A1 0.58726106219212448, A2 0.61180621410779645
*/
const opts = {
  ci: 'wilson' as const,
  level: 0.95,
  minBase: 10,
  indicativeBase: 20,
  alpha: 0.05,
  adjust: 'bh' as const,
};

describe('areaTests', () => {
  const rows = areaTests(neighbourhoodGroups('2009'), codebook, areas, opts).filter(
    (r) => r.indicator === 'belong_neighbourhood',
  );
  const by = (code: string) => rows.find((r) => r.area === code)!;

  it('tests each neighbourhood against the rest of the surveyed areas', () => {
    expect(rows).toHaveLength(6);
    const r1 = by('R1');
    expect(r1.percent!).toBeCloseTo(76, 10);
    expect(r1.restPercent!).toBeCloseTo(53.954927087936366, 10);
    expect(r1.diffPp!).toBeCloseTo(76 - 53.954927087936366, 9);
    expect(r1.z!).toBeCloseTo(2.1438203785417538, 9);
    expect(Math.abs(r1.p! - 0.032047281841009988)).toBeLessThan(1e-12);
    expect(by('D1').z!).toBeCloseTo(-3.4627059792617221, 9);
    expect(Math.abs(by('R2').p! / 1.0438371321863156e-25 - 1)).toBeLessThan(1e-8);
    expect(by('A2').z!).toBeCloseTo(-0.50749689552293797, 9);
    expect(r1.areaName).toBe('Ruralton');
  });

  it('adjusts (BH) across the neighbourhoods of one indicator and wave', () => {
    expect(by('R1').pAdjusted!).toBeCloseTo(0.064094563682019975, 12);
    expect(Math.abs(by('D1').pAdjusted! - 1.604317252472649e-3)).toBeLessThan(1e-12);
    expect(by('D2').pAdjusted!).toBeCloseTo(0.16049134785279903, 12);
    expect(by('A1').pAdjusted!).toBeCloseTo(0.58726106219212448, 12);
    expect(by('A2').pAdjusted!).toBeCloseTo(0.61180621410779645, 12);
    expect(rows.filter((r) => r.significant).map((r) => r.area)).toEqual(['R2', 'D1']);
    expect(by('R1').familySize).toBe(6);
  });

  it('with holm, Holm across the same family', () => {
    const rows = areaTests(neighbourhoodGroups('2009'), codebook, areas, { ...opts, adjust: 'holm' }).filter(
      (r) => r.indicator === 'belong_neighbourhood',
    );
    const by = (code: string) => rows.find((r) => r.area === code)!;
    expect(by('R1').pAdjusted!).toBeCloseTo(0.12818912736403995, 12);
    expect(Math.abs(by('D1').pAdjusted! - 2.6738620874544152e-3)).toBeLessThan(1e-12);
    expect(by('D2').pAdjusted!).toBeCloseTo(0.32098269570559806, 12);
    expect(by('A1').pAdjusted!).toBeCloseTo(0.97876843698687421, 12);
    expect(rows.filter((r) => r.significant).map((r) => r.area)).toEqual(['R2', 'D1']);
    expect(by('R1').familySize).toBe(6);
  });

  it('suppresses an area whose base is under the minimum', () => {
    const strict = areaTests(neighbourhoodGroups('2009'), codebook, areas, { ...opts, minBase: 26 });
    const r = strict.find((x) => x.indicator === 'belong_neighbourhood' && x.area === 'R1')!;
    expect(r).toMatchObject({ flag: 'suppressed', percent: null, z: null, p: null, significant: false });
    const none = areaTests(neighbourhoodGroups('2009'), codebook, areas, opts).filter(
      (x) => x.indicator === 'influence_decisions',
    );
    expect(none.every((x) => x.flag === 'no-data' && x.p === null)).toBe(true);
  });
});
