import { describe, expect, it } from 'vitest';
import { addToCells, cellGroups, createCellTable, factorLookup } from '../../src/weighting/cell-table.js';
import { parseMarginsFile } from '../../src/weighting/margins-file.js';
import { rakeGroups } from '../../src/weighting/rake-groups.js';
import { weightingReport } from '../../src/weighting/weighting-report.js';
import { AGES, readSmallCsv, rows } from './fixture.js';

/*
 * The fixture raked to the margins of fixtures/weighting/make-reference.R, through the whole chain:
 * rows → cell table → margins file → rakeGroups → report. References from R (survey 4.1.1):
 *   r <- rake(d, list(~age_band, ~sex), list(pop_age, pop_sex), control = list(maxit = 100, epsilon = 1e-12))
 *   w <- weights(r); w <- w / mean(w)
 *   sum(w)^2 / sum(w^2)            # n_eff 144.76577477900554
 *   sum(w)^2 / sum(w^2) / 200      # efficiency 0.7238288738950277
 *   200 * sum(w^2) / sum(w)^2      # deff 1.3815420136790832
 *   min(w); max(w); max(w)/min(w)  # 0.30332631129538573 3.7431158817953545 12.340228138502061
 *   sum(x$w0)^2 / sum(x$w0^2) / 200  # efficiency of the starting weights 0.92682493392873422
 */
const SHARE_AGE = [0.14, 0.16, 0.18, 0.17, 0.15, 0.11, 0.09];
const text = [
  'variable,category,share',
  ...AGES.map((a, i) => `age_band,${a},${SHARE_AGE[i]}`),
  'sex,Female,0.51',
  'sex,Male,0.49',
].join('\n');
const VARS = ['age_band', 'sex'];
const all = { kind: 'all' as const, value: 'all' };

function run(minEfficiency?: number) {
  const { margins } = parseMarginsFile(text, 'margins.csv', { variables: VARS, areas: [] });
  const table = createCellTable(VARS);
  for (const r of rows) addToCells(table, '2009', all, [r.age_band, r.sex], r.w0);
  const raked = rakeGroups(cellGroups(table), margins!, VARS, { tolerance: 1e-13, maxIter: 100 });
  const report = weightingReport(raked.groups, {
    variables: VARS,
    marginsFile: 'margins.csv',
    measure: 'share',
    tolerance: 1e-13,
    maxIter: 100,
    minEfficiency,
  });
  return { raked, report };
}

describe('the weighting chain and its report', () => {
  const { raked, report } = run();

  it('rakes the rows to R’s weights (lookup by wave, scope and cell)', () => {
    expect(raked.issues).toEqual([]);
    const factor = factorLookup(raked.groups);
    const ref = new Map(readSmallCsv('r-rake-weights.csv').map((r) => [r.id!, Number(r.weight)]));
    for (const r of rows)
      expect(Math.abs(factor('2009', all, [r.age_band, r.sex])! * r.w0 - ref.get(r.id)!)).toBeLessThan(1e-8);
  });

  it('reports efficiency, design effect and the weights as R computes them', () => {
    const g = report.groups[0]!;
    expect(report.groups).toHaveLength(1);
    expect(g.respondents).toBe(200);
    expect(g.nEff).toBeCloseTo(144.76577477900554, 7);
    expect(g.efficiency).toBeCloseTo(0.7238288738950277, 9);
    expect(g.designEffect).toBeCloseTo(1.3815420136790832, 9);
    expect(g.efficiencyBefore).toBeCloseTo(0.92682493392873422, 12);
    expect(g.weights.min).toBeCloseTo(0.30332631129538573, 8);
    expect(g.weights.max).toBeCloseTo(3.7431158817953545, 8);
    expect(g.weights.maxOverMin).toBeCloseTo(12.340228138502061, 7);
    expect(g.weights.mean).toBeCloseTo(1, 12);
    expect(g.status).toBe('converged');
  });

  it('gives target, before and after shares on a 0–100 scale', () => {
    const young = report.groups[0]!.margins.find((m) => m.category === '16-24')!;
    // R: tapply(x$w0, x$age_band, sum) / sum(x$w0) → 16-24: 0.064301552106430154
    expect(young.targetPercent).toBeCloseTo(14, 12);
    expect(young.beforePercent).toBeCloseTo(6.4301552106430154, 10);
    expect(young.afterPercent).toBeCloseTo(14, 9);
  });

  it('notes that "all" margins weight area figures to the overall profile', () => {
    expect(report.warnings.some((w) => w.includes('overall profile'))).toBe(true);
    expect(report.failures).toEqual([]);
  });

  it('fails below --min-efficiency, and only warns below 70% without it', () => {
    expect(run(0.75).report.failures[0]).toMatch(/efficiency 72\.4% is below --min-efficiency 75\.0%/);
    expect(run(0.7).report.failures).toEqual([]);
  });

  it('puts a non-converging group in the failures, with its residual margins in the text', () => {
    const { margins } = parseMarginsFile(
      'variable,category,share\nage_band,16-24,0.6\nage_band,75+,0.4\nsex,Male,0.3\nsex,Female,0.7\n',
      'bad.csv',
      { variables: VARS, areas: [] },
    );
    const table = createCellTable(VARS);
    // every 16-24 respondent is male: male ≥ 0.6 > 0.3, impossible
    for (let i = 0; i < 10; i++) addToCells(table, '2009', all, ['16-24', 'Male'], 1);
    for (let i = 0; i < 10; i++) addToCells(table, '2009', all, ['75+', 'Male'], 1);
    for (let i = 0; i < 10; i++) addToCells(table, '2009', all, ['75+', 'Female'], 1);
    const raked = rakeGroups(cellGroups(table), margins!, VARS, { tolerance: 1e-10, maxIter: 100 });
    const r = weightingReport(raked.groups, {
      variables: VARS,
      marginsFile: 'bad.csv',
      measure: 'share',
      tolerance: 1e-10,
      maxIter: 100,
    });
    expect(r.failures[0]).toMatch(/wave 2009, scope all: raking did not converge in 100 iterations/);
    // 10 of the 30 respondents are 16-24 before raking: 33.3%
    expect(r.groups[0]!.margins.find((m) => m.category === '16-24')!.beforePercent).toBeCloseTo(100 / 3, 9);
  });
});
