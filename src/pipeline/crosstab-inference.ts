import { ADJUST_WORDS, adjustMethodOf } from '../compare/adjust-method.js';
import { crosstabLetters } from '../compare/crosstab-letters.js';
import { UsageError } from '../errors.js';
import type { AdjustMethod } from '../estimate/adjust-p-values.js';
import type { Estimate, LetterTest, LettersDesign } from '../types/index.js';

/** The two-way groupings of --by; --letters without one is a usage error (checked before any data is read). */
export function crossedGroupings(groupings: readonly string[], letters: boolean): string[] {
  const crossed = groupings.filter((g) => g.includes('*'));
  if (letters && !crossed.length)
    throw new UsageError('--letters marks the cells of two-way tables: add one with --by, e.g. --by type*age_band');
  return crossed;
}

/** With --letters: the pairwise column tests of every two-way grouping asked for with --by a*b. */
export function crosstabInference(
  estimates: readonly Estimate[],
  groupings: readonly string[],
  o: { alpha: number; adjust: boolean | AdjustMethod },
): { lettersDesign: LettersDesign; letters: LetterTest[] } {
  const crossed = crossedGroupings(groupings, true);
  const adjust = adjustMethodOf(o.adjust);
  const letters: LetterTest[] = [];
  const columns: LettersDesign['columns'] = {};
  for (const g of crossed) {
    const r = crosstabLetters(estimates, g, { alpha: o.alpha, adjust });
    letters.push(...r.tests);
    columns[g] = r.columns;
  }
  return {
    lettersDesign: {
      alpha: o.alpha,
      adjustment: adjust,
      columns,
      family:
        `the k(k − 1)/2 pairs of columns of one row (one wave, indicator and row group) whose ` +
        `bases are at least the minimum; ${ADJUST_WORDS[adjust]}`,
    },
    letters,
  };
}
