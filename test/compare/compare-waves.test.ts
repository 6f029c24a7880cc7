import { describe, expect, it } from 'vitest';
import { compareWaves } from '../../src/compare/compare-waves.js';
import { type ComparisonRow } from '../../src/types/index.js';
import { codebook, estimateOptions, flat, group } from './fixtures.js';

/*
 R: zt <- function(p1,n1,p2,n2) { se <- sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2); z <- (p2-p1)/se
        c(z=z, p=2*pnorm(-abs(z)), lo=(p2-p1)-qnorm(0.975)*se, hi=(p2-p1)+qnorm(0.975)*se) }
*/
const all = [
  // 2006 trust_general weighted: 300 rows, Σw = 450, Σw² = 900 (Kish n 225), Σw·pos = 180 (p = 0.4)
  group('2006', 'all', 'all', [
    flat(400, 296),
    { n: 300, nPos: 130, sw: 450, sw2: 900, swPos: 180, sw2Pos: 350, nNeg: 0, swNeg: 0, reasons: {} },
    flat(400, 100),
  ]),
  group('2009', 'all', 'all', [flat(420, 350), flat(320, 112), flat(20, 6)]),
];
const type = [
  group('2006', 'type', 'rural', [flat(130, 100), flat(130, 60), flat(50, 50)]),
  group('2006', 'type', 'deprived', [flat(140, 90), flat(140, 40), flat(150, 30)]),
  group('2006', 'type', 'average', [flat(130, 106), flat(130, 60), flat(200, 70)]),
  group('2009', 'type', 'rural', [flat(140, 120), flat(140, 50), flat(60, 60)]),
  group('2009', 'type', 'deprived', [flat(150, 100), flat(150, 75), flat(150, 45)]),
  group('2009', 'type', 'average', [flat(130, 112), flat(130, 58), flat(210, 75)]),
];
const opts = { ...estimateOptions, alpha: 0.05, adjust: 'bh' as const, from: '2006', to: '2009' };
const find = (rows: ComparisonRow[], groupBy: string, g: string, indicator: string) =>
  rows.find((r) => r.groupBy === groupBy && r.group === g && r.indicator === indicator)!;

