import { describe, expect, it } from 'vitest';
import type { AreaEvidence } from '../../src/tag/tag-settings.js';
import { tagRule } from '../helpers/tag-rule.js';
import { typeSource } from '../../src/tag/type-source.js';

const e: AreaEvidence = {
  lsoas: 3,
  weight: 4500,
  ruralLsoas: 0,
  ruralWeight: 0,
  deprivedLsoas: 3,
  deprivedWeight: 4500,
  meanRank: undefined,
};
const rule = tagRule;
const base = { code: 'X', name: 'X', district: 'D' };

describe('typeSource', () => {
  it('the issue example, with residents', () => {
    expect(typeSource({ ...base, type: 'deprived', rural: false, deprived: true, evidence: e }, rule())).toBe(
      'deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 deciles 1–2; ' +
        '0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
  });

  it('decile 1 alone; LSOA counts without population', () => {
    expect(
      typeSource(
        { ...base, type: 'deprived', rural: false, deprived: true, evidence: e },
        rule({ share: 0.1, weighting: 'lsoas', criterion: { kind: 'decile', maxDecile: 1 } }),
      ),
    ).toBe('deprived: 3 of 3 LSOAs in IMD 2019 decile 1; 0 of 3 LSOAs rural (RUC 2011)');
  });

  it('rank rule with a fractional percentage', () => {
    const r = rule({
      share: 0.125,
      criterion: { kind: 'rank', maxRank: 4105, nationalCount: 32844, countSource: 'option' },
    });
    expect(typeSource({ ...base, type: 'deprived', rural: false, deprived: true, evidence: e }, r)).toBe(
      'deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in the most deprived 12.5% of IMD 2019 ranks ' +
        '(rank ≤ 4,105 of 32,844); 0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
  });

  it('rural first when rural decided; both names the precedence', () => {
    const both: AreaEvidence = { ...e, ruralLsoas: 3, ruralWeight: 4500 };
    expect(typeSource({ ...base, type: 'rural', rural: true, deprived: true, evidence: both }, rule())).toBe(
      'rural (also deprived; --precedence rural,deprived): ' +
        '4,500 of 4,500 residents (3 of 3 LSOAs) rural (RUC 2011); ' +
        '4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 deciles 1–2',
    );
    expect(
      typeSource(
        { ...base, type: 'deprived', rural: true, deprived: true, evidence: both },
        rule({ precedence: ['deprived', 'rural'] }),
      ),
    ).toMatch(
      /^deprived \(also rural; --precedence deprived,rural\): 4,500 of 4,500 residents \(3 of 3 LSOAs\) in IMD 2019/,
    );
  });

  it('mean-rank, unweighted, average', () => {
    const m: AreaEvidence = { ...e, deprivedLsoas: 0, deprivedWeight: 0, meanRank: 10050 };
    const r = rule({
      method: 'mean-rank',
      weighting: 'lsoas',
      criterion: { kind: 'mean-rank', threshold: 6568.8, nationalCount: 32844, countSource: 'file' },
    });
    expect(typeSource({ ...base, type: 'average', rural: false, deprived: false, evidence: m }, r)).toBe(
      'average (neither rural nor deprived): ' +
        'mean (over 3 LSOAs) IMD 2019 rank 10,050 > 6,568.8 (the most deprived 20% of 32,844); ' +
        '0 of 3 LSOAs rural (RUC 2011)',
    );
  });
});
