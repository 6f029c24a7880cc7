import { describe, expect, it } from 'vitest';
import type { ImdEntry } from '../../src/tag/read-imd.js';
import type { Neighbourhood } from '../../src/tag/read-neighbourhoods.js';
import type { RucEntry } from '../../src/tag/read-ruc.js';
import { tagArea } from '../../src/tag/tag-area.js';
import { tagRule } from '../helpers/tag-rule.js';

// Four LSOAs: a rural and deprived, b rural, c deprived, d neither.
const imd = new Map<string, ImdEntry>([
  ['E01000001', { rank: 100, decile: 1, score: undefined, line: 2 }],
  ['E01000002', { rank: 20000, decile: 7, score: undefined, line: 3 }],
  ['E01000003', { rank: 3000, decile: 1, score: undefined, line: 4 }],
  ['E01000004', { rank: 30000, decile: 10, score: undefined, line: 5 }],
]);
const ruc = new Map<string, RucEntry>([
  ['E01000001', { rural: true, classCode: 'E1', line: 2 }],
  ['E01000002', { rural: true, classCode: 'D1', line: 3 }],
  ['E01000003', { rural: false, classCode: 'C1', line: 4 }],
  ['E01000004', { rural: false, classCode: 'C1', line: 5 }],
]);
const area = (lsoas: Array<[string, number | undefined]>): Neighbourhood => ({
  code: 'X',
  name: 'X',
  district: 'D',
  line: 2,
  lsoas: lsoas.map(([lsoa, population], i) => ({ lsoa, population, line: i + 2 })),
});
const rule = tagRule;

describe('tagArea', () => {
  it('rural: rural LSOAs hold more than half the residents (600 + 500 of 1,500)', () => {
    const d = tagArea(
      area([
        ['E01000001', 600],
        ['E01000002', 500],
        ['E01000004', 400],
      ]),
      imd,
      ruc,
      rule(),
    );
    // rural 1100/1500 > half; deprived (decile ≤ 2) only a: 600/1500 → not
    expect(d).toMatchObject({ type: 'rural', rural: true, deprived: false });
    expect(d.evidence).toEqual({
      lsoas: 3,
      weight: 1500,
      ruralLsoas: 2,
      ruralWeight: 1100,
      deprivedLsoas: 1,
      deprivedWeight: 600,
      meanRank: undefined,
    });
  });

  it('exactly half is not a majority', () => {
    // rural b 500 of 1000; deprived c 500 of 1000 → average
    expect(
      tagArea(
        area([
          ['E01000002', 500],
          ['E01000003', 500],
        ]),
        imd,
        ruc,
        rule(),
      ).type,
    ).toBe('average');
  });

  it('both: the first of --precedence wins', () => {
    // a alone: rural and decile 1
    expect(tagArea(area([['E01000001', 800]]), imd, ruc, rule()).type).toBe('rural');
    expect(tagArea(area([['E01000001', 800]]), imd, ruc, rule({ precedence: ['deprived', 'rural'] })).type).toBe(
      'deprived',
    );
  });

  it('population decides over the LSOA count', () => {
    // c is 1 LSOA of 3 but holds 2,000 of 2,600 residents → deprived; by count 1 of 3 → not
    const lsoas: Array<[string, number | undefined]> = [
      ['E01000003', 2000],
      ['E01000004', 300],
      ['E01000002', 300],
    ];
    expect(tagArea(area(lsoas), imd, ruc, rule()).type).toBe('deprived');
    expect(tagArea(area(lsoas.map(([c]) => [c, undefined])), imd, ruc, rule({ weighting: 'lsoas' })).type).toBe(
      'average',
    );
  });

  it('rank criterion: rank ≤ maxRank', () => {
    // maxRank 2999: c (3000) misses, a (100) counts → a 100 of 300 residents, c 200 → not deprived
    const r = rule({ criterion: { kind: 'rank', maxRank: 2999, nationalCount: 32844, countSource: 'option' } });
    expect(
      tagArea(
        area([
          ['E01000001', 100],
          ['E01000003', 200],
        ]),
        imd,
        ruc,
        r,
      ).deprived,
    ).toBe(false);
    const r2 = rule({ criterion: { kind: 'rank', maxRank: 3000, nationalCount: 32844, countSource: 'option' } });
    expect(
      tagArea(
        area([
          ['E01000001', 100],
          ['E01000003', 200],
        ]),
        imd,
        ruc,
        r2,
      ).deprived,
    ).toBe(true);
  });

  it('mean-rank: weighted mean rank against the unrounded threshold', () => {
    const r = rule({
      method: 'mean-rank',
      criterion: { kind: 'mean-rank', threshold: 6568.8, nationalCount: 32844, countSource: 'file' },
    });
    // python3 -c "print((100*100+20000*30)/130)" → 4692.307…  ≤ 6568.8 → deprived;
    // also rural (130 of 130) → rural
    const d = tagArea(
      area([
        ['E01000001', 100],
        ['E01000002', 30],
      ]),
      imd,
      ruc,
      r,
    );
    expect(d.evidence.meanRank).toBeCloseTo(610000 / 130, 9);
    expect(d).toMatchObject({ rural: true, deprived: true, type: 'rural' });
    // unweighted: (100 + 20000) / 2 = 10050 > 6568.8 → not deprived
    const u = tagArea(
      area([
        ['E01000001', undefined],
        ['E01000002', undefined],
      ]),
      imd,
      ruc,
      { ...r, weighting: 'lsoas' },
    );
    expect(u.evidence.meanRank).toBe(10050);
    expect(u.deprived).toBe(false);
  });
});
