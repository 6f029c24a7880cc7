import { describe, expect, it } from 'vitest';
import { describeRule } from '../../src/render/describe-tag-rule.js';
import { tagRule } from '../helpers/tag-rule.js';

const rule = tagRule;

describe('describeRule', () => {
  it('deciles, by residents', () => {
    expect(describeRule(rule())).toEqual([
      "rural: rural LSOAs (RUC 2011 classes D1, D2, E1, E2) hold more than half of the area's residents (population " +
        'column)',
      "deprived: more than half of the area's residents (population column) live in LSOAs in IMD 2019 deciles 1–2 " +
        '(the most deprived 20%)',
      'average: neither',
      'both: rural wins over deprived (--precedence rural,deprived)',
    ]);
  });

  it('ranks, by LSOA count, RUC 2021, the other precedence', () => {
    const r = describeRule(
      rule({
        share: 0.15,
        weighting: 'lsoas',
        rucEdition: 'RUC 2021',
        precedence: ['deprived', 'rural'],
        criterion: { kind: 'rank', maxRank: 4926, nationalCount: 32844, countSource: 'option' },
      }),
    );
    expect(r[0]).toBe(
      'rural: rural LSOAs (RUC 2021 classes "Larger rural: …" and "Smaller rural: …") hold more than half of the ' +
        "area's LSOAs (no population column: each LSOA counts once)",
    );
    expect(r[1]).toBe(
      "deprived: more than half of the area's LSOAs (no population column: each LSOA counts once) have IMD 2019 " +
        'rank ≤ 4,926 (the most deprived 15% of 32,844 LSOAs nationally, from --lsoa-count)',
    );
    expect(r[3]).toBe('both: deprived wins over rural (--precedence deprived,rural)');
  });

  it('mean-rank with the count from the national file', () => {
    const r = describeRule(
      rule({
        method: 'mean-rank',
        criterion: { kind: 'mean-rank', threshold: 6568.8, nationalCount: 32844, countSource: 'file' },
      }),
    );
    expect(r[1]).toBe(
      "deprived: the population-weighted mean IMD 2019 rank of the area's LSOAs is ≤ 6,568.8 (the most deprived 20% " +
        'of 32,844 LSOAs nationally, from the national IMD file; --imd-method mean-rank)',
    );
  });
});
