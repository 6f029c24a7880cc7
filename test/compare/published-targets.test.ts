import { describe, expect, it } from 'vitest';
import { parseTargetsFile } from '../../src/compare/parse-targets-file.js';
import { publishedTargets, resolveGroup } from '../../src/compare/published-targets.js';
import { DataError } from '../../src/errors.js';
import { areas, codebook, estimateOptions, flat, group } from './fixtures.js';

/*
 R: z <- qnorm(0.975); zp <- qnorm(0.975) + qnorm(0.8)
    pub <- function(B, p2, n2, T = NULL, seb = NULL, rule = "points", u = 5) {
      se2 <- 100*sqrt(p2*(1-p2)/n2); k <- if (rule == "points") 1 else 1 + u/100
      given <- !is.null(T); if (!given) T <- if (rule == "points") B + u else B*(1 + u/100)
      s <- if (!is.null(seb) && !given) sqrt(se2^2 + k^2*seb^2) else se2
      d <- 100*p2 - T; sc <- sqrt(se2^2 + (if (is.null(seb)) 0 else seb^2)); zc <- (100*p2 - B)/sc
      uu <- T - B; n1 <- if (is.null(seb)) Inf else (B/100*(1-B/100))/(seb/100)^2; ps <- T/100
      mdc0 <- zp*sqrt(B/100*(1-B/100)/n1 + ps*(1-ps)/n2)*100
      c(T=T, d=d, se=s, lo=d - z*s, hi=d + z*s, pMet=pnorm(d/s, lower.tail=FALSE), changeP=2*pnorm(-abs(zc)),
        mdc0=mdc0, d80=uu + zp*s) }
    verdict: met when lo ≥ 0, missed when hi < 0, else inconclusive (lean above when d ≥ 0)
*/
const t3 = (n: number, pos: number) => [flat(n, pos), flat(n, pos), flat(n, pos)];
const groups = [
  group('2009', 'all', 'all', t3(2000, 1400)),
  group('2009', 'type', 'rural', t3(400, 264)),
  group('2009', 'type', 'deprived', t3(400, 252)),
  group('2009', 'type', 'average', t3(2000, 1160)),
  group('2009', 'neighbourhood', 'R1', t3(20, 10)),
];
const opts = {
  ...estimateOptions,
  uplift: 5,
  rule: 'points' as const,
  alpha: 0.05,
  adjust: 'bh' as const,
  currentWave: '2009',
};
const b = (
  group: string,
  baseline: number,
  target?: number,
  index = 0,
  extra: { baselineSe?: number; baselinePopulation?: string } = {},
) => ({ index, group, baseline, line: 2, ...(target !== undefined ? { target } : {}), ...extra });

