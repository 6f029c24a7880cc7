import { bhAdjust } from './bh-adjust.js';
import { holmAdjust } from './holm-adjust.js';

export type AdjustMethod = 'bh' | 'holm' | 'none';

/**
 * Multiple-testing adjustment of a family of p-values by name: 'bh' (Benjamini–Hochberg false discovery
 * rate), 'holm' (Holm family-wise error rate) or 'none' (the raw p-values). Nulls keep their place and do not
 * count in the family size. Source: R `p.adjust(p, method)` with method "BH", "holm" or "none".
 * Example: [0.01, 0.04, 0.03] → bh [0.03, 0.04, 0.04], holm [0.03, 0.06, 0.06], none unchanged.
 */
export function adjustPValues(ps: readonly (number | null)[], method: AdjustMethod): (number | null)[] {
  if (method === 'bh') return bhAdjust(ps);
  if (method === 'holm') return holmAdjust(ps);
  return [...ps];
}
