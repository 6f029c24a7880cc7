import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { deprivationCriterion, wholeTenths } from '../../src/tag/deprivation-criterion.js';
import { readSmallCsv } from '../../src/io/small-csv.js';
import { readImd } from '../../src/tag/read-imd.js';
import { fixture } from './fixture.js';
import { writeNationalImd } from './national.js';

const imdOf = (path: string) => {
  const r = readImd(readSmallCsv(path, 'IMD'));
  if (!r.value) throw new Error('fixture not read');
  return r.value;
};
const extract = imdOf(fixture('imd2019-file7.csv'));
const legacy = imdOf(fixture('imd2010-legacy.csv'));
const national = imdOf(writeNationalImd(32844));

describe('wholeTenths', () => {
  it('0.2 → 2, 0.3 → 3 despite 0.3 × 10 = 3.0000000000000004, 1 → 10; 0.15 and 0.25 are not tenths', () => {
    expect(wholeTenths(0.2)).toBe(2);
    expect(wholeTenths(0.3)).toBe(3);
    expect(wholeTenths(0.7)).toBe(7);
    expect(wholeTenths(1)).toBe(10);
    expect(wholeTenths(0.15)).toBeUndefined();
    expect(wholeTenths(0.25)).toBeUndefined();
  });
});

describe('deprivationCriterion', () => {
  it('deciles when the file has them and the share is whole tenths (0.3 → deciles 1–3)', () => {
    expect(deprivationCriterion(extract, 0.3, 'majority', undefined)).toEqual({
      criterion: { kind: 'decile', maxDecile: 3 },
      warnings: [],
    });
  });

  it('an unused --lsoa-count is warned about', () => {
    expect(deprivationCriterion(extract, 0.2, 'majority', 32844).warnings).toEqual([
      '--lsoa-count 32844 is not used: the IMD deciles decide (--deprived-share 0.2 is a whole number of tenths)',
    ]);
  });

  it('ranks, with the count from a national file: 0.15 × 32,844 = 4,926.6 → 4,926', () => {
    expect(deprivationCriterion(national, 0.15, 'majority', undefined).criterion).toEqual({
      kind: 'rank',
      maxRank: 4926,
      nationalCount: 32844,
      countSource: 'file',
    });
  });

  it(
    'ranks with --lsoa-count for an extract; ' +
      '0.29 × 100000 = 28999.999999999996 in binary still gives rank ≤ 29000',
    () => {
      expect(deprivationCriterion(extract, 0.29, 'majority', 32844).criterion).toEqual({
        kind: 'rank',
        maxRank: 9524,
        nationalCount: 32844,
        countSource: 'option',
      }); // 0.29 × 32844 = 9524.76
      // 0.29 × 40000 = 11600 exactly
      expect(deprivationCriterion(extract, 0.29, 'majority', 40000).criterion).toMatchObject({ maxRank: 11600 });
      // node -e "console.log(0.29*100000)" → 28999.999999999996
      expect(deprivationCriterion(legacy, 0.29, 'majority', 100000).criterion).toMatchObject({ maxRank: 29000 });
    },
  );

  it('mean-rank: threshold share × N, unrounded (0.2 × 32,844 = 6,568.8)', () => {
    const c = deprivationCriterion(national, 0.2, 'mean-rank', undefined).criterion;
    expect(c.kind).toBe('mean-rank');
    if (c.kind === 'mean-rank') expect(c.threshold).toBeCloseTo(6568.8, 9);
  });

  it('usage errors: no national count, a contradicting count, a count below the highest rank', () => {
    expect(() => deprivationCriterion(extract, 0.2, 'mean-rank', undefined)).toThrow(UsageError);
    expect(() => deprivationCriterion(extract, 0.2, 'mean-rank', undefined)).toThrow(
      /--imd-method mean-rank needs the national number of LSOAs/,
    );
    expect(() => deprivationCriterion(national, 0.15, 'majority', 30000)).toThrow(
      /--lsoa-count 30000 contradicts the IMD file .* which is national with 32,844 LSOAs/,
    );
    expect(() => deprivationCriterion(extract, 0.15, 'majority', 30000)).toThrow(
      /--lsoa-count 30000 is below the highest rank in the IMD file .* \(31000\)/,
    );
  });
});
