import type { TargetRule, Verdict } from './survey.js';

export type ComparisonFlag = 'ok' | 'indicative' | 'suppressed' | 'no-data' | 'no-variance';

export interface ComparisonRow {
  indicator: string;
  ni: string | null;
  groupBy: string;
  group: string;
  from: string;
  to: string;
  /** percent, 0–100 */
  p1: number | null;
  p2: number | null;
  changePp: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** e.g. "2006-2009:type" — the indicators × groups of one grouping level for one pair of waves */
  family: string;
  /** number of tests in the family that have a p-value */
  familySize: number;
  significant: boolean;
  flag: ComparisonFlag;
}

export interface TypePairRow {
  a: string;
  b: string;
  /** percent of a and of b, 0–100 */
  percentA: number | null;
  percentB: number | null;
  /** percentA − percentB, points */
  diffPp: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  flag: ComparisonFlag;
}

export interface TypeTestRow {
  wave: string;
  indicator: string;
  ni: string | null;
  /** the types tested (those with at least minBase answers) */
  types: string[];
  /** first-order Rao–Scott statistic X²/δ̄, referred to χ²(df) */
  statistic: number | null;
  /** the uncorrected Pearson X² (what R's svychisq prints as X-squared) */
  pearson: number | null;
  /** mean generalised design effect δ̄ */
  deltaMean: number | null;
  df: number | null;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  /** Holm across the indicators of one wave; the pairs Holm across themselves */
  familySize: number;
  pairs: TypePairRow[];
  flag: 'ok' | 'suppressed' | 'no-variance';
}

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
  /** Holm across the neighbourhoods of one indicator and wave */
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

export type FindingKind = 'change' | 'type-difference' | 'area-difference' | 'no-type-difference';

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
  comparisonDesign?: { from: string; to: string; alpha: number; adjustment: 'holm' | 'none'; family: string };
  typeTests?: TypeTestRow[];
  areaTests?: AreaTestRow[];
  targets?: TargetRow[];
  targetDesign?: { mode: string; label: string; rule: string; uplift: number; baselineWave: string | null; currentWave: string; note: string };
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
