import { describe, expect, it } from 'vitest';
import { areaTypeContrast, type AreaTypeContrast } from '../../src/estimate/area-type-contrast.js';
import type { AreaTally } from '../../src/estimate/area-type-f-test.js';
import { areaTallies } from '../helpers/area-tallies.js';
import { sampleAreaTallies } from '../helpers/sample-area-tallies.js';

/*
 Per-area counts as in area-type-f-test.test.ts (the project's ingest, re-counted independently in R from the raw CSV).
 R 4.2.2, survey 4.1.1, with `area`, `type`, `rows`, ni2_n/ni2_p, ni1_n/ni1_p as pasted in area-type-f-test.test.ts:
   d <- rows(ni2_n, ni2_p)
   des <- svydesign(ids = ~area, strata = ~type, weights = ~w, data = d)
   b <- svyby(~y, ~type, des, svymean, covmat = TRUE)
   ct <- svycontrast(b, c(average = -1, deprived = 0, rural = 1)); t <- coef(ct) / SE(ct)
   100 * coef(ct); 100 * SE(ct); t; 2 * pt(-abs(t), degf(des))
 NI2 rural − average:  10.282879329471218, SE 2.0827969972342926, t 4.9370530796451408, p 0.00012502978025102557
 NI2 deprived − rural: -19.38130721737279, SE 2.3045129009710874, t -8.4101534902259818, p 1.8356305719871786e-07
 NI1 rural − average:  6.1420765027322304, SE 3.6132393603639463, t 1.6998808797747527, p 0.10737500227320793
 (svyby means NI2: average 0.78007518796992481, deprived 0.68909090909090909, rural 0.88290398126463698)
 Weighted, the same calls on d <- read.csv("test/estimate/fixtures/rao-scott-small.csv"), c(deprived = -1, rural = 1):
   rural − deprived 31.568142012201982, SE 19.995553729813125, t 1.5787580798592373, p 0.21250684749275417, degf 3
 and on rao-scott-strong.csv:
   rural − deprived 52.667830965647113, SE 14.006427798195956, t 3.7602614831192569, p 0.032884159381030703
*/

function ok(r: ReturnType<typeof areaTypeContrast>): AreaTypeContrast {
  if ('reason' in r) throw new Error(`not run: ${r.detail}`);
  return r;
}

const fixtureAreas = (file: string): AreaTally[] =>
  [...areaTallies(file)].map(([area, { type, tally }]) => ({ area, type, tally }));

describe('areaTypeContrast', () => {
  it("matches svyby + svycontrast on the 2009 sample, NI2 (the issue's check values)", async () => {
    const areas = await sampleAreaTallies('wave-2009.csv', '2009', 'belong_neighbourhood');
    const r = ok(areaTypeContrast(areas, 'rural', 'average'));
    expect(r.diff).toBeCloseTo(10.282879329471218, 10);
    expect(r.se).toBeCloseTo(2.0827969972342926, 10);
    expect(r.t).toBeCloseTo(4.9370530796451408, 10);
    expect(r.df).toBe(17);
    expect(Math.abs(r.p / 0.00012502978025102557 - 1)).toBeLessThan(1e-9);
    expect(r.percentA).toBeCloseTo(88.290398126463698, 10);
    expect(r.percentB).toBeCloseTo(78.007518796992481, 10);
    const d = ok(areaTypeContrast(areas, 'deprived', 'rural'));
    expect(d.diff).toBeCloseTo(-19.38130721737279, 10);
    expect(d.se).toBeCloseTo(2.3045129009710874, 10);
    expect(d.t).toBeCloseTo(-8.4101534902259818, 10);
    expect(Math.abs(d.p / 1.8356305719871786e-7 - 1)).toBeLessThan(1e-9);
  });
  it('matches on NI1', async () => {
    const areas = await sampleAreaTallies('wave-2009.csv', '2009', 'backgrounds_get_on');
    const r = ok(areaTypeContrast(areas, 'rural', 'average'));
    expect(r.diff).toBeCloseTo(6.1420765027322304, 10);
    expect(r.se).toBeCloseTo(3.6132393603639463, 10);
    expect(r.p).toBeCloseTo(0.10737500227320793, 12);
  });
  it('matches with unequal weights', () => {
    const s = ok(areaTypeContrast(fixtureAreas('rao-scott-small.csv'), 'rural', 'deprived'));
    expect(s.diff).toBeCloseTo(31.568142012201982, 10);
    expect(s.se).toBeCloseTo(19.995553729813125, 10);
    expect(s.t).toBeCloseTo(1.5787580798592373, 10);
    expect(s.df).toBe(3);
    expect(s.p).toBeCloseTo(0.21250684749275417, 12);
    const g = ok(areaTypeContrast(fixtureAreas('rao-scott-strong.csv'), 'rural', 'deprived'));
    expect(g.diff).toBeCloseTo(52.667830965647113, 10);
    expect(g.se).toBeCloseTo(14.006427798195956, 10);
    expect(g.p).toBeCloseTo(0.032884159381030703, 12);
  });
  it('is not run for a type with no data or a single area', async () => {
    const areas = await sampleAreaTallies('wave-2009.csv', '2009', 'belong_neighbourhood');
    const r = areaTypeContrast(areas, 'rural', 'suburban');
    expect('reason' in r && r.reason).toBe('fewer-than-two-types');
    const oneDeprived = areas.filter((a) => a.type !== 'deprived' || a.area === 'BL-BRA');
    const lonely = areaTypeContrast(oneDeprived, 'rural', 'average');
    expect('reason' in lonely && lonely.detail).toContain('deprived');
  });
});
