import { describe, expect, it } from 'vitest';
import { areaTypeFTest, type AreaTally, type AreaTypeFResult } from '../../src/estimate/area-type-f-test.js';
import { areaTallies } from '../helpers/area-tallies.js';
import { sampleAreaTallies } from '../helpers/sample-area-tallies.js';

/*
 The per-area counts of the bundled sample (wave 2009, unweighted, rows with a valid answer) come from the project's
 ingest (test/helpers/sample-area-tallies.ts). They were checked independently in R by reading
 data/samples/wave-2009.csv with read.csv, trimming cells, mapping text labels case-insensitively to codes, matching
 neighbourhoods by code, name or alias, keeping codes 1–4 (5 = don't know, 6–7 for NI1 excluded; 98, 99, blanks
 missing) and counting codes 1–2 as positive: the same n and positives as below.

 R 4.2.2, survey 4.1.1:
   library(survey); options(digits = 17)
   area <- c("BL-BRA","BL-WHE","BL-SHA","CH-HAS","CH-SYS","CH-WOL","HA-BRO","HA-FLE","HA-TIL","HB-EAR",
             "HB-MAR","HB-TWY","ME-EGE","ME-BOT","ME-WYM","NW-MEA","NW-HEA","NW-LOC","OW-WIG","OW-OAD")
   type <- rep(c("deprived","average","rural"), length.out = 20)
   ni2_n <- c(170,150,140,171,151,132,154,145,148,147,145,141,159,156,147,158,138,146,141,179)
   ni2_p <- c(115,113,129,115,125,109,101,113,136, 94,121,123,108,118,132,123,100,125,102,140)
   ni1_n <- c(152,141,119,155,133, 98,130,128,118,135,119,119,143,135,111,144,112,110,132,147)
   ni1_p <- c( 68, 80, 84, 79, 90, 67, 68, 88, 71, 76, 80, 75, 72, 80, 88, 83, 57, 74, 75, 91)
   rows <- function(n, p) data.frame(area = rep(area, n), type = rep(type, n),
     y = unlist(mapply(function(n, p) c(rep(1, p), rep(0, n - p)), n, p)), w = 1)
   d <- rows(ni2_n, ni2_p)     # or rows(ni1_n, ni1_p)
   des <- svydesign(ids = ~area, strata = ~type, weights = ~w, data = d)
   r <- svychisq(~type + y, des, statistic = "F"); r$statistic; r$parameter; r$p.value
   svychisq(~type + y, des, statistic = "Chisq")$statistic; degf(des)
 NI2: F 32.483664394132823, ndf 1.9708896271488823, ddf 33.505123661531002, p 1.6119373653184332e-08,
      X2 104.05176301688763, degf 17
 NI1: F 10.753015772899216, ndf 1.9504884375009013, ddf 33.158303437515322, p 0.00027752887718308114,
      X2 42.045645364339663, degf 17

 Weighted (the Rao–Scott fixtures, made in R; see fixtures/README.md), same call on read.csv(<fixture>):
   rao-scott-small.csv:  F 2.2371617559961328, ndf 1.0696642942636159, ddf 3.2089928827908478,
                         p 0.22835642649814561, degf 3, X2 4.301908270336142
   rao-scott-strong.csv: F 4.9645541666348434, ndf 1.2160154203068059, ddf 3.6480462609204176,
                         p 0.095107268484643584, degf 3, X2 30.195493165795114
*/

function ok(r: ReturnType<typeof areaTypeFTest>): AreaTypeFResult {
  if ('reason' in r) throw new Error(`not run: ${r.detail}`);
  return r;
}

const fixtureAreas = (file: string): AreaTally[] =>
  [...areaTallies(file)].map(([area, { type, tally }]) => ({ area, type, tally }));

