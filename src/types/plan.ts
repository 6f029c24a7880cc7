import type { Accounting, TargetRule } from './survey.js';

/** Why a plan figure cannot be given. */
export type PlanReason =
  /** the target (or, to confirm, the assumed true level) is at or above 100% */
  | 'target-above-100'
  | 'rise-above-100'
  /** given the baseline wave's own sampling error, no size of the next wave is enough */
  | 'not-reachable'
  /** the baseline's unweighted base is under --min-base */
  | 'baseline-suppressed'
  /** no response rate: neither --response-rate nor a registry with `mailed` */
  | 'no-response-rate';

/** Returns needed for one aim, with the change δ the sample must resolve. */
export interface PlanNeed {
  /** returns, rounded up; per wave for two new waves, for the next wave given the baseline wave; null with a reason */
  returns: number | null;
  /** before rounding */
  exact: number | null;
  /** points: the uplift u (detect) or r − u (confirm); null when the baseline is suppressed */
  delta: number | null;
  /** percent: p1 + u (detect) or p1 + r (confirm); null when the baseline is suppressed */
  p2: number | null;
  reason: PlanReason | null;
}

/** Questionnaires to mail: ⌈returns ÷ response rate⌉ for each aim. */
export interface PlanMail {
  /** share, 0–1; null when unknown */
  responseRate: number | null;
  detect: { questionnaires: number | null; delta: number | null };
  confirm: { questionnaires: number | null; delta: number | null };
  reason: PlanReason | null;
}

export interface PlanNeeds {
  returnsToDetect: PlanNeed;
  returnsToConfirm: PlanNeed;
  questionnairesToMail: PlanMail;
}

export interface PlanRow extends PlanNeeds {
  /** null with --baseline (a figure, not a codebook item) */
  indicator: string | null;
  ni: string | null;
  groupBy: string;
  group: string;
  /** percent; null when suppressed */
  baseline: number | null;
  /** Kish effective n of the baseline in the --from wave; null with --baseline */
  baselineNEff: number | null;
  /** unweighted base of the baseline; null with --baseline */
  unweightedBase: number | null;
  /** the design effect assumed for the new wave(s) */
  deff: number;
  /** the uplift in points: the uplift (points rule) or (uplift/100)·p1 (relative rule) */
  upliftPoints: number | null;
  /** p1 + u, percent */
  target: number | null;
  /** the assumed true rise r, in points */
  assumedRise: number | null;
  /** with --from: the next wave's returns given the baseline wave as it is (its own n_eff); null with --baseline */
  givenBaseline: PlanNeeds | null;
}

export interface PlanDesign {
  /** `--baseline` (a figure) or `wave` (each group's estimate in the --from wave) */
  baselineSource: 'option' | 'wave';
  /** the baseline wave, with files */
  fromWave: string | null;
  rule: TargetRule;
  uplift: number;
  alpha: number;
  power: number;
  /** `--assumed-rise`, or null for the default 2 × the uplift in points */
  assumedRise: number | null;
  /** the design effect in words: `--deff 1.2`, `1 (default)`, or the level means */
  deff: string;
  /** the response rate in words */
  responseRate: string;
  groupings: string[];
  minBase: number;
}

export interface PlanResult {
  schemaVersion: number;
  plan: PlanDesign;
  /** with survey files: the row accounting */
  accounting?: Accounting;
  plans: PlanRow[];
}
