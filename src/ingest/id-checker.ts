import { createIdIndex, hashIdBytes, hashIdString, keySeed, type IdIndex } from './id-index.js';
import { formatCount } from '../format/format-number.js';

/**
 * Within what a respondent id must be unique: `wave` (the default: the same id in two waves is two people),
 * `file` (file and wave: files numbered separately) or `area` (wave and area: ids numbered per area).
 */
export type IdScope = 'file' | 'wave' | 'area';

export interface IdChecker {
  scope: IdScope;
  /** true when the id is already taken in its scope; records nothing, but remembers the id for take() */
  isDuplicate(file: string, wave: string, area: string, id: string): boolean;
  /**
   * The same for an id held in bytes[start, end) (a non-empty cell of the byte scanner), without decoding it;
   * null when the bytes are not all printable ASCII: then decode and trim the cell and call isDuplicate.
   */
  isDuplicateBytes(
    file: string,
    wave: string,
    area: string,
    bytes: Uint8Array,
    start: number,
    end: number,
  ): boolean | null;
  /** records the id of the last check, which was not a duplicate, once its row is analysed */
  take(): void;
  /**
   * With scope `wave`: a sentence when more than half of the ids checked were duplicates and every duplicate
   * would be unique within its area (ids numbered per area), else null.
   */
  hint(): string | null;
}

const SEP = '\u0000';
const SEEDS_MAX = 10_000;

/**
 * The duplicate check of ingest, over one IdIndex of (scope key, id) hashes. With scope `wave` each id's slot also
 * keeps the area of the row that took it, for the hint: ids are unique per wave among taken rows, so a duplicate
 * is unique within its area exactly when that row's area is another.
 */
export function createIdChecker(scope: IdScope = 'wave'): IdChecker {
  const tagged = scope === 'wave';
  const ids: IdIndex = createIdIndex(1 << 12, tagged);
  const areaTags = new Map<string, number>();
  const seeds = new Map<string, Uint32Array>();
  const h = new Uint32Array(2);
  let lastArea = '';
  let checked = 0;
  let duplicates = 0;
  let uniqueInArea = 0;
  const seedOf = (file: string, wave: string, area: string): Uint32Array => {
    const key = scope === 'wave' ? wave : scope === 'file' ? `${file}${SEP}${wave}` : `${wave}${SEP}${area}`;
    let seed = seeds.get(key);
    if (seed === undefined) {
      seed = keySeed(key);
      if (seeds.size < SEEDS_MAX) seeds.set(key, seed);
    }
    return seed;
  };
  const areaTag = (area: string): number => {
    let tag = areaTags.get(area);
    if (tag === undefined) areaTags.set(area, (tag = areaTags.size));
    return tag;
  };
  const lookUp = (area: string): boolean => {
    checked++;
    lastArea = area;
    const tag = ids.find(h[0]!, h[1]!);
    if (tag < 0) return false;
    duplicates++;
    if (tagged && tag !== areaTag(area)) uniqueInArea++;
    return true;
  };
  return {
    scope,
    isDuplicate(file, wave, area, id) {
      hashIdString(seedOf(file, wave, area), id, h);
      return lookUp(area);
    },
    isDuplicateBytes(file, wave, area, bytes, start, end) {
      if (!hashIdBytes(seedOf(file, wave, area), bytes, start, end, h)) return null;
      return lookUp(area);
    },
    take() {
      ids.add(h[0]!, h[1]!, tagged ? areaTag(lastArea) : 0);
    },
    hint() {
      if (!tagged || duplicates === 0 || duplicates * 2 <= checked || uniqueInArea !== duplicates) return null;
      return (
        `${formatCount(duplicates)} of ${formatCount(checked)} ` +
        'respondent ids repeat within a wave, ' +
        'but each is unique within its area: the ids look numbered per area; if so, use --id-scope area'
      );
    },
  };
}