describe('publishedTargets, points', () => {
  const rows = publishedTargets(
    groups,
    codebook,
    areas,
    [b('all', 62), b('Rural', 60), b('deprived', 60), b('average', 60, undefined, 2)],
    opts,
  );

  it('met: pub(62, 0.7, 2000) → T 67, d 3, lo 0.99163455473640694, hi 5.0083654452635926', () => {
    const r = rows[0]!;
    expect(r).toMatchObject({
      mode: 'published-baseline',
      baselineWave: null,
      currentWave: '2009',
      groupBy: 'all',
      group: 'all',
      baseline: 62,
      verdict: 'met',
    });
    expect(r.target!).toBeCloseTo(67, 12);
    expect(r.targetRelative!).toBeCloseTo(65.1, 12);
    expect(r.d!).toBeCloseTo(3, 10);
    expect(r.se!).toBeCloseTo(1.0246950765959599, 10);
    expect(r.ciLow!).toBeCloseTo(0.99163455473640694, 10);
    expect(r.ciHigh!).toBeCloseTo(5.0083654452635926, 10);
    expect(r.pMet!).toBeCloseTo(1.7073955890589108e-3, 12);
    // changeP 5.8472173229602117e-15 (a family of one); MDC₀ 2.9456640246849117; Δ₈₀ 7.8707705796643772
    expect(r.changeP! / 5.8472173229602117e-15).toBeCloseTo(1, 6);
    expect(r.changePAdjusted).toBe(r.changeP);
    expect(r.changeDirection).toBe('rose');
    expect(r.changeFamily).toContain('a family of one');
    expect(r.detectableRise!).toBeCloseTo(2.9456640246849117, 10);
    expect(r.detectsTarget).toBe(true);
    expect(r.confirmableRise!).toBeCloseTo(7.8707705796643772, 10);
    expect(r.note).toContain('Baseline treated as exact');
    expect(r.note).toContain('not necessarily the surveyed areas');
  });

  it('inconclusive, lean above: pub(60, 0.66, 400) → lo -3.6422606544757938, MDC₀ 6.681354914170509', () => {
    const r = rows[1]!;
    expect(r).toMatchObject({
      groupBy: 'type',
      group: 'rural',
      verdict: 'inconclusive',
      lean: 'above',
      detectsTarget: false,
    });
    expect(r.ciLow!).toBeCloseTo(-3.6422606544757938, 10);
    expect(r.pMet!).toBeCloseTo(0.336439399993850197, 10);
    expect(r.changeP!).toBeCloseTo(0.011302580306322193, 12);
    expect(r.detectableRise!).toBeCloseTo(6.681354914170509, 10);
    expect(r.confirmableRise!).toBeCloseTo(11.635677456725753, 10);
  });

  it('inconclusive, lean below: pub(60, 0.63, 400) → d -2, hi 2.7313952780966213', () => {
    expect(rows[2]!.ciHigh!).toBeCloseTo(2.7313952780966213, 10);
    expect(rows[2]!).toMatchObject({ verdict: 'inconclusive', lean: 'below' });
  });

  it('missed: pub(60, 0.58, 2000) → d -7, hi -4.8369242168603037', () => {
    expect(rows[3]!.indicator).toBe('influence_decisions');
    expect(rows[3]!.ciHigh!).toBeCloseTo(-4.8369242168603037, 10);
    expect(rows[3]!.verdict).toBe('missed');
  });

  it('uses a given target: pub(60, 0.7, 2000, T = 72) → d -2, hi 0.0083654452635930632', () => {
    const [r] = publishedTargets(groups, codebook, areas, [b('all', 60, 72)], opts);
    expect(r!.target).toBe(72);
    expect(r!.targetPoints).toBe(65);
    expect(r!.ciHigh!).toBeCloseTo(0.0083654452635930632, 10);
    expect(r!).toMatchObject({ verdict: 'inconclusive', lean: 'below' });
    expect(r!.confirmableRise!).toBeCloseTo(14.870770579664377, 10);
  });

  it(
    'carries the baseline standard error: pub(62, 0.7, 2000, ' +
      'seb = 1.5) → σ 1.8165902124584952, lo -0.56045139108661468',
    () => {
      const [r] = publishedTargets(
        groups,
        codebook,
        areas,
        [b('all', 62, undefined, 0, { baselineSe: 1.5, baselinePopulation: 'surveyed areas' })],
        opts,
      );
      expect(r!.se!).toBeCloseTo(1.8165902124584952, 10);
      expect(r!.ciLow!).toBeCloseTo(-0.56045139108661468, 10);
      expect(r!).toMatchObject({ verdict: 'inconclusive', lean: 'above' });
      expect(r!.pMet!).toBeCloseTo(0.04932380521464961587, 10);
      expect(r!.changeP!).toBeCloseTo(1.063440063313779e-5, 15);
      expect(r!.detectableRise!).toBeCloseTo(5.131950501379408, 10);
      expect(r!.confirmableRise!).toBeCloseTo(10.089332286592416, 10);
      expect(r!.note).toBeNull();
    },
  );

  it(
    'a target below its baseline: pub(75, 0.7, 2000, T = 72) → ' +
      'change p 1.0635492679527377e-06, Δ₈₀ -0.12922942033562324',
    () => {
      const [r] = publishedTargets(groups, codebook, areas, [b('all', 75, 72)], opts);
      expect(r!.changeP! / 1.0635492679527377e-6).toBeCloseTo(1, 7);
      expect(r!.changeDirection).toBe('fell');
      expect(r!.detectableRise!).toBeCloseTo(2.8127692355086431, 10);
      expect(r!.detectsTarget).toBe(true);
      expect(r!.confirmableRise!).toBeCloseTo(-0.12922942033562324, 10);
    },
  );

  it('reports groups it cannot judge', () => {
    const r = publishedTargets(groups, codebook, areas, [b('Ruralton', 50), b('Nowhere', 50)], opts);
    expect(r[0]).toMatchObject({ groupBy: 'neighbourhood', group: 'R1', flag: 'suppressed', verdict: null });
    expect(r[1]).toMatchObject({ groupBy: 'unknown', flag: 'no-data', verdict: null });
  });
});