describe('areaTypeFTest', () => {
  it('matches svychisq(statistic = "F") on the 2009 sample, NI2 (the issue\'s check values)', async () => {
    const r = ok(areaTypeFTest(await sampleAreaTallies('wave-2009.csv', '2009', 'belong_neighbourhood')));
    expect(r.x2).toBeCloseTo(104.05176301688763, 9);
    expect(r.f).toBeCloseTo(32.483664394132823, 9);
    expect(r.ndf).toBeCloseTo(1.9708896271488823, 11);
    expect(r.ddf).toBeCloseTo(33.505123661531002, 9);
    expect(Math.abs(r.p / 1.6119373653184332e-8 - 1)).toBeLessThan(1e-8);
    expect(r.designDf).toBe(17);
    expect(r.areas).toBe(20);
    expect(r.types).toEqual(['deprived', 'average', 'rural']);
  });
  it('matches on the 2009 sample, NI1', async () => {
    const r = ok(areaTypeFTest(await sampleAreaTallies('wave-2009.csv', '2009', 'backgrounds_get_on')));
    expect(r.x2).toBeCloseTo(42.045645364339663, 9);
    expect(r.f).toBeCloseTo(10.753015772899216, 9);
    expect(r.ndf).toBeCloseTo(1.9504884375009013, 11);
    expect(r.ddf).toBeCloseTo(33.158303437515322, 9);
    expect(Math.abs(r.p / 0.00027752887718308114 - 1)).toBeLessThan(1e-8);
  });
  it('matches with unequal weights', () => {
    const s = ok(areaTypeFTest(fixtureAreas('rao-scott-small.csv')));
    expect(s.x2).toBeCloseTo(4.301908270336142, 9);
    expect(s.f).toBeCloseTo(2.2371617559961328, 9);
    expect(s.ndf).toBeCloseTo(1.0696642942636159, 9);
    expect(s.ddf).toBeCloseTo(3.2089928827908478, 9);
    expect(s.p).toBeCloseTo(0.22835642649814561, 9);
    expect(s.designDf).toBe(3);
    const g = ok(areaTypeFTest(fixtureAreas('rao-scott-strong.csv')));
    expect(g.f).toBeCloseTo(4.9645541666348434, 9);
    expect(g.ndf).toBeCloseTo(1.2160154203068059, 9);
    expect(g.ddf).toBeCloseTo(3.6480462609204176, 9);
    expect(g.p).toBeCloseTo(0.095107268484643584, 9);
  });
  it('leaves out areas with no data, and merges repeated area codes', async () => {
    const areas = await sampleAreaTallies('wave-2009.csv', '2009', 'belong_neighbourhood');
    const empty = { n: 0, nPos: 0, sw: 0, sw2: 0, swPos: 0, sw2Pos: 0, nNeg: 0, swNeg: 0, reasons: {} };
    const padded = [...areas, { area: 'XX-NEW', type: 'rural', tally: empty }];
    expect(ok(areaTypeFTest(padded)).f).toBeCloseTo(32.483664394132823, 9);
    // BL-BRA split into two halves by hand: 85 + 85 respondents, 57 + 58 positive
    const bra = areas[0]!;
    expect(bra.tally.n).toBe(170);
    const half = (n: number, pos: number) => ({
      n,
      nPos: pos,
      sw: n,
      sw2: n,
      swPos: pos,
      sw2Pos: pos,
      nNeg: 0,
      swNeg: 0,
      reasons: {},
    });
    const split = [...areas.slice(1), { ...bra, tally: half(85, 57) }, { ...bra, tally: half(85, 58) }];
    expect(ok(areaTypeFTest(split)).f).toBeCloseTo(32.483664394132823, 9);
  });
  it('is not run when a type has one area with data, or with one type', async () => {
    const areas = await sampleAreaTallies('wave-2009.csv', '2009', 'belong_neighbourhood');
    const oneRural = areas.filter((a) => a.type !== 'rural' || a.area === 'BL-SHA');
    const r = areaTypeFTest(oneRural);
    expect('reason' in r && r.reason).toBe('type-with-one-area');
    expect('reason' in r && r.detail).toContain('rural');
    const single = areaTypeFTest(areas.filter((a) => a.type === 'rural'));
    expect('reason' in single && single.reason).toBe('fewer-than-two-types');
    const flat = areas.map((a) => ({
      ...a,
      tally: { ...a.tally, nPos: a.tally.n, swPos: a.tally.sw, sw2Pos: a.tally.sw2 },
    }));
    expect('reason' in areaTypeFTest(flat)).toBe(true);
  });
});
