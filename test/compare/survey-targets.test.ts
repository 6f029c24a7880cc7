import { describe, expect, it } from 'vitest';
import { surveyTargets, targetIndicators } from '../../src/compare/survey-targets.js';
import { SURVEY_UPLIFT_LABEL } from '../../src/format/target-labels.js';
import type { TargetRow } from '../../src/types/index.js';
import { codebook, estimateOptions, flat, group } from './fixtures.js';

/*
 R: z <- qnorm(0.975); zp <- qnorm(0.975) + qnorm(0.8)
    v <- function(d, lo, hi) if (lo >= 0) "met" else if (d >= 0) "met-within-margin" else if (hi >= 0) "missed-within-margin" else "missed"
    su <- function(p1, n1, p2, n2, rule = "points", u = 5) {
      se1 <- 100*sqrt(p1*(1-p1)/n1); se2 <- 100*sqrt(p2*(1-p2)/n2); k <- 1 + u/100
      if (rule == "points") { d <- 100*(p2-p1) - u; se <- sqrt(se1^2 + se2^2) } else { d <- 100*p2 - k*100*p1; se <- sqrt(se2^2 + k^2*se1^2) }
      zc <- (p2-p1)/sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2); mde <- zp*sqrt(p1*(1-p1)*(1/n1 + 1/n2))*100
      c(d, d - z*se, d + z*se, v(d, d - z*se, d + z*se), 2*pnorm(-abs(zc)), mde) }
*/
// NI2 (item 0) and NI4 (item 2): the same numbers, so both indicators give the same verdicts
const tallies = (n: number, pos: number) => [flat(n, pos), flat(n, pos), flat(n, pos)];
const groups = [
  group('2006', 'all', 'all', tallies(2000, 1200)),
  group('2009', 'all', 'all', tallies(2000, 1400)),
  group('2006', 'type', 'rural', tallies(400, 240)),
  group('2009', 'type', 'rural', tallies(400, 264)),
  group('2006', 'type', 'deprived', tallies(400, 240)),
  group('2009', 'type', 'deprived', tallies(400, 252)),
  group('2006', 'type', 'average', tallies(2000, 1200)),
  group('2009', 'type', 'average', tallies(2000, 1160)),
  group('2006', 'district', 'North', tallies(20, 10)),
  group('2009', 'district', 'North', tallies(400, 200)),
];
const opts = { ...estimateOptions, uplift: 5, rule: 'points' as const, alpha: 0.05, baselineWave: '2006', currentWave: '2009' };
const pick = (rows: TargetRow[], g: string, indicator = 'belong_neighbourhood') => rows.find((r) => r.group === g && r.indicator === indicator)!;

