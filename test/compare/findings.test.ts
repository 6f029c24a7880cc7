import { describe, expect, it } from 'vitest';
import { areaTests } from '../../src/compare/area-tests.js';
import { compareWaves } from '../../src/compare/compare-waves.js';
import { findings } from '../../src/compare/findings.js';
import { typeTests } from '../../src/compare/type-tests.js';
import { areas, codebook, flat, group } from './fixtures.js';
import { neighbourhoodGroups } from './nbhd-fixture.js';

// The expected p-values are those checked against R in compare-waves, type-tests and area-tests.test.ts.
const opts = {
  ci: 'wilson' as const,
  level: 0.95,
  minBase: 10,
  indicativeBase: 20,
  alpha: 0.05,
  adjust: 'bh' as const,
};
const all = [
  group('2006', 'all', 'all', [
    flat(400, 296),
    { n: 300, nPos: 130, sw: 450, sw2: 900, swPos: 180, sw2Pos: 350, nNeg: 0, swNeg: 0, reasons: {} },
    flat(400, 100),
  ]),
  group('2009', 'all', 'all', [flat(420, 350), flat(320, 112), flat(20, 6)]),
];
const comparisons = compareWaves(all, codebook, { ...opts, minBase: 30, from: '2006', to: '2009' });
const nbhd = neighbourhoodGroups('2009');
const input = {
  comparisons,
  typeTests: typeTests(nbhd, codebook, areas, opts),
  areaTests: areaTests(nbhd, codebook, areas, opts),
};

describe('findings', () => {
  const f = findings(input);

  it(
    'one finding per significant result: changes, type, then area ' +
      'differences, each strongest first; then the absent type differences',
    () => {
      expect(f.map((x) => [x.kind, x.groups, x.waves])).toEqual([
        // all: 74% → 83.3%, a family of one: adjusted p = p = 0.0010529315563169584
        ['change', ['all'], ['2006', '2009']],
        // no area-type pair: the area-type test of belong_neighbourhood has p 0.0951 (type-tests.test.ts)
        // surveyed areas, rural–deprived: 87.5% vs 34.9%, BH-adjusted p 5.4e-9 (omnibus p 2.6e-6)
        ['surveyed-type-difference', ['rural', 'deprived'], ['2009']],
        // rural–average: 87.5% vs 51.8%, BH-adjusted p 1.4e-4
        ['surveyed-type-difference', ['rural', 'average'], ['2009']],
        // area R2: 100% vs 49.7%, adjusted p 6.3e-25
        ['area-difference', ['R2'], ['2009']],
        // area D1: 27.8% vs 64.4%, BH-adjusted p 0.001604317252472649
        ['area-difference', ['D1'], ['2009']],
        // the area-type tests not significant (families of one): p 0.095107268484643584 and 0.22835642649814561
        ['no-type-difference', ['rural', 'deprived', 'average'], ['2009']],
        ['no-type-difference', ['rural', 'deprived', 'average'], ['2009']],
      ]);
    },
  );

  it('carries numbers and keys, not words: the percents compared, the difference and both p-values', () => {
    expect(f[0]).toMatchObject({ kind: 'change', indicator: 'belong_neighbourhood', groupBy: 'all', groups: ['all'] });
    expect(f[0]!.percents[0]).toBeCloseTo(74, 10);
    expect(f[0]!.percents[1]).toBeCloseTo((100 * 350) / 420, 10);
    expect(f[0]!.diffPp!).toBeCloseTo((100 * 350) / 420 - 74, 10);
    expect(f[0]!.pAdjusted!).toBeCloseTo(0.0010529315563169584, 14);
    expect(f[0]!.p!).toBeCloseTo(0.0010529315563169584, 14);
    expect(f[3]).toMatchObject({
      kind: 'area-difference',
      groupBy: 'neighbourhood',
      groups: ['R2'],
      percents: [100, expect.any(Number)],
    });
    expect(f[5]).toMatchObject({ kind: 'no-type-difference', percents: [], diffPp: null });
    expect(f.some((x) => 'text' in x)).toBe(false);
  });

  it('never claims a difference that is not significant after the correction', () => {
    // deprived–average (adjusted p 0.106) and area R1 (raw p 0.032, BH-adjusted 0.064) are left out
    expect(f.some((x) => x.groups.includes('R1'))).toBe(false);
    expect(
      f.some((x) => x.kind === 'type-difference' && x.groups.includes('deprived') && x.groups.includes('average')),
    ).toBe(false);
    expect(f.filter((x) => x.kind !== 'no-type-difference').every((x) => (x.pAdjusted ?? 1) < 0.05)).toBe(true);
  });
});

describe('findings about area types', () => {
  it(
    'a pair of the area-type test is a type-difference; ' + 'of the surveyed-areas test, a surveyed-type-difference',
    () => {
      // a significant area-type omnibus test with one significant pair (figures invented: the rule is what is tested)
      const pair = {
        a: 'rural',
        b: 'average',
        percentA: 80,
        percentB: 60,
        diffPp: 20,
        se: 4,
        t: 5,
        df: 17,
        p: 1e-4,
        pAdjusted: 3e-4,
        significant: true,
        flag: 'ok' as const,
      };
      const areaType = {
        test: 'area-type' as const,
        wave: '2009',
        indicator: 'belong_neighbourhood',
        ni: 'NI2',
        types: ['rural', 'average'],
        F: 20,
        ndf: 1.9,
        ddf: 33,
        p: 1e-5,
        pAdjusted: 1e-5,
        significant: true,
        reason: null,
        flag: 'ok' as const,
        pairs: [pair],
      };
      expect(findings({ typeTests: [areaType] })).toMatchObject([
        { kind: 'type-difference', groups: ['rural', 'average'], percents: [80, 60] },
      ]);
    },
  );
});
