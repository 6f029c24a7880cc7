import type { Codebook } from '../codebook/schema.js';
import { ADJUST_WORDS, adjustMethodOf } from '../compare/adjust-method.js';
import { netChanges } from '../compare/net-changes.js';
import type { AdjustMethod } from '../estimate/adjust-p-values.js';
import type { EstimateOptions } from '../estimate/estimate-tally.js';
import type { Inference, NetChangeDesign, NetChangeRow } from '../types/index.js';
import type { GroupedSurvey } from './build-estimates.js';

/** With --net and two waves: the wave changes of the net scores, over the same pair of waves as the percentages. */
export function netInference(
  codebook: Codebook,
  grouped: GroupedSurvey,
  indicators: number[],
  eo: EstimateOptions,
  o: { alpha: number; adjust: boolean | AdjustMethod },
  inference: Inference,
): { netChanges?: NetChangeRow[]; netChangeDesign?: NetChangeDesign } {
  const d = inference.comparisonDesign;
  if (!d) return {};
  const adjust = adjustMethodOf(o.adjust);
  const groups = grouped.levels.flatMap((l) => l.groups);
  return {
    netChangeDesign: {
      from: d.from,
      to: d.to,
      alpha: o.alpha,
      adjustment: adjust,
      family: `one item's net score × one grouping level × one pair of waves (its groups); ${ADJUST_WORDS[adjust]}`,
    },
    netChanges: netChanges(groups, codebook, { ...eo, from: d.from, to: d.to, alpha: o.alpha, adjust, indicators }),
  };
}
