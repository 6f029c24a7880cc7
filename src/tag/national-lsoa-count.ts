import type { ImdFile } from './read-imd.js';

/**
 * LSOAs in England by boundary year (ONS): 32,482 (2001), 32,844 (2011), 33,755 (2021).
 * The IMD ranks every English LSOA, so its national file has exactly this many rows.
 */
export const NATIONAL_LSOA_COUNT: Readonly<Record<number, number>> = { 2001: 32482, 2011: 32844, 2021: 33755 };

/**
 * The national count, when the IMD file is the whole national file: as many rows as England has
 * LSOAs of its vintage, ranked 1…N with none missing. Undefined for an extract.
 */
export function nationalCountFromFile(imd: ImdFile): number | undefined {
  const n = imd.entries.size;
  if (NATIONAL_LSOA_COUNT[imd.layout.lsoaYear] !== n) return undefined;
  const seen = new Set<number>();
  for (const e of imd.entries.values()) {
    if (e.rank > n) return undefined;
    seen.add(e.rank);
  }
  return seen.size === n ? n : undefined;
}