describe('surveyTargets, points', () => {
  const rows = surveyTargets(groups, codebook, opts);

  it('covers NI1/NI2/NI4 for all and by type', () => {
    expect(targetIndicators(codebook)).toEqual([0, 2]);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.indicator)).toEqual([...Array(4).fill('belong_neighbourhood'), ...Array(4).fill('influence_decisions')]);
    expect(pick(rows, 'all')).toMatchObject({ ni: 'NI2', mode: 'survey-uplift', rule: 'points', baselineWave: '2006', currentWave: '2009', uplift: 5 });
    expect(SURVEY_UPLIFT_LABEL).toContain('Place Survey');
  });

  it('met: su(0.6, 2000, 0.7, 2000) → d 5, lo 2.0600540231899176, hi 7.9399459768100789', () => {
    const r = pick(rows, 'all');
    expect(r.baseline).toBeCloseTo(60, 12);
    expect(r.current).toBeCloseTo(70, 12);
    expect(r.d!).toBeCloseTo(5, 10);
    expect(r.ciLow!).toBeCloseTo(2.0600540231899176, 10);
    expect(r.ciHigh!).toBeCloseTo(7.9399459768100789, 10);
    expect(r.verdict).toBe('met');
    expect(r.targetPoints!).toBeCloseTo(65, 12);
    expect(r.targetRelative!).toBeCloseTo(63, 12);
    expect(r.target!).toBeCloseTo(65, 12);
    // changeP 2.6167849372106314e-11; mde 4.3401971570929589 ≤ 5
    expect(r.changeSignificant).toBe(true);
    expect(r.changeP! / 2.6167849372106314e-11).toBeCloseTo(1, 8);
    expect(r.mde!).toBeCloseTo(4.3401971570929589, 10);
    expect(r.detectable).toBe(true);
    expect(r.note).toBeNull();
  });

  it('met-within-margin, and detectable: false: su(0.6, 400, 0.66, 400)', () => {
    // → d 1, lo -5.6782734975634757, hi 7.6782734975634863, changeP 0.078255023085681066, mde 9.7049758790111902
    const r = pick(rows, 'rural');
    expect(r.ciLow!).toBeCloseTo(-5.6782734975634757, 10);
    expect(r.verdict).toBe('met-within-margin');
    expect(r.changeSignificant).toBe(false);
    expect(r.changeP!).toBeCloseTo(0.078255023085681066, 12);
    expect(r.mde!).toBeCloseTo(9.7049758790111902, 10);
    expect(r.detectable).toBe(false);
    expect(r.note).toBe('The sample cannot reliably detect a change of 5.0 points: the minimum detectable change is 9.7 points (80% power).');
  });

  it('missed-within-margin: su(0.6, 400, 0.63, 400) → d -2, lo -8.7405381240491256, hi 4.7405381240491309', () => {
    const r = pick(rows, 'deprived');
    expect(r.d!).toBeCloseTo(-2, 10);
    expect(r.ciHigh!).toBeCloseTo(4.7405381240491309, 10);
    expect(r.verdict).toBe('missed-within-margin');
  });

  it('missed: su(0.6, 2000, 0.58, 2000) → d -7, lo -10.047728240581565, hi -3.9522717594184389', () => {
    const r = pick(rows, 'average', 'influence_decisions');
    expect(r.ciLow!).toBeCloseTo(-10.047728240581565, 10);
    expect(r.ciHigh!).toBeCloseTo(-3.9522717594184389, 10);
    expect(r.verdict).toBe('missed');
    expect(r.changeP!).toBeCloseTo(0.19838015080006702, 12);
  });

  it('does not judge a suppressed base', () => {
    const r = surveyTargets(groups, codebook, { ...opts, groupBys: ['district'] });
    expect(r[0]).toMatchObject({ group: 'North', verdict: null, d: null, flag: 'suppressed', mde: null, detectable: null });
  });
});

describe('surveyTargets, relative', () => {
  const rel = surveyTargets(groups, codebook, { ...opts, rule: 'relative' });

  it('met: su(0.6, 2000, 0.7, 2000, "relative") → d 7, lo 3.9807647025269537, and the 3-point uplift is not detectable', () => {
    const r = pick(rel, 'all');
    expect(r.rule).toBe('relative');
    expect(r.target!).toBeCloseTo(63, 12);
    expect(r.targetPoints!).toBeCloseTo(65, 12);
    expect(r.d!).toBeCloseTo(7, 10);
    expect(r.ciLow!).toBeCloseTo(3.9807647025269537, 10);
    expect(r.ciHigh!).toBeCloseTo(10.019235297473045, 10);
    expect(r.verdict).toBe('met');
    // mde 4.34 points > the relative uplift of 0.05 · 60 = 3 points
    expect(r.detectable).toBe(false);
  });

  it('met-within-margin: su(0.6, 400, 0.66, 400, "relative") → d 3, lo -3.8528704995049816', () => {
    const r = pick(rel, 'rural');
    expect(r.d!).toBeCloseTo(3, 10);
    expect(r.ciLow!).toBeCloseTo(-3.8528704995049816, 10);
    expect(r.verdict).toBe('met-within-margin');
  });

  it('missed-within-margin: su(0.6, 400, 0.62, 400, "relative") → d -1, hi 5.9309048870100654', () => {
    const g = [group('2006', 'type', 'deprived', tallies(400, 240)), group('2009', 'type', 'deprived', tallies(400, 248))];
    const r = surveyTargets(g, codebook, { ...opts, rule: 'relative' })[0]!;
    expect(r.d!).toBeCloseTo(-1, 10);
    expect(r.ciHigh!).toBeCloseTo(5.9309048870100654, 10);
    expect(r.verdict).toBe('missed-within-margin');
  });

  it('missed: su(0.6, 2000, 0.58, 2000, "relative") → d -5, hi -1.8757165840174292', () => {
    const r = pick(rel, 'average');
    expect(r.ciHigh!).toBeCloseTo(-1.8757165840174292, 10);
    expect(r.verdict).toBe('missed');
  });
});
