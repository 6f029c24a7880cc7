import { describe, expect, it } from 'vitest';
import { estimateCell } from '../../src/render/estimate-cell.js';
import type { Estimate } from '../../src/types/index.js';

const e = (over: Partial<Estimate>): Estimate => ({
  wave: '2009',
  groupBy: 'all',
  group: 'all',
  indicator: 'belong_neighbourhood',
  ni: 'NI2',
  domain: 'belonging',
  positive: 780,
  base: 1000,
  unweightedPositive: 780,
  unweightedBase: 1000,
  percent: 78,
  ciLow: 75.3,
  ciHigh: 80.54,
  nEff: 1000,
  deff: 1,
  flag: 'ok',
  ...over,
});

describe('estimateCell', () => {
  it('reads 78.0 (75.3–80.5)', () => {
    expect(estimateCell(e({}), { showCi: true, showBase: false })).toBe('78.0 (75.3–80.5)');
  });

  it('--no-ci hides the interval; --show-base adds the unweighted base', () => {
    expect(estimateCell(e({}), { showCi: false, showBase: false })).toBe('78.0');
    expect(estimateCell(e({ unweightedBase: 1234 }), { showCi: false, showBase: true })).toBe('78.0 n=1,234');
  });

  it('marks indicative figures with †, suppressed with *, no data with –', () => {
    expect(estimateCell(e({ flag: 'indicative', unweightedBase: 50 }), { showCi: false, showBase: false })).toBe(
      '78.0†',
    );
    expect(
      estimateCell(e({ flag: 'suppressed', percent: null, ciLow: null, ciHigh: null }), {
        showCi: true,
        showBase: false,
      }),
    ).toBe('*');
    expect(
      estimateCell(e({ flag: 'suppressed', percent: null, unweightedBase: 12 }), { showCi: true, showBase: true }),
    ).toBe('* n=12');
    expect(estimateCell(e({ flag: 'no-data', percent: null }), { showCi: true, showBase: false })).toBe('–');
    expect(estimateCell(undefined, { showCi: true, showBase: false })).toBe('–');
  });
});
