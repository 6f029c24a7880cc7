import { SURVEY_UPLIFT_LABEL } from '../format/target-labels.js';
import type { TargetRow } from '../types/index.js';
import { formatPercent } from '../format/format-number.js';
import type { ReportModel } from './report-model.js';

/** The label `analyse` gave the target mode (it names a published-baselines file), else one from the row. */
export function targetModeLabel(m: ReportModel, t: TargetRow): string {
  const design = m.input.result.targetDesign as { label?: unknown } | undefined;
  if (typeof design?.label === 'string') return design.label;
  return t.mode === 'survey-uplift'
    ? SURVEY_UPLIFT_LABEL
    : 'Published baselines (fixed values with no sampling error of their own)';
}

export function ruleWords(t: Pick<TargetRow, 'rule' | 'uplift'>): string {
  return t.rule === 'points'
    ? `+${t.uplift} percentage points on the baseline`
    : `+${t.uplift}% of the baseline (×${formatPercent(1 + t.uplift / 100, 2)})`;
}

/** What the target of one row is measured against, in words. */
export function targetBasis(t: TargetRow): string {
  if (t.mode === 'survey-uplift')
    return `${ruleWords(t)}, the baseline being the survey's ${t.baselineWave ?? 'baseline'} figure`;
  return (
    `published baseline ${formatPercent(t.baseline)}%; ` +
    `${t.targetSource === 'file' ? 'target as published (targets file)' : ruleWords(t)}`
  );
}