describe('publishedTargets, relative', () => {
  const rows = publishedTargets(
    groups,
    codebook,
    areas,
    [b('all', 64), b('rural', 62), b('deprived', 62), b('average', 60)],
    { ...opts, rule: 'relative' },
  );
  it('gives met, inconclusive and missed', () => {
    // R: pub(64, 0.7, 2000, rule = "relative") → T 67.2, lo 0.79163455473640409, met
    //    pub(62, 0.66, 400, rule = "relative") → T 65.1, lo -3.7422606544758024, inconclusive (d 0.9)
    //    pub(62, 0.63, 400, rule = "relative") → hi 2.6313952780966128, inconclusive (d -2.1)
    //    pub(60, 0.58, 2000, rule = "relative") → T 63, hi -2.8369242168603037, missed
    expect(rows.map((r) => r.verdict)).toEqual(['met', 'inconclusive', 'inconclusive', 'missed']);
    expect(rows.map((r) => r.lean)).toEqual([null, 'above', 'below', null]);
    expect(rows[0]!.target!).toBeCloseTo(67.2, 12);
    expect(rows[0]!.ciLow!).toBeCloseTo(0.79163455473640409, 10);
    expect(rows[1]!.ciLow!).toBeCloseTo(-3.7422606544758024, 10);
    expect(rows[2]!.ciHigh!).toBeCloseTo(2.6313952780966128, 10);
    expect(rows[3]!.ciHigh!).toBeCloseTo(-2.8369242168603037, 10);
    // MDC₀ 6.676933477960481 > 0.05 · 62 = 3.1 points; Δ₈₀ 9.735677456725762
    expect(rows[1]!.detectableRise!).toBeCloseTo(6.676933477960481, 10);
    expect(rows[1]!.detectsTarget).toBe(false);
    expect(rows[1]!.confirmableRise!).toBeCloseTo(9.735677456725762, 10);
  });
});

describe('resolveGroup', () => {
  it('finds all, types, districts and areas', () => {
    expect(resolveGroup('All', areas)).toEqual({ groupBy: 'all', group: 'all' });
    expect(resolveGroup('DEPRIVED', areas)).toEqual({ groupBy: 'type', group: 'deprived' });
    expect(resolveGroup('north', areas)).toEqual({ groupBy: 'district', group: 'North' });
    expect(resolveGroup('A2', areas)).toEqual({ groupBy: 'neighbourhood', group: 'A2' });
    expect(resolveGroup('mid town', areas)).toEqual({ groupBy: 'neighbourhood', group: 'A1' });
    expect(resolveGroup('elsewhere', areas)).toBeNull();
  });
});

describe('parseTargetsFile', () => {
  it('reads CSV rows by id or NI name', () => {
    const rows = parseTargetsFile(
      'Indicator,Group,Baseline,Target\nNI4,all,28.5,\nbelong_neighbourhood,rural,78,83\n',
      't.csv',
      codebook,
    );
    expect(rows).toEqual([
      { index: 2, group: 'all', baseline: 28.5, line: 2 },
      { index: 0, group: 'rural', baseline: 78, target: 83, line: 3 },
    ]);
  });
  it('reads JSON', () => {
    const rows = parseTargetsFile('[{"indicator":"NI2","group":"all","baseline":74.1}]', 't.json', codebook);
    expect(rows).toEqual([{ index: 0, group: 'all', baseline: 74.1, line: 1 }]);
  });
  it("reads the baseline's own sampling error: baseline_se, or baseline_n with baseline_deff", () => {
    // R: 100*sqrt(0.74*0.26*1.5/1200) → 1.5508062419270823
    const rows = parseTargetsFile(
      'indicator,group,baseline,baseline_se,baseline_n,baseline_deff,baseline_population\n' +
        'NI2,all,74,1.2,,,surveyed areas\nNI2,rural,74,,1200,1.5,county\n',
      't.csv',
      codebook,
    );
    expect(rows[0]).toEqual({
      index: 0,
      group: 'all',
      baseline: 74,
      baselineSe: 1.2,
      baselinePopulation: 'surveyed areas',
      line: 2,
    });
    expect(rows[1]!.baselineSe!).toBeCloseTo(1.5508062419270823, 12);
    expect(rows[1]!.baselinePopulation).toBe('county');
  });
  it('reports every bad row by line', () => {
    const text = 'indicator,group,baseline\nNI9,all,50\nNI2,all,abc\nNI2,all,120\nNI4,all,30\n';
    expect(() => parseTargetsFile(text, 't.csv', codebook)).toThrow(DataError);
    try {
      parseTargetsFile(text, 't.csv', codebook);
    } catch (e) {
      const m = (e as Error).message;
      expect(m).toContain('t.csv:2: unknown indicator "NI9"');
      expect(m).toContain('t.csv:3: baseline');
      expect(m).toContain('t.csv:4: baseline must be a percentage from 0 to 100');
      expect(m).not.toContain('t.csv:5');
    }
  });
});
