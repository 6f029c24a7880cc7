import { describe, expect, it } from 'vitest';
import { rakeCells } from '../../src/weighting/rake-cells.js';
import type { Margin, RakingCell } from '../../src/weighting/types.js';
import { AGES, fixtureCells, readSmallCsv, rows } from './fixture.js';

/*
 * References: fixtures/weighting/make-reference.R (R 4, survey 4.1.1), which wrote raking-200.csv and
 * R's weights (scaled to mean 1) to the r-*.csv files. The calls:
 *
 *   d <- svydesign(ids = ~1, weights = ~w0, data = x)
 *   r <- rake(d, list(~age_band, ~sex), list(pop_age, pop_sex), control = list(maxit = 100, epsilon = 1e-12))
 *   # pop_age$Freq = share_age * sum(x$w0), pop_sex$Freq = share_sex * sum(x$w0)
 *   svymean(~I(y == 1), r)                                  # TRUE: 0.49123425378048813
 *
 *   pop <- c(`(Intercept)` = N, age_band25-34 = share_age[2] * N, ..., sexMale = share_sex[2] * N)   # N = sum(w0)
 *   cb <- calibrate(d, ~age_band + sex, pop, calfun = "raking", bounds = c(lo, hi), maxit = 100, epsilon = 1e-13)
 *   case A: shares below, bounds c(0.1, 2.2): 0 at lower, 3 at upper;  svymean TRUE 0.49738022907289586
 *   case B: share_age_b, share_sex_b, bounds c(0.75, 1.5): 22 at lower, 3 at upper; svymean TRUE 0.5522927169224815
 *   calibrate(d, ~age_band + sex, pop, calfun = "raking", bounds = c(0.95, 1.05), maxit = 100)  # "Calibration failed"
 */
const SHARE_AGE = [0.14, 0.16, 0.18, 0.17, 0.15, 0.11, 0.09];
const SHARE_SEX = [0.51, 0.49];
const SHARE_AGE_B = [0.08, 0.11, 0.12, 0.18, 0.19, 0.18, 0.14];
const SHARE_SEX_B = [0.52, 0.48];

function margins(age: number[], sex: number[]): Margin[] {
  return [
    ...AGES.map((category, i) => ({ variable: 'age_band', category, share: age[i]! })),
    { variable: 'sex', category: 'Female', share: sex[0]! },
    { variable: 'sex', category: 'Male', share: sex[1]! },
  ];
}

const { cells, sumW0Y, cellOf } = fixtureCells();
const VARS = ['age_band', 'sex'];

function expectWeightsEqualR(factors: number[], file: string): void {
  const ref = new Map(readSmallCsv(file).map((r) => [r.id!, Number(r.weight)]));
  let worst = 0;
  for (const r of rows) worst = Math.max(worst, Math.abs(factors[cellOf(r)]! * r.w0 - ref.get(r.id)!));
  expect(rows).toHaveLength(200);
  expect(worst).toBeLessThan(1e-8);
}

function estimate(factors: number[]): number {
  // Σw·y / Σw from the cell sums: Σ f·Σw0·y / Σ f·Σw0
  const num = factors.reduce((s, f, c) => s + f * sumW0Y[c]!, 0);
  const den = factors.reduce((s, f, c) => s + f * cells[c]!.sumW0, 0);
  return num / den;
}