describe('compareWaves', () => {
  const rows = compareWaves([...all, ...type], codebook, opts);

  it("reports the change, its CI, z and p on each wave's effective n", () => {
    // R: zt(296/400, 400, 350/420, 420) → z 3.2759876752895525, p 0.0010529315563169584,
    //    lo 0.037493693498840845, hi 0.14917297316782591
    const r = find(rows, 'all', 'all', 'belong_neighbourhood');
    expect(r.p1).toBeCloseTo(74, 12);
    expect(r.p2).toBeCloseTo((100 * 350) / 420, 12);
    expect(r.changePp).toBeCloseTo(100 * (350 / 420 - 0.74), 12);
    expect(r.z!).toBeCloseTo(3.2759876752895525, 10);
    expect(Math.abs(r.p! - 0.0010529315563169584)).toBeLessThan(1e-12);
    expect(r.ciLow!).toBeCloseTo(3.7493693498840845, 9);
    expect(r.ciHigh!).toBeCloseTo(14.917297316782591, 9);
    expect(r).toMatchObject({ from: '2006', to: '2009', ni: 'NI2', flag: 'ok' });
  });

  it('uses Kish n for weighted tallies', () => {
    // 2006: p = 180/450 = 0.4, Kish n = 450²/900 = 225.
    // R: zt(0.4, 225, 112/320, 320) → z -1.1859120298377615, p 0.23565704191220438
    const r = find(rows, 'all', 'all', 'trust_general');
    expect(r.z!).toBeCloseTo(-1.1859120298377615, 10);
    expect(Math.abs(r.p! - 0.23565704191220438)).toBeLessThan(1e-12);
  });

  it('adjusts within each family of one indicator × one grouping level × one pair of waves (BH)', () => {
    // At the `all` level each indicator is a family of one: p.adjust(0.0010529315563169584, "BH") is itself.
    const a = find(rows, 'all', 'all', 'belong_neighbourhood');
    const b = find(rows, 'all', 'all', 'trust_general');
    expect(a.pAdjusted!).toBeCloseTo(0.0010529315563169584, 14);
    expect(b.pAdjusted!).toBeCloseTo(0.23565704191220438, 14);
    expect(a.significant).toBe(true);
    expect(b.significant).toBe(false);
    expect(a.familySize).toBe(1);
    expect(a.family).toBe('NI2 × all × 2006→2009');
    // type families: the three types of one indicator (rural influence has no variance, so its family has 2).
    // R: ps as below with zt above; r0=zt(100/130,130,120/140,140)["p"], r1=zt(60/130,130,50/140,140)["p"],
    //    d0=zt(90/140,140,100/150,150)["p"], d1=zt(40/140,140,75/150,150)["p"], d2=zt(30/150,150,45/150,150)["p"],
    //    v0=zt(106/130,130,112/130,130)["p"], v1=zt(60/130,130,58/130,130)["p"], v2=zt(70/200,200,75/210,210)["p"]
    //    p.adjust(c(r0, d0, v0), "BH") → 0.18975156892905859 0.66999004619189595 0.46653833443791010
    //    p.adjust(c(r1, d1, v1), "BH") → 0.11972973485988836 0.00037879503545070272 0.80323479358735972
    //    p.adjust(c(d2, v2), "BH")     → 0.088130801473653875 0.879793123012707068
    const d1 = find(rows, 'type', 'deprived', 'trust_general');
    expect(Math.abs(d1.p! - 0.00012626501181690092)).toBeLessThan(1e-12);
    expect(d1.pAdjusted!).toBeCloseTo(0.00037879503545070272, 15);
    expect(d1.significant).toBe(true);
    expect(d1.familySize).toBe(3);
    expect(d1.family).toBe('trust_general × type × 2006→2009');
    expect(find(rows, 'type', 'rural', 'trust_general').pAdjusted!).toBeCloseTo(0.11972973485988836, 13);
    expect(find(rows, 'type', 'rural', 'belong_neighbourhood').pAdjusted!).toBeCloseTo(0.18975156892905859, 13);
    expect(find(rows, 'type', 'deprived', 'belong_neighbourhood').pAdjusted!).toBeCloseTo(0.66999004619189595, 13);
    expect(find(rows, 'type', 'average', 'belong_neighbourhood').pAdjusted!).toBeCloseTo(0.4665383344379101, 13);
    expect(find(rows, 'type', 'deprived', 'influence_decisions').pAdjusted!).toBeCloseTo(0.088130801473653875, 13);
    expect(find(rows, 'type', 'average', 'influence_decisions').pAdjusted!).toBeCloseTo(0.879793123012707068, 13);
    expect(find(rows, 'type', 'deprived', 'influence_decisions').familySize).toBe(2);
    expect(rows.filter((r) => r.groupBy === 'type' && r.significant)).toHaveLength(1);
  });

  it('with --adjust holm, Holm within the same families', () => {
    // R: p.adjust(c(r1, d1, v1), "holm") → 0.15963964647985115 0.00037879503545070272 0.80323479358735972
    const holm = compareWaves([...all, ...type], codebook, { ...opts, adjust: 'holm' as const });
    expect(find(holm, 'type', 'rural', 'trust_general').pAdjusted!).toBeCloseTo(0.15963964647985115, 13);
    expect(find(holm, 'type', 'deprived', 'trust_general').pAdjusted!).toBeCloseTo(0.00037879503545070272, 15);
  });

  it('suppresses a comparison when either base is below the minimum', () => {
    const r = find(rows, 'all', 'all', 'influence_decisions');
    expect(r).toMatchObject({
      flag: 'suppressed',
      p1: null,
      p2: null,
      changePp: null,
      z: null,
      p: null,
      pAdjusted: null,
      significant: false,
    });
  });

  it('flags no-variance when both se are 0', () => {
    const r = find(rows, 'type', 'rural', 'influence_decisions');
    expect(r).toMatchObject({
      flag: 'no-variance',
      z: null,
      p: null,
      pAdjusted: null,
      significant: false,
      p1: 100,
      p2: 100,
      changePp: 0,
    });
  });

  it('does not change the all results when a neighbourhood level is added', () => {
    const nbhd = [
      group('2006', 'neighbourhood', 'R1', [flat(60, 40), flat(60, 30), flat(60, 20)]),
      group('2009', 'neighbourhood', 'R1', [flat(60, 50), flat(60, 20), flat(60, 10)]),
    ];
    const more = compareWaves([...all, ...type, ...nbhd], codebook, opts);
    expect(more.filter((r) => r.groupBy === 'all')).toEqual(rows.filter((r) => r.groupBy === 'all'));
    expect(more.filter((r) => r.groupBy === 'type')).toEqual(rows.filter((r) => r.groupBy === 'type'));
  });

  it('shows raw p-values with adjust off', () => {
    const raw = compareWaves(all, codebook, { ...opts, adjust: 'none' as const });
    const b = find(raw, 'all', 'all', 'belong_neighbourhood');
    expect(b.pAdjusted).toBe(b.p);
    expect(b.significant).toBe(true);
  });

  it('limits to the chosen indicators', () => {
    const only = compareWaves(all, codebook, { ...opts, indicators: [1] });
    expect(only.map((r) => r.indicator)).toEqual(['trust_general']);
    expect(only[0]!.familySize).toBe(1);
    expect(only[0]!.pAdjusted).toBeCloseTo(only[0]!.p!, 15);
  });

  it('never changes an adjusted p when other indicators are selected or left out', () => {
    const one = compareWaves([...all, ...type], codebook, { ...opts, indicators: [1] });
    const d1 = find(one, 'type', 'deprived', 'trust_general');
    expect(d1.pAdjusted).toBe(find(rows, 'type', 'deprived', 'trust_general').pAdjusted);
    expect(d1.familySize).toBe(3);
  });
});
