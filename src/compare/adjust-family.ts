import { adjustPValues, type AdjustMethod } from '../estimate/adjust-p-values.js';

interface FamilyMember {
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  familySize?: number;
}

/**
 * Give one family of tests its adjusted p-values (Benjamini–Hochberg, Holm, or the raw p with none), its size
 * (the tests that have a p; a missing p keeps its place and does not count) and the verdict
 * `significant` = adjusted p < alpha. Mutates the rows in place. A family is fixed by the design (one indicator
 * × one grouping level × one pair of waves, …), never by what is selected for display.
 */
export function adjustFamily<T extends FamilyMember>(rows: T[], o: { adjust: AdjustMethod; alpha: number }): T[] {
  const adjusted = adjustPValues(
    rows.map((r) => r.p),
    o.adjust,
  );
  const familySize = rows.filter((r) => r.p !== null).length;
  rows.forEach((r, i) => {
    r.pAdjusted = adjusted[i] ?? null;
    if ('familySize' in r) r.familySize = familySize;
    r.significant = r.pAdjusted !== null && r.pAdjusted < o.alpha;
  });
  return rows;
}

/** The family's name as tables print it: "NI2 × neighbourhood × 2006→2009". */
export function familyName(
  indicator: { id: string; ni?: string | null | undefined },
  groupBy: string,
  from: string,
  to: string,
): string {
  return `${indicator.ni ?? indicator.id} × ${groupBy} × ${from}→${to}`;
}
