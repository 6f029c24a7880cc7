import { adjustPValues, type AdjustMethod } from '../estimate/adjust-p-values.js';

/**
 * The adjustment in force, by name. `--adjust bh|holm|none` passes its name; the older boolean form
 * (`--no-adjust`) means 'none' when false and the default, Benjamini–Hochberg, when true.
 */
export function adjustMethodOf(adjust: boolean | AdjustMethod): AdjustMethod {
  if (adjust === true) return 'bh';
  if (adjust === false) return 'none';
  return adjust;
}

export const ADJUST_WORDS: Record<AdjustMethod, string> = {
  bh: 'Benjamini–Hochberg (false discovery rate)',
  holm: 'Holm (family-wise error rate)',
  none: 'NOT adjusted for multiple testing',
};

interface Tested {
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  familySize: number;
}

/**
 * Adjust one family in place: pAdjusted by the method, familySize = tests with a p, significant = pAdjusted < alpha.
 */
export function adjustRows<T extends Tested>(rows: T[], method: AdjustMethod, alpha: number): T[] {
  const adjusted = adjustPValues(
    rows.map((r) => r.p),
    method,
  );
  const familySize = rows.filter((r) => r.p !== null).length;
  rows.forEach((r, i) => {
    r.pAdjusted = adjusted[i] ?? null;
    r.familySize = familySize;
    r.significant = r.pAdjusted !== null && r.pAdjusted < alpha;
  });
  return rows;
}
