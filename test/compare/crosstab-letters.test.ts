import { describe, expect, it } from 'vitest';
import { columnLetter, crosstabLetters } from '../../src/compare/crosstab-letters.js';
import type { Estimate, Flag } from '../../src/types/index.js';

const cell = (row: string, col: string, percent: number, nEff: number, flag: Flag = 'ok'): Estimate => ({
  wave: '2009',
  groupBy: 'type*age_band',
  group: `${row}*${col}`,
  groups: { type: row, age_band: col },
  indicator: 'belong',
  ni: null,
  domain: 'belonging',
  positive: null,
  base: nEff,
  unweightedPositive: null,
  unweightedBase: nEff,
  percent: flag === 'suppressed' ? null : percent,
  ciLow: null,
  ciHigh: null,
  nEff,
  deff: 1,
  flag,
});

/*
 R 4.2.2: z <- function(pa, na, pb, nb) (pa - pb)/sqrt(pa*(1-pa)/na + pb*(1-pb)/nb)
   zs <- c(AB = z(.8, 100, .6, 100), AC = z(.8, 100, .7, 50), BC = z(.6, 100, .7, 50))
     → 3.1622776601683804 1.3130643285972268 -1.2309149097933270
   p <- 2*pnorm(-abs(zs))     → 0.0015654022580025438 0.18916127259520749 0.21835469056590173
   p.adjust(p, "BH")          → 0.0046962067740076319 0.21835469056590173 0.21835469056590173
   p.adjust(p, "holm")        → 0.0046962067740076319 0.37832254519041497 0.37832254519041497
 The suppressed 16-24 cell is not compared, so the family is 3 tests, not 6.
*/
const rural = [
  cell('rural', '16-24', 50, 20, 'suppressed'),
  cell('rural', '25-34', 80, 100),
  cell('rural', '35-44', 60, 100),
  cell('rural', '45-54', 70, 50, 'indicative'),
];

describe('crosstabLetters', () => {
  it("pairwise z on n_eff within a row, BH over the row's k(k − 1)/2 tests; suppressed cells left out", () => {
    const { tests, columns } = crosstabLetters(rural, 'type*age_band', { alpha: 0.05, adjust: 'bh' });
    expect(columns).toEqual({ '16-24': 'A', '25-34': 'B', '35-44': 'C', '45-54': 'D' });
    expect(tests).toHaveLength(3);
    const [bc, bd, cd] = tests;
    expect(bc).toMatchObject({ row: 'rural', a: '25-34', b: '35-44', familySize: 3, significant: true });
    expect(bc!.diffPp).toBeCloseTo(20, 10);
    expect(bc!.z).toBeCloseTo(3.1622776601683804, 10);
    expect(bc!.p).toBeCloseTo(0.0015654022580025438, 14);
    expect(bc!.pAdjusted).toBeCloseTo(0.0046962067740076319, 14);
    expect(bd!.z).toBeCloseTo(1.3130643285972268, 10);
    expect(bd!.pAdjusted).toBeCloseTo(0.21835469056590173, 12);
    expect(cd!.z).toBeCloseTo(-1.230914909793327, 10);
    expect(cd!.pAdjusted).toBeCloseTo(0.21835469056590173, 12);
    expect(tests.filter((t) => t.significant)).toHaveLength(1);
    const holm = crosstabLetters(rural, 'type*age_band', { alpha: 0.05, adjust: 'holm' }).tests;
    expect(holm[1]!.pAdjusted).toBeCloseTo(0.37832254519041497, 12);
  });

  it('each row is its own family', () => {
    const two = [...rural, cell('deprived', '25-34', 40, 100), cell('deprived', '35-44', 45, 100)];
    const { tests } = crosstabLetters(two, 'type*age_band', { alpha: 0.05, adjust: 'bh' });
    expect(tests.filter((t) => t.row === 'deprived')).toHaveLength(1);
    expect(tests.find((t) => t.row === 'deprived')!.familySize).toBe(1);
  });

  it('letters run A … Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
