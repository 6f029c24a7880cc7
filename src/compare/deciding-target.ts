import type { TargetRule } from '../types/index.js';

export type TargetSource = 'file' | TargetRule;

export interface DecidingTarget {
  /** percent */
  value: number;
  /** `file`: the targets file's own target column; else the rule that made it from the baseline and the uplift */
  source: TargetSource;
  /** how far the target lies from the baseline, in points (either direction): the change the survey must detect */
  changeNeeded: number;
}

/**
 * Which target decides a verdict: a targets file's own `target` (e.g. 70) when it gives one, since that is the
 * published commitment; else the baseline plus the uplift under the rule (+u points, or ×(1 + u/100)). The two
 * readings of "+5%" are always shown beside it, but only this one decides, is marked, and is the change whose
 * detectability is judged. In percent and points.
 */
export function decidingTarget(
  baseline: number,
  fileTarget: number | undefined,
  uplift: number,
  rule: TargetRule,
): DecidingTarget {
  const value = fileTarget ?? (rule === 'points' ? baseline + uplift : baseline * (1 + uplift / 100));
  return { value, source: fileTarget !== undefined ? 'file' : rule, changeNeeded: Math.abs(value - baseline) };
}
