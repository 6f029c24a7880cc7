import { describe, expect, it } from 'vitest';
import { emptyTally, mergeTallies } from '../../src/aggregate/tally.js';
import type { Tally } from '../../src/types/index.js';
import { areaWeightFactors, type AreaWeightCell } from '../../src/weighting/area-weights.js';
import { scaleTally } from '../../src/weighting/scale-tally.js';

/*
 A made-up survey: 2 waves, 3 areas, starting weights g, a 0/1 outcome. R 4.2.2, survey 4.1.1:
   library(survey); options(digits = 17)
   d <- data.frame(
     wave = rep(c("2006", "2009"), c(14, 13)),
     area = c("A","A","A","A","A","B","B","B","B","C","C","C","C","C",
              "A","A","A","B","B","B","B","B","C","C","C","C","C"),
     g    = c(1,1.2,0.8,1,1.5, 0.7,1.1,1,1.3, 1,0.9,1.4,1,0.6,  1.2,1,0.8, 1,1,0.9,1.6,0.5, 1.1,1,1.3,0.7,1),
     y    = c(1,0,1,1,0, 1,1,0,1, 0,0,1,0,0,  1,1,0, 1,0,1,1,1, 0,1,0,0,1))
   Na <- c(A = 1200, B = 5400, C = 800); d$N_a <- Na[d$area]
   d$w <- d$N_a / ave(rep(1, nrow(d)), d$wave, d$area, FUN = sum)
   des <- svydesign(ids = ~1, strata = ~interaction(wave, area), weights = ~w, data = d)
   100 * coef(svymean(~y, des))      → 70.067567567567565
   svyby(~y, ~wave, des, svymean)    → 2006 0.66621621621621618, 2009 0.73513513513513518
   unique(d[, c("wave", "area", "w")])  → 2006: A 240, B 1350, C 160; 2009: A 400, B 1080, C 160
   d$w <- d$g * d$N_a / ave(d$g, d$wave, d$area, FUN = sum)     (same design and calls)
   100 * coef(svymean(~y, des))      → 70.514411073951962
   svyby(~y, ~wave, des, svymean)    → 2006 0.66519018226335302, 2009 0.74509803921568629
*/
const wave = [...Array(14).fill('2006'), ...Array(13).fill('2009')] as string[];
const area = 'AAAAABBBBCCCCC' + 'AAABBBBBCCCCC';
const g = [
  1, 1.2, 0.8, 1, 1.5, 0.7, 1.1, 1, 1.3, 1, 0.9, 1.4, 1, 0.6, 1.2, 1, 0.8, 1, 1, 0.9, 1.6, 0.5, 1.1, 1, 1.3, 0.7, 1,
];
const y = [1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1];
const population = new Map([
  ['A', 1200],
  ['B', 5400],
  ['C', 800],
]);

/** Tallies per (wave, area) of the rows, with starting weights g (or 1). */
function tallies(unit: boolean): Map<string, { wave: string; area: string; tally: Tally }> {
  const out = new Map<string, { wave: string; area: string; tally: Tally }>();
  y.forEach((yi, i) => {
    const key = `${wave[i]}/${area[i]}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { wave: wave[i]!, area: area[i]!, tally: emptyTally() }));
    const w = unit ? 1 : g[i]!;
    const t = e.tally;
    t.n += 1;
    t.sw += w;
    t.sw2 += w * w;
    if (yi === 1) {
      t.nPos += 1;
      t.swPos += w;
      t.sw2Pos += w * w;
    }
  });
  return out;
}

/** Percent positive under the area weights, pooled over the waves given. */
function pooled(unit: boolean, waves: string[]): number {
  const ts = [...tallies(unit).values()];
  const cells: AreaWeightCell[] = ts.map((e) => ({ wave: e.wave, area: e.area, sumW: e.tally.sw }));
  const r = areaWeightFactors(cells, population);
  if (!r.factors) throw new Error(r.problem);
  const merged = ts
    .filter((e) => waves.includes(e.wave))
    .map((e) => scaleTally(e.tally, r.factors.get(e.wave)!.get(e.area)!))
    .reduce(mergeTallies, emptyTally());
  return (100 * merged.swPos) / merged.sw;
}

describe('areaWeightFactors', () => {
  it('gives N_a / Σg per wave and area', () => {
    const cells = [...tallies(true).values()].map((e) => ({ wave: e.wave, area: e.area, sumW: e.tally.sw }));
    const r = areaWeightFactors(cells, population);
    // R: unique(d[, c("wave", "area", "w")]) with unit g
    expect(r.factors?.get('2006')?.get('A')).toBeCloseTo(240, 12);
    expect(r.factors?.get('2006')?.get('B')).toBeCloseTo(1350, 12);
    expect(r.factors?.get('2009')?.get('A')).toBeCloseTo(400, 12);
    expect(r.factors?.get('2009')?.get('B')).toBeCloseTo(1080, 12);
    expect(r.factors?.get('2009')?.get('C')).toBeCloseTo(160, 12);
  });
  it('adds cells of one (wave, area) that split it by profile', () => {
    const r = areaWeightFactors(
      [
        { wave: '1', area: 'A', sumW: 2 },
        { wave: '1', area: 'A', sumW: 3 },
        { wave: '1', area: 'B', sumW: 4 },
      ],
      population,
    );
    expect(r.factors?.get('1')?.get('A')).toBe(1200 / 5); // by hand: 1200 / (2 + 3)
    expect(r.factors?.get('1')?.get('B')).toBe(5400 / 4);
  });
  it("scaled tallies give R's pooled percentage, unit starting weights", () => {
    expect(Math.abs(pooled(true, ['2006', '2009']) - 70.067567567567565)).toBeLessThan(1e-9);
    expect(Math.abs(pooled(true, ['2006']) - 66.621621621621618)).toBeLessThan(1e-9);
    expect(Math.abs(pooled(true, ['2009']) - 73.513513513513518)).toBeLessThan(1e-9);
  });
  it("scaled tallies give R's pooled percentage, unequal starting weights", () => {
    expect(Math.abs(pooled(false, ['2006', '2009']) - 70.514411073951962)).toBeLessThan(1e-9);
    expect(Math.abs(pooled(false, ['2006']) - 66.519018226335302)).toBeLessThan(1e-9);
    expect(Math.abs(pooled(false, ['2009']) - 74.509803921568629)).toBeLessThan(1e-9);
  });
  it('names an area with returns but no population, and gives no factors', () => {
    const r = areaWeightFactors(
      [
        { wave: '2009', area: 'A', sumW: 3 },
        { wave: '2009', area: 'D', sumW: 2 },
      ],
      population,
    );
    expect(r.factors).toBeUndefined();
    expect(r.problem).toContain('D');
    expect(r.areas).toEqual(['D']);
    const zero = areaWeightFactors([{ wave: '2009', area: 'A', sumW: 0 }], population);
    expect(zero.areas).toEqual(['A']);
  });
});
