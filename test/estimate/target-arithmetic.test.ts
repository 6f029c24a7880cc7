import { describe, expect, it } from 'vitest';
import { publishedTargetCheck, surveyUpliftCheck, targetValues } from '../../src/estimate/target-arithmetic.js';
import { targetVerdict } from '../../src/estimate/target-verdict.js';

const Z95 = 1.959963984540054;

/*
 R: z <- qnorm(0.975)
    v <- function(d, lo, hi) if (lo >= 0) "met" else if (d >= 0) "met-within-margin" else if (hi >= 0) "missed-within-margin" else "missed"
    points:   d <- p2 - p1 - 5;     se <- sqrt(se1^2 + se2^2)
    relative: d <- p2 - 1.05*p1;    se <- sqrt(se2^2 + 1.05^2*se1^2)
    published: d <- p2 - T;         se <- se2
    each then c(d - z*se, d + z*se) and v(d, lo, hi); values below with p1 = 60, se1 = se2 = 2
*/
describe('surveyUpliftCheck, points (+5)', () => {
  const cases: [number, number, number, number, string][] = [
    // p2, d, lo, hi, verdict (R output)
    [72, 7, 1.4563847026012899, 12.543615297398709, 'met'],
    [66, 1, -4.5436152973987101, 6.5436152973987101, 'met-within-margin'],
    [63, -2, -7.5436152973987101, 3.5436152973987101, 'missed-within-margin'],
    [57, -8, -13.543615297398709, -2.4563847026012899, 'missed'],
  ];
  it.each(cases)('p2 = %d', (p2, d, lo, hi, verdict) => {
    const c = surveyUpliftCheck(60, 2, p2, 2, 5, 'points', Z95);
    expect(c.d).toBeCloseTo(d, 12);
    expect(c.se).toBeCloseTo(2.8284271247461903, 12);
    expect(c.ciLow).toBeCloseTo(lo, 12);
    expect(c.ciHigh).toBeCloseTo(hi, 12);
    expect(c.verdict).toBe(verdict);
    expect(c.target).toBe(65);
    expect(c.targetPoints).toBe(65);
    expect(c.targetRelative).toBeCloseTo(63, 12);
  });
});

describe('surveyUpliftCheck, relative (×1.05)', () => {
  const cases: [number, number, number, number, string][] = [
    [70, 7, 1.3161044448338446, 12.683895555166156, 'met'],
    [64, 1, -4.6838955551661554, 6.6838955551661554, 'met-within-margin'],
    [61, -2, -7.6838955551661554, 3.6838955551661554, 'missed-within-margin'],
    [55, -8, -13.683895555166156, -2.3161044448338446, 'missed'],
  ];
  it.each(cases)('p2 = %d', (p2, d, lo, hi, verdict) => {
    const c = surveyUpliftCheck(60, 2, p2, 2, 5, 'relative', Z95);
    expect(c.d).toBeCloseTo(d, 12);
    expect(c.se).toBeCloseTo(2.9, 12);
    expect(c.ciLow).toBeCloseTo(lo, 12);
    expect(c.ciHigh).toBeCloseTo(hi, 12);
    expect(c.verdict).toBe(verdict);
    expect(c.target).toBeCloseTo(63, 12);
  });
});

describe('publishedTargetCheck', () => {
  const cases: [string, number, number, number, number, number, string][] = [
    // rule, target, p2, d, lo, hi, verdict (baseline 60, se2 = 2)
    ['points', 65, 70, 5, 1.0800720309198928, 8.9199279690801063, 'met'],
    ['points', 65, 66, 1, -2.9199279690801072, 4.9199279690801072, 'met-within-margin'],
    ['points', 65, 63, -2, -5.9199279690801072, 1.9199279690801072, 'missed-within-margin'],
    ['points', 65, 60, -5, -8.9199279690801063, -1.0800720309198928, 'missed'],
    ['relative', 63, 68, 5, 1.0800720309198928, 8.9199279690801063, 'met'],
    ['relative', 63, 64, 1, -2.9199279690801072, 4.9199279690801072, 'met-within-margin'],
    ['relative', 63, 61, -2, -5.9199279690801072, 1.9199279690801072, 'missed-within-margin'],
    ['relative', 63, 58, -5, -8.9199279690801063, -1.0800720309198928, 'missed'],
  ];
  it.each(cases)('%s, p2 = %d', (rule, target, p2, d, lo, hi, verdict) => {
    const c = publishedTargetCheck(60, undefined, p2, 2, 5, rule as 'points' | 'relative', Z95);
    expect(c.target).toBeCloseTo(target, 12);
    expect(c.d).toBeCloseTo(d, 12);
    expect(c.ciLow).toBeCloseTo(lo, 12);
    expect(c.ciHigh).toBeCloseTo(hi, 12);
    expect(c.verdict).toBe(verdict);
  });
  it('uses a given target when there is one', () => {
    // R: d <- 72 - 70; c(d - qnorm(0.975)*2, d + qnorm(0.975)*2) → -1.9199279690801072 5.9199279690801072
    const c = publishedTargetCheck(60, 70, 72, 2, 5, 'points', Z95);
    expect(c.target).toBe(70);
    expect(c.ciLow).toBeCloseTo(-1.9199279690801072, 12);
    expect(c.verdict).toBe('met-within-margin');
    expect(c.targetPoints).toBe(65);
  });
});

describe('targetVerdict boundaries and targetValues', () => {
  it('lo = 0 is met, d = 0 is met-within-margin, hi = 0 is missed-within-margin', () => {
    expect(targetVerdict(2, 0, 4)).toBe('met');
    expect(targetVerdict(0, -2, 2)).toBe('met-within-margin');
    expect(targetVerdict(-2, -4, 0)).toBe('missed-within-margin');
    expect(targetVerdict(-2, -4, -1e-12)).toBe('missed');
  });
  it('gives both readings of +5%', () => {
    // by hand: 41.2 + 5 = 46.2; 41.2 · 1.05 = 43.26
    const t = targetValues(41.2, 5);
    expect(t.targetPoints).toBeCloseTo(46.2, 12);
    expect(t.targetRelative).toBeCloseTo(43.26, 12);
  });
});
