import type { TargetRule } from '../types/index.js';
import { targetVerdict } from './target-verdict.js';
import { type Verdict } from '../types/index.js';

export interface TargetCheck {
  /** baseline + uplift, in percent */
  targetPoints: number;
  /** baseline · (1 + uplift/100), in percent */
  targetRelative: number;
  /** the target that decides the verdict, in percent */
  target: number;
  /** in points: (current − baseline − uplift), (current − 1.05·baseline), or current − fixed target */
  d: number;
  /** standard error of d, in points */
  se: number;
  ciLow: number;
  ciHigh: number;
  verdict: Verdict;
}

/** Both readings of "+u%" on a baseline in percent: +u points, and ×(1 + u/100). */
export function targetValues(baseline: number, uplift: number): { targetPoints: number; targetRelative: number } {
  return { targetPoints: baseline + uplift, targetRelative: baseline * (1 + uplift / 100) };
}

/**
 * Uplift on a baseline that is itself an estimate (the survey's own earlier wave). All in percent/points.
 *   points:   d = p2 − p1 − u,          se = √(se1² + se2²)
 *   relative: d = p2 − (1 + u/100)·p1,  se = √(se2² + (1 + u/100)²·se1²)
 * CI = d ± zCrit·se; verdict by targetVerdict. Source: issue 5; the variance of a linear combination of
 * independent estimates.
 */
export function surveyUpliftCheck(
  p1: number, se1: number, p2: number, se2: number, uplift: number, rule: TargetRule, zCrit: number,
): TargetCheck {
  const { targetPoints, targetRelative } = targetValues(p1, uplift);
  const k = 1 + uplift / 100;
  const d = rule === 'points' ? p2 - p1 - uplift : p2 - k * p1;
  const se = rule === 'points' ? Math.sqrt(se1 * se1 + se2 * se2) : Math.sqrt(se2 * se2 + k * k * se1 * se1);
  const target = rule === 'points' ? targetPoints : targetRelative;
  return finish(targetPoints, targetRelative, target, d, se, zCrit);
}

/**
 * A current estimate against a published, fixed target (e.g. a Place Survey baseline plus the uplift, or
 * a given target value). The baseline has no sampling error: d = p2 − target, se = se2. All in percent.
 */
export function publishedTargetCheck(
  baseline: number, givenTarget: number | undefined, p2: number, se2: number, uplift: number, rule: TargetRule, zCrit: number,
): TargetCheck {
  const { targetPoints, targetRelative } = targetValues(baseline, uplift);
  const target = givenTarget ?? (rule === 'points' ? targetPoints : targetRelative);
  return finish(targetPoints, targetRelative, target, p2 - target, se2, zCrit);
}

function finish(targetPoints: number, targetRelative: number, target: number, d: number, se: number, zCrit: number): TargetCheck {
  const ciLow = d - zCrit * se;
  const ciHigh = d + zCrit * se;
  return { targetPoints, targetRelative, target, d, se, ciLow, ciHigh, verdict: targetVerdict(d, ciLow, ciHigh) };
}
