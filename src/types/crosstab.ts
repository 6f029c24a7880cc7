/** One pairwise test within a row of a two-way table (`--letters`). */
export interface LetterTest {
  wave: string;
  indicator: string;
  /** the two-way grouping, e.g. `type*age_band` */
  groupBy: string;
  /** the row: a group of the first grouping */
  row: string;
  /** the two columns compared (groups of the second grouping), a before b in column order */
  a: string;
  b: string;
  /** percent of a − percent of b, points */
  diffPp: number;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** pAdjusted < alpha: the higher cell gets the other's letter */
  significant: boolean;
  /** tests in the row's family: k(k − 1)/2 for k columns at or above --min-base */
  familySize: number;
}

export interface LettersDesign {
  alpha: number;
  adjustment: 'bh' | 'holm' | 'none';
  /** what one family is, in words */
  family: string;
  /** the column letters of each two-way grouping: groupBy → column group → letter */
  columns: Record<string, Record<string, string>>;
}
