import { formatNumber } from '../format/format-number.js';
import type { AreaEvidence } from '../tag/tag-settings.js';
import type { TagRule } from '../tag/tag-rule.js';

/** "2,100 of 2,600 (80.8%)" or "2 of 3 LSOAs (66.7%)": percentages on a 0–100 scale. */
export function shareCell(weight: number, e: AreaEvidence, rule: TagRule): string {
  const pct = formatNumber((100 * weight) / e.weight, 1);
  return rule.weighting === 'population'
    ? `${formatNumber(weight)} of ${formatNumber(e.weight)} (${pct}%)`
    : `${formatNumber(weight)} of ${e.lsoas} LSOAs (${pct}%)`;
}

/** The deprived column: the share in the most deprived LSOAs, or the mean rank under mean-rank. */
export function deprivedCell(e: AreaEvidence, rule: TagRule): string {
  if (rule.criterion.kind === 'mean-rank') return `mean rank ${formatNumber(e.meanRank ?? Number.NaN)}`;
  return shareCell(e.deprivedWeight, e, rule);
}
