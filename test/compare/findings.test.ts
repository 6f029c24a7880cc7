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
  const f = findings(input, codebook, areas, { adjusted: true });

  it('writes one sentence per significant result: changes, type, then area differences, each strongest first; then the absent type differences', () => {
    expect(f.map((x) => x.text)).toEqual([
      // all: 74% → 83.3%, adjusted p 0.0021058631126339169
      'In the surveyed areas, belong to neighbourhood rose from 74.0% in 2006 to 83.3% in 2009 (+9.3 points, adjusted p = 0.002).',
      // rural–deprived: 87.5% vs 34.9%, adjusted p 5.4e-9
      'In 2009, respondents in the surveyed rural areas were more positive than those in the surveyed deprived areas on belong to neighbourhood (87.5% vs 34.9%, adjusted p < 0.001).',
      // rural–average: 87.5% vs 51.8%, adjusted p 1.8e-4
      'In 2009, respondents in the surveyed rural areas were more positive than those in the surveyed average areas on belong to neighbourhood (87.5% vs 51.8%, adjusted p < 0.001).',
      // area R2: 100% vs 49.7%, adjusted p 6.3e-25
      'In 2009, Fieldby was above the rest of the surveyed areas on belong to neighbourhood (100.0% vs 49.7%, adjusted p < 0.001).',
      // area D1: 27.8% vs 64.4%, adjusted p 0.0026738620874544152
      'In 2009, Millside was below the rest of the surveyed areas on belong to neighbourhood (27.8% vs 64.4%, adjusted p = 0.003).',
      // omnibus on trust_general: adjusted p 0.15046856892610608
      'No significant difference between the surveyed area types on most people trusted in 2009 (adjusted p = 0.15).',
    ]);
  });

  it('carries kind, indicator, groups and both p-values', () => {
    expect(f[3]).toMatchObject({ kind: 'area-difference', indicator: 'belong_neighbourhood', groups: ['R2'] });
    expect(f[1]).toMatchObject({ kind: 'type-difference', groups: ['rural', 'deprived'] });
    expect(f[0]).toMatchObject({ kind: 'change', groups: ['all'] });
    expect(f[0]!.pAdjusted!).toBeCloseTo(0.0021058631126339169, 14);
    expect(f[0]!.p!).toBeCloseTo(0.0010529315563169584, 14);
    expect(f[5]).toMatchObject({ kind: 'no-type-difference', groups: ['rural', 'deprived', 'average'] });
  });

  it('never claims a difference that is not significant after the correction', () => {
    // deprived–average (adjusted p 0.106) and area R1 (raw p 0.032, adjusted 0.128) are left out
    expect(f.some((x) => x.text.includes('Ruralton'))).toBe(false);
    expect(f.some((x) => x.kind === 'type-difference' && x.groups.includes('deprived') && x.groups.includes('average'))).toBe(false);
    expect(f.filter((x) => x.kind !== 'no-type-difference').every((x) => (x.pAdjusted ?? 1) < 0.05)).toBe(true);
  });

  it('says "p" rather than "adjusted p" without the correction, and words every group for the surveyed areas', () => {
    const raw = compareWaves(all, codebook, { ...opts, minBase: 30, adjust: false, from: '2006', to: '2009' });
    const t = findings({ comparisons: raw }, codebook, areas, { adjusted: false });
    expect(t[0]!.text).toBe('In the surveyed areas, belong to neighbourhood rose from 74.0% in 2006 to 83.3% in 2009 (+9.3 points, p = 0.001).');
    const typed = compareWaves(
      [group('2006', 'type', 'rural', [flat(400, 300)]), group('2009', 'type', 'rural', [flat(400, 200)])],
      codebook, { ...opts, from: '2006', to: '2009', indicators: [0] },
    );
    expect(findings({ comparisons: typed }, codebook, areas, { adjusted: true })[0]!.text).toMatch(
      /^In the surveyed rural areas, belong to neighbourhood fell from 75\.0% in 2006 to 50\.0% in 2009 \(−25\.0 points, adjusted p < 0\.001\)\.$/,
    );
  });
});

describe('findings wording by grouping', () => {
  const rows = (groupBy: string, name: string) =>
    compareWaves([group('2006', groupBy, name, [flat(400, 200)]), group('2009', groupBy, name, [flat(400, 300)])], codebook, {
      ...opts, from: '2006', to: '2009', indicators: [0],
    });
  const text = (groupBy: string, name: string) => findings({ comparisons: rows(groupBy, name) }, codebook, areas, { adjusted: true })[0]!.text;
  it('names districts, neighbourhoods and profile groups as parts of the surveyed areas', () => {
    // 50% → 75%: z = 0.25/√(0.25/400 + 0.1875/400) = 7.559, p < 0.001
    expect(text('district', 'North')).toBe('In the surveyed areas of North, belong to neighbourhood rose from 50.0% in 2006 to 75.0% in 2009 (+25.0 points, adjusted p < 0.001).');
    expect(text('neighbourhood', 'D1')).toBe('In Millside (a surveyed area), belong to neighbourhood rose from 50.0% in 2006 to 75.0% in 2009 (+25.0 points, adjusted p < 0.001).');
    expect(text('age_band', '16-24')).toBe(
      'Among respondents in the surveyed areas with age band 16-24, belong to neighbourhood rose from 50.0% in 2006 to 75.0% in 2009 (+25.0 points, adjusted p < 0.001).',
    );
  });
});
