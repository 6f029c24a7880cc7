import { describe, expect, it } from 'vitest';
import { surveyTargets, targetIndicators } from '../../src/compare/survey-targets.js';
import { SURVEY_UPLIFT_LABEL } from '../../src/format/target-labels.js';
import type { TargetRow } from '../../src/types/index.js';
import { codebook, estimateOptions, flat, group } from './fixtures.js';

/*
 R: z <- qnorm(0.975); zp <- qnorm(0.975) + qnorm(0.8)
    su <- function(p1, n1, p2, n2, rule = "points", u = 5) {
      se1 <- 100*sqrt(p1*(1-p1)/n1); se2 <- 100*sqrt(p2*(1-p2)/n2); k <- 1 + u/100
      if (rule == "points") { d <- 100*(p2-p1) - u; s <- sqrt(se1^2 + se2^2); uu <- u }
      else { d <- 100*p2 - k*100*p1; s <- sqrt(se2^2 + k^2*se1^2); uu <- (k-1)*100*p1 }
      ps <- p1 + uu/100; mdc0 <- zp*sqrt(p1*(1-p1)/n1 + ps*(1-ps)/n2)*100
      zc <- (p2-p1)/sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2)
      c(d=d, se=s, lo=d - z*s, hi=d + z*s, pMet=pnorm(d/s, lower.tail=FALSE), pMissed=pnorm(d/s), mdc0=mdc0,
        d80=uu + zp*s, changeP=2*pnorm(-abs(zc))) }
    verdict: met when lo ≥ 0, missed when hi < 0, else inconclusive (lean above when d ≥ 0)
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
const opts = {
  ...estimateOptions,
  uplift: 5,
  rule: 'points' as const,
  alpha: 0.05,
  adjust: 'bh' as const,
  baselineWave: '2006',
  currentWave: '2009',
};
const pick = (rows: TargetRow[], g: string, indicator = 'belong_neighbourhood') =>
  rows.find((r) => r.group === g && r.indicator === indicator)!;

describe('surveyTargets, points', () => {
  const rows = surveyTargets(groups, codebook, opts);

  it('covers NI1/NI2/NI4 for all and by type', () => {
    expect(targetIndicators(codebook)).toEqual([0, 2]);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.indicator)).toEqual([
      ...Array(4).fill('belong_neighbourhood'),
      ...Array(4).fill('influence_decisions'),
    ]);
    expect(pick(rows, 'all')).toMatchObject({
      ni: 'NI2',
      mode: 'survey-uplift',
      rule: 'points',
      baselineWave: '2006',
      currentWave: '2009',
      uplift: 5,
    });
    expect(SURVEY_UPLIFT_LABEL).toContain('Place Survey');
  });

  it('met: su(0.6, 2000, 0.7, 2000) → d 5, lo 2.0600540231899176, hi 7.9399459768100789', () => {
    const r = pick(rows, 'all');
    expect(r.baseline).toBeCloseTo(60, 12);
    expect(r.current).toBeCloseTo(70, 12);
    expect(r.d!).toBeCloseTo(5, 10);
    expect(r.se!).toBeCloseTo(1.5, 10);
    expect(r.ciLow!).toBeCloseTo(2.0600540231899176, 10);
    expect(r.ciHigh!).toBeCloseTo(7.9399459768100789, 10);
    expect(r.verdict).toBe('met');
    expect(r.lean).toBeNull();
    expect(r.pMet! / 4.2906033319683936e-4).toBeCloseTo(1, 8);
    expect(r.pMissed!).toBeCloseTo(0.99957093966680322, 10);
    expect(r.targetPoints!).toBeCloseTo(65, 12);
    expect(r.targetRelative!).toBeCloseTo(63, 12);
    expect(r.target!).toBeCloseTo(65, 12);
    // MDC₀ 4.2833113801171390 ≤ 5; Δ₈₀ 9.2023778271694514;
    // changeP 2.6167849372106314e-11 (a family of one at `all`)
    expect(r.detectableRise!).toBeCloseTo(4.283311380117139, 10);
    expect(r.detectsTarget).toBe(true);
    expect(r.confirmableRise!).toBeCloseTo(9.2023778271694514, 10);
    expect(r.change!).toBeCloseTo(10, 10);
    expect(r.changeP! / 2.6167849372106314e-11).toBeCloseTo(1, 8);
    expect(r.changePAdjusted).toBe(r.changeP);
    expect(r.changeFamily).toBe('NI2 × all × 2006→2009');
    expect(r.changeDirection).toBe('rose');
    expect(r.note).toBeNull();
  });

  it('inconclusive, lean above, and the design cannot detect the target: su(0.6, 400, 0.66, 400)', () => {
    // → d 1, lo -5.6782734975634757, pMet 0.384576253055076089, MDC₀ 9.577775414740362, Δ₈₀ 14.545967405967447
    const r = pick(rows, 'rural');
    expect(r.ciLow!).toBeCloseTo(-5.6782734975634757, 10);
    expect(r.verdict).toBe('inconclusive');
    expect(r.lean).toBe('above');
    expect(r.pMet!).toBeCloseTo(0.384576253055076089, 10);
    expect(r.detectableRise!).toBeCloseTo(9.577775414740362, 10);
    expect(r.detectsTarget).toBe(false);
    expect(r.confirmableRise!).toBeCloseTo(14.545967405967447, 10);
    expect(r.changeP!).toBeCloseTo(0.078255023085681066, 12);
    // the type family of NI2: p.adjust(c(0.078255023085681066, 0.38303498386002, 0.19838015080006702), "BH")
    //   → 0.23476506925704321 0.38303498386002000 0.29757022620010054
    expect(r.changePAdjusted!).toBeCloseTo(0.23476506925704321, 12);
    expect(r.changeFamily).toBe('NI2 × type × 2006→2009');
    expect(r.changeDirection).toBe('none');
  });

  it(
    'inconclusive, lean below: ' + 'su(0.6, 400, 0.63, 400) → d -2, lo -8.7405381240491256, hi 4.7405381240491309',
    () => {
      const r = pick(rows, 'deprived');
      expect(r.d!).toBeCloseTo(-2, 10);
      expect(r.ciHigh!).toBeCloseTo(4.7405381240491309, 10);
      expect(r.verdict).toBe('inconclusive');
      expect(r.lean).toBe('below');
      expect(r.pMet!).toBeCloseTo(0.7195634868169638, 10);
      expect(r.changePAdjusted!).toBeCloseTo(0.38303498386002, 12);
    },
  );

  it('missed: su(0.6, 2000, 0.58, 2000) → d -7, lo -10.047728240581565, hi -3.9522717594184389', () => {
    const r = pick(rows, 'average', 'influence_decisions');
    expect(r.ciLow!).toBeCloseTo(-10.047728240581565, 10);
    expect(r.ciHigh!).toBeCloseTo(-3.9522717594184389, 10);
    expect(r.verdict).toBe('missed');
    expect(r.pMissed! / 3.3716992746584165e-6).toBeCloseTo(1, 7);
    expect(r.changeP!).toBeCloseTo(0.19838015080006702, 12);
    expect(r.changePAdjusted!).toBeCloseTo(0.29757022620010054, 12);
    expect(r.confirmableRise!).toBeCloseTo(9.3564424933259573, 10);
  });

  it('uses the (1 − alpha) interval of d', () => {
    // R: d 5, σ 1.5, qnorm(0.995) → lo 5 - qnorm(0.995)*1.5 = 1.1362560446766503
    const r = pick(surveyTargets(groups, codebook, { ...opts, alpha: 0.01 }), 'all');
    expect(r.ciLow!).toBeCloseTo(1.1362560446766503, 9);
  });

  it('does not judge a suppressed base', () => {
    const r = surveyTargets(groups, codebook, { ...opts, groupBys: ['district'] });
    expect(r[0]).toMatchObject({
      group: 'North',
      verdict: null,
      lean: null,
      d: null,
      se: null,
      pMet: null,
      flag: 'suppressed',
      detectableRise: null,
      confirmableRise: null,
      change: null,
      changeP: null,
      changePAdjusted: null,
      changeDirection: null,
    });
  });
});

describe('surveyTargets, relative', () => {
  const rel = surveyTargets(groups, codebook, { ...opts, rule: 'relative' });

  it(
    'met: su(0.6, 2000, 0.7, 2000, "relative") → d 7, lo ' +
      '3.9807647025269537, and the 3-point uplift is not detectable',
    () => {
      // MDC₀ 4.3088890693080932 > u = 0.05 · 60 = 3 points; Δ₈₀ 7.3157144958407994
      const r = pick(rel, 'all');
      expect(r.rule).toBe('relative');
      expect(r.target!).toBeCloseTo(63, 12);
      expect(r.targetPoints!).toBeCloseTo(65, 12);
      expect(r.d!).toBeCloseTo(7, 10);
      expect(r.ciLow!).toBeCloseTo(3.9807647025269537, 10);
      expect(r.ciHigh!).toBeCloseTo(10.019235297473045, 10);
      expect(r.verdict).toBe('met');
      expect(r.detectableRise!).toBeCloseTo(4.3088890693080932, 10);
      expect(r.detectsTarget).toBe(false);
      expect(r.confirmableRise!).toBeCloseTo(7.3157144958407994, 10);
    },
  );

  it('inconclusive: su(0.6, 400, 0.66, 400, "relative") → d 3, lo -3.8528704995049816', () => {
    const r = pick(rel, 'rural');
    expect(r.d!).toBeCloseTo(3, 10);
    expect(r.ciLow!).toBeCloseTo(-3.8528704995049816, 10);
    expect(r.verdict).toBe('inconclusive');
    expect(r.lean).toBe('above');
  });

  it('inconclusive: su(0.6, 400, 0.62, 400, "relative") → d -1, hi 5.9309048870100654', () => {
    const g = [
      group('2006', 'type', 'deprived', tallies(400, 240)),
      group('2009', 'type', 'deprived', tallies(400, 248)),
    ];
    const r = surveyTargets(g, codebook, { ...opts, rule: 'relative' })[0]!;
    expect(r.d!).toBeCloseTo(-1, 10);
    expect(r.ciHigh!).toBeCloseTo(5.9309048870100654, 10);
    expect(r.verdict).toBe('inconclusive');
    expect(r.lean).toBe('below');
  });

  it('missed: su(0.6, 2000, 0.58, 2000, "relative") → d -5, hi -1.8757165840174292', () => {
    const r = pick(rel, 'average');
    expect(r.ciHigh!).toBeCloseTo(-1.8757165840174292, 10);
    expect(r.verdict).toBe('missed');
  });
});
