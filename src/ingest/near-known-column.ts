import { editDistance } from '../areas/edit-distance.js';
import {
  DEFAULT_COLUMN_SYNONYMS,
  matchKnownColumn,
  normaliseHeader,
  spellings,
  type ColumnSynonyms,
} from '../codebook/column-synonyms.js';

/**
 * For "did you mean": the column whose name or alias is within edit distance 2 of the header (normalised), but not
 * an exact match, and within a third of that spelling's length, so short aliases (`ID`, `Wt`) are never "near"
 * unrelated short headers like `Q1`. Null when none is near, or when the nearest are different columns.
 */
export function nearKnownColumn(header: string, synonyms: ColumnSynonyms = DEFAULT_COLUMN_SYNONYMS): string | null {
  const h = normaliseHeader(header);
  if (h === '' || matchKnownColumn(header, synonyms) !== null) return null;
  let best = new Set<string>();
  let bestD = Infinity;
  for (const { name, column } of spellings(synonyms)) {
    const d = editDistance(h, name);
    if (d === 0 || d > 2 || d > Math.floor(name.length / 3)) continue;
    if (d < bestD) [best, bestD] = [new Set([column]), d];
    else if (d === bestD) best.add(column);
  }
  return best.size === 1 ? ([...best][0] ?? null) : null;
}
