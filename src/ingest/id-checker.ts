import { createIdIndex, type IdIndex } from './id-index.js';

/**
 * Within what a respondent id must be unique: `wave` (the default: the same id in two waves is two people),
 * `file` (file and wave: files numbered separately) or `area` (wave and area: ids numbered per area).
 */
export type IdScope = 'file' | 'wave' | 'area';

export interface IdChecker {
  scope: IdScope;
  /** true when the id is already taken in its scope (records nothing) */
  isDuplicate(file: string, wave: string, area: string, id: string): boolean;
  /** records the id of an analysed row */
  take(file: string, wave: string, area: string, id: string): void;
  /**
   * With scope `wave`: a sentence when more than half of the ids checked were duplicates and every duplicate
   * would be unique within its area (ids numbered per area), else null.
   */
  hint(): string | null;
}

const SEP = '\u0000';

/** The duplicate check of ingest, over one IdIndex of (scope key, id) hashes. */
export function createIdChecker(scope: IdScope = 'wave'): IdChecker {
  const ids: IdIndex = createIdIndex();
  // only for the hint: (wave, area, id) of every analysed row, kept when the scope is wave
  const byArea: IdIndex | undefined = scope === 'wave' ? createIdIndex() : undefined;
  let checked = 0;
  let duplicates = 0;
  let uniqueInArea = 0;
  const key = (file: string, wave: string, area: string) =>
    scope === 'wave' ? wave : scope === 'file' ? `${file}${SEP}${wave}` : `${wave}${SEP}${area}`;
  return {
    scope,
    isDuplicate(file, wave, area, id) {
      checked++;
      const dup = ids.contains(key(file, wave, area), id);
      if (dup) {
        duplicates++;
        if (byArea && !byArea.contains(`${wave}${SEP}${area}`, id)) uniqueInArea++;
      }
      return dup;
    },
    take(file, wave, area, id) {
      ids.seen(key(file, wave, area), id);
      byArea?.seen(`${wave}${SEP}${area}`, id);
    },
    hint() {
      if (!byArea || duplicates === 0 || duplicates * 2 <= checked || uniqueInArea !== duplicates) return null;
      return (
        `${duplicates.toLocaleString('en-GB')} of ${checked.toLocaleString('en-GB')} respondent ids repeat within a wave, ` +
        'but each is unique within its area: the ids look numbered per area; if so, use --id-scope area'
      );
    },
  };
}