describe('rakeCells without bounds (IPF) matches R survey::rake', () => {
  const r = rakeCells(VARS, cells, margins(SHARE_AGE, SHARE_SEX), { tolerance: 1e-13, maxIter: 100 });

  it('converges', () => {
    expect(r.converged).toBe(true);
    expect(r.status).toBe('converged');
    expect(r.method).toBe('ipf');
    expect(r.maxError).toBeLessThan(1e-13);
    expect(r.iterations).toBeGreaterThan(1);
  });

  it('gives R’s weights to 1e-8 (both scaled to mean 1)', () => {
    expectWeightsEqualR(r.factors, 'r-rake-weights.csv');
  });

  it('gives svymean(~I(y == 1), r) to 1e-9 from the cell factors', () => {
    expect(Math.abs(estimate(r.factors) - 0.49123425378048813)).toBeLessThan(1e-9);
  });

  it('scales the weights to mean 1, or to a count total', () => {
    const sum = r.factors.reduce((s, f, c) => s + f * cells[c]!.sumW0, 0);
    expect(sum).toBeCloseTo(200, 9);
    const counted = rakeCells(VARS, cells, margins(SHARE_AGE, SHARE_SEX), {
      tolerance: 1e-13,
      maxIter: 100,
      total: 52000,
    });
    expect(counted.factors.reduce((s, f, c) => s + f * cells[c]!.sumW0, 0)).toBeCloseTo(52000, 6);
  });

  it('reports before and after shares: after = target', () => {
    const young = r.margins.find((m) => m.category === '16-24')!;
    // R: tapply(x$w0, x$age_band, sum) / sum(x$w0) → 16-24: 0.064301552106430154
    expect(young.before).toBeCloseTo(0.064301552106430154, 12);
    expect(young.after).toBeCloseTo(0.14, 12);
    expect(young.target).toBe(0.14);
  });
});

describe('rakeCells with bounds matches R calibrate(calfun = "raking", bounds)', () => {
  it('case A: bounds c(0.1, 2.2), the upper bound binds for 3 respondents', () => {
    const r = rakeCells(VARS, cells, margins(SHARE_AGE, SHARE_SEX), {
      tolerance: 1e-13,
      maxIter: 100,
      bounds: [0.1, 2.2],
    });
    expect(r.converged).toBe(true);
    expect(r.method).toBe('bounded-raking');
    expect(r.atBound).toBe(3);
    expectWeightsEqualR(r.factors, 'r-calibrate-case-A.csv');
    expect(Math.abs(estimate(r.factors) - 0.49738022907289586)).toBeLessThan(1e-9);
  });

  it('case B: bounds c(0.75, 1.5), 22 respondents at the lower bound and 3 at the upper', () => {
    const r = rakeCells(VARS, cells, margins(SHARE_AGE_B, SHARE_SEX_B), {
      tolerance: 1e-13,
      maxIter: 100,
      bounds: [0.75, 1.5],
    });
    expect(r.converged).toBe(true);
    expect(r.atBound).toBe(25);
    const ref = new Map(readSmallCsv('r-calibrate-case-B.csv').map((x) => [x.id!, Number(x.g)]));
    for (const row of rows) expect(Math.abs(r.g[cellOf(row)]! - ref.get(row.id)!)).toBeLessThan(1e-8);
    expectWeightsEqualR(r.factors, 'r-calibrate-case-B.csv');
    expect(Math.abs(estimate(r.factors) - 0.5522927169224815)).toBeLessThan(1e-9);
  });

  it('bounds that do not bind give the unbounded raking (R rake) weights', () => {
    // the unbounded g lie in [0.4275, 3.065] (R: range(weights(r) / x$w0 * sum(x$w0) / sum(weights(r))))
    const r = rakeCells(VARS, cells, margins(SHARE_AGE, SHARE_SEX), {
      tolerance: 1e-13,
      maxIter: 100,
      bounds: [0.3, 5],
    });
    expect(r.converged).toBe(true);
    expect(r.atBound).toBe(0);
    expectWeightsEqualR(r.factors, 'r-rake-weights.csv');
  });

  it('solves a case where every cell of a category sits at a bound on the way (R calibrate fails)', () => {
    // fixtures/weighting/make-reference-boundary.R: lp(...) status 0 (a solution exists); R's calibrate() fails.
    // At the solution only 25-34 Male is at 2.5; the rest is rake(d, list(~age, ~sex), …) of the 13 free
    // cells to the margins less that cell, control = list(maxit = 100, epsilon = 1e-13):
    const ages = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
    const n = { Female: [8, 7, 18, 15, 17, 11, 13], Male: [6, 2, 10, 11, 14, 10, 9] };
    const expected = {
      Female: [
        1.06520014426776322, 2.19354285714274289, 0.86439900307714346, 0.77337688405729732, 0.65490992791407032,
        0.72287749950830593, 0.55544940465231363,
      ],
      Male: [
        1.62741647430967062, 2.5, 1.32063179446113832, 1.18156788537642687, 1.0005736589615033, 1.104414750540887,
        0.84861752661333267,
      ],
    };
    const boundaryCells: RakingCell[] = (['Female', 'Male'] as const).flatMap((sex) =>
      ages.map((age, i) => ({
        key: [age, sex],
        count: n[sex][i]!,
        sumW0: n[sex][i]!,
        sumW02: n[sex][i]!,
        minW0: 1,
        maxW0: 1,
      })),
    );
    const m: Margin[] = [
      ...ages.map((category, i) => ({
        variable: 'age_band',
        category,
        share: [0.1211, 0.1348, 0.1905, 0.1629, 0.1665, 0.1258, 0.0984][i]!,
      })),
      { variable: 'sex', category: 'Male', share: 0.4878 },
      { variable: 'sex', category: 'Female', share: 0.5122 },
    ];
    const r = rakeCells(VARS, boundaryCells, m, { tolerance: 1e-13, maxIter: 100, bounds: [0.5, 2.5] });
    expect(r.converged).toBe(true);
    expect(r.atBound).toBe(2);
    (['Female', 'Male'] as const).forEach((sex, j) =>
      ages.forEach((_, i) => expect(Math.abs(r.g[j * 7 + i]! - expected[sex][i]!)).toBeLessThan(1e-9)),
    );
  });

  it('says so when no solution exists within the bounds (R: "Calibration failed")', () => {
    const r = rakeCells(VARS, cells, margins(SHARE_AGE, SHARE_SEX), {
      tolerance: 1e-10,
      maxIter: 100,
      bounds: [0.95, 1.05],
    });
    expect(r.converged).toBe(false);
    expect(r.status).toBe('infeasible-bounds');
    // 16-24: 0.14 / 0.064301552106430154 = 2.177 > 1.05 (by hand)
    expect(r.message).toContain('age_band 16-24 needs g = 2.18');
  });
});

