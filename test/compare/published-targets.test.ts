import { describe, expect, it } from 'vitest';
import { parseTargetsFile } from '../../src/compare/parse-targets-file.js';
import { publishedTargets, resolveGroup } from '../../src/compare/published-targets.js';
import { DataError } from '../../src/errors.js';
import { areas, codebook, estimateOptions, flat, group } from './fixtures.js';

/*
 R: z <- qnorm(0.975); zp <- qnorm(0.975) + qnorm(0.8)
    pub <- function(B, p2, n2, T = NULL, rule = "points", u = 5) {
      se2 <- 100*sqrt(p2*(1-p2)/n2); if (is.null(T)) T <- if (rule == "points") B + u else B*(1 + u/100)
      d <- 100*p2 - T; zc <- (100*p2 - B)/se2; mde <- zp*sqrt(B/100*(1-B/100)/n2)*100
      c(T, d, d - z*se2, d + z*se2, v(d, d - z*se2, d + z*se2), 2*pnorm(-abs(zc)), mde) }
*/
const t3 = (n: number, pos: number) => [flat(n, pos), flat(n, pos), flat(n, pos)];
const groups = [
  group('2009', 'all', 'all', t3(2000, 1400)),
  group('2009', 'type', 'rural', t3(400, 264)),
  group('2009', 'type', 'deprived', t3(400, 252)),
  group('2009', 'type', 'average', t3(2000, 1160)),
  group('2009', 'neighbourhood', 'R1', t3(20, 10)),
];
const opts = { ...estimateOptions, uplift: 5, rule: 'points' as const, alpha: 0.05, currentWave: '2009' };
const b = (group: string, baseline: number, target?: number, index = 0) => ({ index, group, baseline, line: 2, ...(target !== undefined ? { target } : {}) });

describe('publishedTargets, points', () => {
  const rows = publishedTargets(groups, codebook, areas, [b('all', 62), b('Rural', 60), b('deprived', 60), b('average', 60, undefined, 2)], opts);

  it('met: pub(62, 0.7, 2000) → T 67, d 3, lo 0.99163455473640694, hi 5.0083654452635926', () => {
    const r = rows[0]!;
    expect(r).toMatchObject({ mode: 'published-baseline', baselineWave: null, currentWave: '2009', groupBy: 'all', group: 'all', baseline: 62, verdict: 'met' });
    expect(r.target!).toBeCloseTo(67, 12);
    expect(r.targetRelative!).toBeCloseTo(65.1, 12);
    expect(r.d!).toBeCloseTo(3, 10);
    expect(r.ciLow!).toBeCloseTo(0.99163455473640694, 10);
    expect(r.ciHigh!).toBeCloseTo(5.0083654452635926, 10);
    // changeP 5.8472173229602117e-15, mde 3.040720363180939
    expect(r.changeSignificant).toBe(true);
    expect(r.changeP! / 5.8472173229602117e-15).toBeCloseTo(1, 6);
    expect(r.mde!).toBeCloseTo(3.040720363180939, 10);
    expect(r.detectable).toBe(true);
  });

  it('met-within-margin and detectable: false: pub(60, 0.66, 400) → lo -3.6422606544757938, mde 6.8624542553006869', () => {
    const r = rows[1]!;
    expect(r).toMatchObject({ groupBy: 'type', group: 'rural', verdict: 'met-within-margin', detectable: false });
    expect(r.ciLow!).toBeCloseTo(-3.6422606544757938, 10);
    expect(r.changeP!).toBeCloseTo(0.011302580306322193, 12);
    expect(r.mde!).toBeCloseTo(6.8624542553006869, 10);
    expect(r.note).toContain('cannot reliably detect a change of 5.0 points');
  });

  it('missed-within-margin: pub(60, 0.63, 400) → d -2, hi 2.7313952780966213', () => {
    expect(rows[2]!.ciHigh!).toBeCloseTo(2.7313952780966213, 10);
    expect(rows[2]!.verdict).toBe('missed-within-margin');
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
    expect(r!.verdict).toBe('missed-within-margin');
  });

  it('reports groups it cannot judge', () => {
    const r = publishedTargets(groups, codebook, areas, [b('Ruralton', 50), b('Nowhere', 50)], opts);
    expect(r[0]).toMatchObject({ groupBy: 'neighbourhood', group: 'R1', flag: 'suppressed', verdict: null });
    expect(r[1]).toMatchObject({ groupBy: 'unknown', flag: 'no-data', verdict: null });
  });
});

describe('publishedTargets, relative', () => {
  const rows = publishedTargets(groups, codebook, areas, [b('all', 64), b('rural', 62), b('deprived', 62), b('average', 60)], { ...opts, rule: 'relative' });
  it('gives all four verdicts', () => {
    // R: pub(64, 0.7, 2000, rule = "relative") → T 67.2, lo 0.79163455473640409, met
    //    pub(62, 0.66, 400, rule = "relative") → T 65.1, lo -3.7422606544758024, met-within-margin
    //    pub(62, 0.63, 400, rule = "relative") → hi 2.6313952780966128, missed-within-margin
    //    pub(60, 0.58, 2000, rule = "relative") → T 63, hi -2.8369242168603037, missed
    expect(rows.map((r) => r.verdict)).toEqual(['met', 'met-within-margin', 'missed-within-margin', 'missed']);
    expect(rows[0]!.target!).toBeCloseTo(67.2, 12);
    expect(rows[0]!.ciLow!).toBeCloseTo(0.79163455473640409, 10);
    expect(rows[1]!.ciLow!).toBeCloseTo(-3.7422606544758024, 10);
    expect(rows[2]!.ciHigh!).toBeCloseTo(2.6313952780966128, 10);
    expect(rows[3]!.ciHigh!).toBeCloseTo(-2.8369242168603037, 10);
    // mde 6.7992574326404291 > 0.05 · 62 = 3.1 points
    expect(rows[1]!.mde!).toBeCloseTo(6.7992574326404291, 10);
    expect(rows[1]!.detectable).toBe(false);
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
    const rows = parseTargetsFile('Indicator,Group,Baseline,Target\nNI4,all,28.5,\nbelong_neighbourhood,rural,78,83\n', 't.csv', codebook);
    expect(rows).toEqual([
      { index: 2, group: 'all', baseline: 28.5, line: 2 },
      { index: 0, group: 'rural', baseline: 78, target: 83, line: 3 },
    ]);
  });
  it('reads JSON', () => {
    const rows = parseTargetsFile('[{"indicator":"NI2","group":"all","baseline":74.1}]', 't.json', codebook);
    expect(rows).toEqual([{ index: 0, group: 'all', baseline: 74.1, line: 1 }]);
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
