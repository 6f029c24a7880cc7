import { describe, expect, it } from 'vitest';
import { areaTests } from '../../src/compare/area-tests.js';
import { compareWaves } from '../../src/compare/compare-waves.js';
import { findings } from '../../src/compare/findings.js';
import { typeTests } from '../../src/compare/type-tests.js';
import { areas, codebook, flat, group } from './fixtures.js';
import { neighbourhoodGroups } from './nbhd-fixture.js';

// The expected p-values are those checked against R in compare-waves, type-tests and area-tests.test.ts.
const opts = { ci: 'wilson' as const, level: 0.95, minBase: 10, indicativeBase: 20, alpha: 0.05, adjust: true };
const all = [
  group('2006', 'all', 'all', [flat(400, 296), { n: 300, nPos: 130, sw: 450, sw2: 900, swPos: 180, sw2Pos: 350, nNeg: 0, swNeg: 0, reasons: {} }, flat(400, 100)]),
  group('2009', 'all', 'all', [flat(420, 350), flat(320, 112), flat(20, 6)]),
];
const comparisons = compareWaves(all, codebook, { ...opts, minBase: 30, from: '2006', to: '2009' });
const nbhd = neighbourhoodGroups('2009');
const input = { comparisons, typeTests: typeTests(nbhd, codebook, areas, opts), areaTests: areaTests(nbhd, codebook, areas, opts) };

describe('findings', () => {
  const f = findings(input);

  it('one finding per significant result: changes, type, then area differences, each strongest first; then the absent type differences', () => {
    expect(f.map((x) => [x.kind, x.groups, x.waves])).toEqual([
      // all: 74% → 83.3%, adjusted p 0.0021058631126339169
      ['change', ['all'], ['2006', '2009']],
      // rural–deprived: 87.5% vs 34.9%, adjusted p 5.4e-9
      ['type-difference', ['rural', 'deprived'], ['2009']],
      // rural–average: 87.5% vs 51.8%, adjusted p 1.8e-4
      ['type-difference', ['rural', 'average'], ['2009']],
      // area R2: 100% vs 49.7%, adjusted p 6.3e-25
      ['area-difference', ['R2'], ['2009']],
      // area D1: 27.8% vs 64.4%, adjusted p 0.0026738620874544152
      ['area-difference', ['D1'], ['2009']],
      // omnibus on trust_general: adjusted p 0.15046856892610608
      ['no-type-difference', ['rural', 'deprived', 'average'], ['2009']],
    ]);
  });

  it('carries numbers and keys, not words: the percents compared, the difference and both p-values', () => {
    expect(f[0]).toMatchObject({ kind: 'change', indicator: 'belong_neighbourhood', groupBy: 'all', groups: ['all'] });
    expect(f[0]!.percents[0]).toBeCloseTo(74, 10);
    expect(f[0]!.percents[1]).toBeCloseTo((100 * 350) / 420, 10);
    expect(f[0]!.diffPp!).toBeCloseTo((100 * 350) / 420 - 74, 10);
    expect(f[0]!.pAdjusted!).toBeCloseTo(0.0021058631126339169, 14);
    expect(f[0]!.p!).toBeCloseTo(0.0010529315563169584, 14);
    expect(f[3]).toMatchObject({ kind: 'area-difference', groupBy: 'neighbourhood', groups: ['R2'], percents: [100, expect.any(Number)] });
    expect(f[5]).toMatchObject({ kind: 'no-type-difference', percents: [], diffPp: null });
    expect(f.some((x) => 'text' in x)).toBe(false);
  });

  it('never claims a difference that is not significant after the correction', () => {
    // deprived–average (adjusted p 0.106) and area R1 (raw p 0.032, adjusted 0.128) are left out
    expect(f.some((x) => x.groups.includes('R1'))).toBe(false);
    expect(f.some((x) => x.kind === 'type-difference' && x.groups.includes('deprived') && x.groups.includes('average'))).toBe(false);
    expect(f.filter((x) => x.kind !== 'no-type-difference').every((x) => (x.pAdjusted ?? 1) < 0.05)).toBe(true);
  });
});
