import type { TargetRule, Verdict } from './survey.js';

/** The multiple-testing adjustment within each family (R `p.adjust` methods "BH", "holm", "none"). */
export type AdjustMethod = 'bh' | 'holm' | 'none';

export type ComparisonFlag = 'ok' | 'indicative' | 'suppressed' | 'no-data' | 'no-variance';

/** One wave change of one indicator in one group, with its test: what a change row and a net change row share. */
export interface WaveChangeTest {
  indicator: string;
  ni: string | null;
  groupBy: string;
  group: string;
  from: string;
  to: string;
  /** the later wave's value minus the earlier's, in points */
  changePp: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** e.g. "NI2 × type × 2006→2009": one indicator × one grouping level × one pair of waves */
  family: string;
  /** number of tests in the family that have a p-value */
  familySize: number;
  significant: boolean;
  flag: ComparisonFlag;
}

export interface ComparisonRow extends WaveChangeTest {
  /** percent, 0–100 */
  p1: number | null;
  p2: number | null;
}

export interface TypePairRowBase {
  a: string;
  b: string;
  /** percent of a and of b, 0–100 */
  percentA: number | null;
  percentB: number | null;
  /** percentA − percentB, points */
  diffPp: number | null;
  p: number | null;
  /** adjusted across the (up to 3) pairs of one indicator × wave */
  pAdjusted: number | null;
  /** the omnibus test is significant and this pair's adjusted p < alpha */
  significant: boolean;
  flag: ComparisonFlag;
}

/** A pair on the surveyed areas' respondents: z on Kish effective n. */
export interface SurveyedAreasPairRow extends TypePairRowBase {
  z: number | null;
}

/** A pair of area types with areas as clusters: the design-based t contrast. */
export interface AreaTypePairRow extends TypePairRowBase {
  /** standard error of diffPp, points */
  se: number | null;
  t: number | null;
  /** areas with data − types with data */
  df: number | null;
}

export type TypePairRow = SurveyedAreasPairRow | AreaTypePairRow;

interface TypeTestRowBase {
  wave: string;
  indicator: string;
  ni: string | null;
  /** the types tested */
  types: string[];
  p: number | null;
  /** the omnibus test of one indicator × wave is a family of one: pAdjusted = p */
  pAdjusted: number | null;
  significant: boolean;
  /** why the test was not run, in words; null when it was */
  reason: string | null;
  flag: 'ok' | 'suppressed' | 'no-variance' | 'not-run';
}

/**
 * "The surveyed areas of the three types differ": respondents of the surveyed areas, neighbourhoods as strata,
 * first-order Rao–Scott χ².
 */
export interface SurveyedAreasTestRow extends TypeTestRowBase {
  test: 'surveyed-areas';
  /** first-order Rao–Scott statistic X²/δ̄, referred to χ²(df) */
  statistic: number | null;
  df: number | null;
  /** the uncorrected Pearson X² (what R's svychisq prints as X-squared) */
  pearson: number | null;
  /** mean generalised design effect δ̄ */
  deltaMean: number | null;
  pairs: SurveyedAreasPairRow[];
}

/** "Area types differ": areas as clusters within area-type strata, second-order Rao–Scott F. */
export interface AreaTypeTestRow extends TypeTestRowBase {
  test: 'area-type';
  F: number | null;
  ndf: number | null;
  ddf: number | null;
  pairs: AreaTypePairRow[];
}

export type TypeTestRow = SurveyedAreasTestRow | AreaTypeTestRow;

