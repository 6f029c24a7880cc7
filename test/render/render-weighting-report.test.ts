import { describe, expect, it } from 'vitest';
import { renderWeightingReport } from '../../src/render/render-weighting-report.js';
import type { WeightingReport, WeightingReportGroup } from '../../src/types/index.js';

// The figures are those of test/weighting/weighting-report.test.ts, which R's rake() reproduces; here only their
// layout is checked: the summary row, the margins in full, and a failed group shown in full even in the summary.
const converged: WeightingReportGroup = {
  wave: '2009',
  scope: 'all',
  respondents: 200,
  method: 'ipf',
  status: 'converged',
  message: null,
  iterations: 7,
  largestMarginError: 3.2e-14,
  weights: { min: 0.30332631129538573, max: 3.7431158817953545, maxOverMin: 12.340228138502061, mean: 1 },
  nEff: 144.76577477900554,
  efficiency: 0.7238288738950277,
  designEffect: 1.3815420136790832,
  efficiencyBefore: 0.92682493392873422,
  bounds: null,
  atBound: 0,
  margins: [
    { variable: 'age_band', category: '16-24', targetPercent: 14, beforePercent: 6.4301552106430154, afterPercent: 14 },
  ],
};
const report: WeightingReport = {
  variables: ['age_band', 'sex'],
  marginsFile: 'margins.csv',
  measure: 'share',
  tolerance: 1e-13,
  maxIter: 100,
  bounds: null,
  minEfficiency: null,
  groups: [converged],
  failures: [],
  warnings: ['only "all" margins: area, district and type figures are weighted to the overall profile'],
};

describe('renderWeightingReport', () => {
  it('gives one summary row per wave and scope, and the margins only in full', () => {
    const summary = renderWeightingReport(report);
    expect(summary).toContain('raked on age_band, sex to margins.csv (shares); iterative proportional fitting');
    // 0.303 and 3.743 to 3 decimals, max/min 12.34, efficiency 72.4%, deff 1.38
    expect(summary).toMatch(
      /2009\s+all\s+200\s+7\s+3\.2e-14\s+0\.303\s+3\.743\s+12\.34\s+1\.000\s+72\.4%\s+1\.38\s+0\s+converged/,
    );
    expect(summary).not.toContain('target %');
    expect(summary).toMatch(/\nwarning: only "all" margins/);
    const full = renderWeightingReport(report, 'full');
    // 6.43…% before rounds to 6.4; the error after is 0.00 points
    expect(full).toMatch(/age_band\s+16-24\s+14\.0\s+6\.4\s+14\.0\s+0\.00/);
  });

  it('shows a group that did not converge in full, and ends with its error line', () => {
    const failed: WeightingReportGroup = {
      ...converged,
      status: 'not-converged',
      message: 'raking did not converge in 100 iterations',
      margins: [
        { variable: 'age_band', category: '16-24', targetPercent: 60, beforePercent: 100 / 3, afterPercent: 45.5 },
      ],
    };
    const text = renderWeightingReport({ ...report, groups: [failed], failures: ['wave 2009, scope all: no'] });
    expect(text).toContain('wave 2009, scope all: raking did not converge in 100 iterations');
    // after − target = 45.5 − 60 = −14.50 points
    expect(text).toMatch(/age_band\s+16-24\s+60\.0\s+33\.3\s+45\.5\s+-14\.50/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('error: wave 2009, scope all: no');
  });
});
