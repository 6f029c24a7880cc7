import { holmAdjust } from '../estimate/holm-adjust.js';

interface FamilyMember {
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  familySize?: number;
}

/**
 * Give one family of tests its adjusted p-values (Holm, or the raw p with --no-adjust), its size (the tests
 * that have a p) and the verdict `significant` = adjusted p < alpha. Mutates the rows in place.
 */
export function adjustFamily<T extends FamilyMember>(rows: T[], o: { adjust: boolean; alpha: number }): T[] {
  const adjusted = o.adjust ? holmAdjust(rows.map((r) => r.p)) : rows.map((r) => r.p);
  const familySize = rows.filter((r) => r.p !== null).length;
  rows.forEach((r, i) => {
    r.pAdjusted = adjusted[i] ?? null;
    if ('familySize' in r) r.familySize = familySize;
    r.significant = r.pAdjusted !== null && r.pAdjusted < o.alpha;
  });
  return rows;
}