export interface AreaTestRow {
  wave: string;
  indicator: string;
  ni: string | null;
  /** area code */
  area: string;
  areaName: string;
  /** 0–100 */
  percent: number | null;
  /** the other surveyed areas of the wave together, 0–100 */
  restPercent: number | null;
  diffPp: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  /** the family: the neighbourhoods of one indicator and wave */
  familySize: number;
  flag: ComparisonFlag;
}

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
  /** where the deciding target comes from: a targets file's own `target` column, or the rule (points, relative) */
  targetSource: 'file' | TargetRule;
  /** distance from the target, points (> 0 above it); its (1 − alpha) interval is ciLow to ciHigh */
  d: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** met, missed or inconclusive; null exactly when the flag is suppressed or no-data */
  verdict: Verdict | null;
  /** for an inconclusive verdict, the side of the target d is on */
  lean: 'above' | 'below' | null;
  /** standard error σ of d, points */
  se: number | null;
  /** one-sided p against "met" (H0: d ≤ 0) and against "missed" (H0: d ≥ 0) */
  pMet: number | null;
  pMissed: number | null;
  /** MDC₀, points: the smallest true change detected with 80% power (two-sided at alpha) */
  detectableRise: number | null;
  /** MDC₀ ≤ the target's change in points */
  detectsTarget: boolean | null;
  /** Δ₈₀, points: the true change that gives an 80% chance of a "met" verdict */
  confirmableRise: number | null;
  /** current − baseline, points */
  change: number | null;
  /** two-sided p of that change, and adjusted within its family */
  changeP: number | null;
  changePAdjusted: number | null;
  /** the change's family, e.g. "NI2 × type × 2006→2009" (the compare family), or a family of one */
  changeFamily: string | null;
  /** rose or fell when the adjusted p < alpha, else none */
  changeDirection: 'rose' | 'fell' | 'none' | null;
  note: string | null;
  flag: 'ok' | 'indicative' | 'suppressed' | 'no-data';
}

export type FindingKind =
  'change' | 'type-difference' | 'surveyed-type-difference' | 'area-difference' | 'no-type-difference';

export interface Finding {
  kind: FindingKind;
  indicator: string;
  /** the grouping level of `groups`: all, type, district, neighbourhood or a profile column */
  groupBy: string;
  /** the groups it is about (e.g. ["rural", "average"], ["NW-MEA"], ["all"]) */
  groups: string[];
  /** [from, to] for a change; [wave] otherwise */
  waves: string[];
  /** the percents compared: [from, to] of a change, [a, b] of a type pair, [area, rest] of an area; [] otherwise */
  percents: number[];
  /** the difference in points (to − from, a − b, area − rest); null for no-type-difference */
  diffPp: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** the sentence, rendered for output by src/render/finding-text.ts (absent inside the pipeline) */
  text?: string;
}

export interface Inference {
  comparisons?: ComparisonRow[];
  comparisonDesign?: { from: string; to: string; alpha: number; adjustment: AdjustMethod; family: string };
  typeTests?: TypeTestRow[];
  areaTests?: AreaTestRow[];
  targets?: TargetRow[];
  targetDesign?: {
    mode: string;
    label: string;
    rule: string;
    uplift: number;
    baselineWave: string | null;
    currentWave: string;
    note: string;
  };
  findings?: Finding[];
}

/** One published baseline: e.g. the Place Survey 2008 figure for NI4 in the surveyed areas. */
export interface PublishedBaseline {
  /** codebook item index */
  index: number;
  /** as written in the file: "all", a type, a district, an area code or name */
  group: string;
  /** percent */
  baseline: number;
  /** percent; when absent, baseline plus the uplift under the rule */
  target?: number;
  /** the baseline's standard error in points, given, or from baseline_n and baseline_deff */
  baselineSe?: number;
  /** "surveyed areas" when the baseline measured the same areas; else the population it measured */
  baselinePopulation?: string;
  /** 1-based line (CSV) or row number (JSON) */
  line: number;
}

/** One answer code of one item in one wave and group: `freq`. */
export interface FrequencyRow {
  wave: string;
  groupBy: string;
  group: string;
  indicator: string;
  ni: string | null;
  /** the code as written: 1–97, "blank", "98", "99", "invalid", or "—" for returns whose file lacked the item */
  code: string;
  label: string;
  /** positive; not positive (in the base); excluded (out of the base); missing; absent (no column) */
  class: 'positive' | 'not positive' | 'excluded' | 'missing' | 'absent';
  /** why it is outside the base (excluded reason, missing reason, item-absent); null in the base */
  reason: string | null;
  unweighted: number;
  /** Σ weights */
  weighted: number;
  /** weighted ÷ the weighted returns of the group, 0–100 */
  percentOfReturns: number | null;
  /** weighted ÷ the weighted base (positive + not positive), 0–100; null outside the base */
  percentOfBase: number | null;
}
