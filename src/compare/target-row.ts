import type { TargetRule } from '../estimate/target-arithmetic.js';
import type { Verdict } from '../estimate/target-verdict.js';
import { formatPercent } from '../render/format-number.js';

export type TargetMode = 'survey-uplift' | 'published-baseline';

export interface TargetRow {
  indicator: string;
  ni: string | null;
  groupBy: string;
  group: string;
  mode: TargetMode;
  /** the rule that decides the verdict; both target values are always given */
  rule: TargetRule;
  /** null for a published baseline */
  baselineWave: string | null;
  currentWave: string;
  /** percent, 0–100 */
  baseline: number | null;
  current: number | null;
  /** points (rule points) or percent of the baseline (rule relative) */
  uplift: number;
  targetPoints: number | null;
  targetRelative: number | null;
  /** the deciding target value, percent */
  target: number | null;
  /** points: the quantity whose CI decides the verdict (see targetVerdict) */
  d: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  verdict: Verdict | null;
  /** is the change from the baseline itself significant (two-sided, at alpha, unadjusted)? */
  changeSignificant: boolean | null;
  /** p of that change */
  changeP: number | null;
  /** minimum detectable change, points (80% power, two-sided at 1 − level) */
  mde: number | null;
  /** mde ≤ the uplift in points */
  detectable: boolean | null;
  note: string | null;
  flag: 'ok' | 'indicative' | 'suppressed' | 'no-data';
}

/** The note for a change the sample is too small to detect reliably. */
export function undetectableNote(upliftPoints: number, mde: number): string {
  return `The sample cannot reliably detect a change of ${formatPercent(upliftPoints)} points: the minimum detectable change is ${formatPercent(mde)} points (80% power).`;
}
