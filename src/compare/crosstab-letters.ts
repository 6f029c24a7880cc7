import type { AdjustMethod } from '../estimate/adjust-p-values.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import type { Estimate, LetterTest } from '../types/index.js';
import { adjustRows } from './adjust-method.js';

/** A, B, … Z, then AA, AB, … */
export function columnLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${columnLetter(Math.floor(i / 26) - 1)}${columnLetter(i % 26)}`;
}

export interface LettersOptions {
  alpha: number;
  adjust: AdjustMethod;
}

/**
 * Significance letters for two-way tables: in each row (wave × indicator × first-grouping group), every pair of
 * columns at or above --min-base (not suppressed) is tested with the two-proportion z on Kish effective n,
 *   z = (p_a − p_b)/√(p_a q_a/n_a + p_b q_b/n_b),
 * and the row's k(k − 1)/2 tests are one family, adjusted by the method in force. `columns` lists each
 * column's letter, in the order the estimates give them (the second grouping's display order).
 * Source: the "column proportions" test of survey tabulation packages (e.g. SPSS Custom Tables), unpooled;
 * R: z <- (pa - pb)/sqrt(pa*(1-pa)/na + pb*(1-pb)/nb); 2*pnorm(-abs(z)); p.adjust(p, "BH").
 */
export function crosstabLetters(
  estimates: readonly Estimate[],
  groupBy: string,
  o: LettersOptions,
): { tests: LetterTest[]; columns: Record<string, string> } {
  const cells = estimates.filter((e) => e.groupBy === groupBy && e.groups);
  const [first, second] = groupBy.split('*') as [string, string];
  const colNames = [...new Set(cells.map((e) => e.groups![second]!))];
  const columns = Object.fromEntries(colNames.map((c, i) => [c, columnLetter(i)]));
  const tests: LetterTest[] = [];
  const rows = new Map<string, Estimate[]>();
  for (const e of cells) {
    const key = `${e.wave}\u0001${e.indicator}\u0001${e.groups![first]}`;
    rows.set(key, [...(rows.get(key) ?? []), e]);
  }
  for (const row of rows.values()) {
    const tested = row.filter((e) => e.flag === 'ok' || e.flag === 'indicative');
    const family: LetterTest[] = [];
    for (let i = 0; i < tested.length; i++)
      for (let j = i + 1; j < tested.length; j++) {
        const a = tested[i]!;
        const b = tested[j]!;
        const c = twoProportionChange(b.percent! / 100, b.nEff, a.percent! / 100, a.nEff, 1.959963984540054);
        family.push({
          wave: a.wave,
          indicator: a.indicator,
          groupBy,
          row: a.groups![first]!,
          a: a.groups![second]!,
          b: b.groups![second]!,
          diffPp: 100 * c.diff,
          z: c.z,
          p: c.p,
          pAdjusted: null,
          significant: false,
          familySize: 0,
        });
      }
    tests.push(...adjustRows(family, o.adjust, o.alpha));
  }
  return { tests, columns };
}