describe('rakeCells on impossible margins', () => {
  // Every 16-24 respondent is male, so male ≥ 16-24 = 0.6 > 0.3: no weights can meet both margins.
  const cell = (key: string[], sumW0: number): RakingCell => ({
    key,
    count: sumW0,
    sumW0,
    sumW02: sumW0,
    minW0: 1,
    maxW0: 1,
  });
  const impossible = [cell(['16-24', 'Male'], 10), cell(['75+', 'Male'], 10), cell(['75+', 'Female'], 10)];
  const m: Margin[] = [
    { variable: 'age_band', category: '16-24', share: 0.6 },
    { variable: 'age_band', category: '75+', share: 0.4 },
    { variable: 'sex', category: 'Male', share: 0.3 },
    { variable: 'sex', category: 'Female', share: 0.7 },
  ];

  it('does not converge, and reports the residual margins', () => {
    const r = rakeCells(VARS, impossible, m, { tolerance: 1e-10, maxIter: 100 });
    expect(r.converged).toBe(false);
    expect(r.status).toBe('not-converged');
    expect(r.iterations).toBe(100);
    expect(r.message).toMatch(/did not converge in 100 iterations/);
    // the last step fits sex exactly, so the residual sits on age_band: at least 0.6 − 0.3 = 0.3 (by hand)
    const young = r.margins.find((x) => x.category === '16-24')!;
    expect(young.after).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(r.maxError).toBeGreaterThanOrEqual(0.3 - 1e-12);
  });

  it('does not converge with bounds either', () => {
    const r = rakeCells(VARS, impossible, m, { tolerance: 1e-10, maxIter: 100, bounds: [0.01, 100] });
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/no solution found within the bounds/);
  });

  it('a hand-checked case: one variable, w0 totals 1 and 3, targets ½ and ½ → g = 2 and ⅔', () => {
    const r = rakeCells(
      ['sex'],
      [cell(['Male'], 1), cell(['Female'], 3)],
      m.slice(2).map((x) => ({ ...x, share: 0.5 })),
      {
        tolerance: 1e-12,
        maxIter: 10,
      },
    );
    expect(r.g[0]).toBeCloseTo(2, 12);
    expect(r.g[1]).toBeCloseTo(2 / 3, 12);
    expect(r.iterations).toBe(1);
  });
});
