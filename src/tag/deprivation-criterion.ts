import { UsageError } from '../errors.js';
import { formatNumber } from '../format/format-number.js';
import { NATIONAL_LSOA_COUNT, nationalCountFromFile } from './national-lsoa-count.js';
import type { ImdFile } from './read-imd.js';

export type ImdMethod = 'majority' | 'mean-rank';

/** How an LSOA (or, for mean-rank, an area) is judged to be among the most deprived `share` nationally. */
export type DeprivationCriterion =
  | { kind: 'decile'; maxDecile: number }
  | { kind: 'rank'; maxRank: number; nationalCount: number; countSource: 'file' | 'option' }
  | { kind: 'mean-rank'; threshold: number; nationalCount: number; countSource: 'file' | 'option' };

/** share × 10 is a whole number (0.2 → 2), allowing for binary fractions (0.3 × 10 = 3.0000000000000004). */
export function wholeTenths(share: number): number | undefined {
  const tenths = share * 10;
  return Math.abs(tenths - Math.round(tenths)) < 1e-9 ? Math.round(tenths) : undefined;
}

/**
 * Choose the test for "among the most deprived `share` of LSOAs nationally" (issue 6, rule 2):
 * deciles when the file has them and the share is whole tenths; otherwise rank ≤ share × N,
 * N from a national file or from --lsoa-count. mean-rank compares the area's mean rank with share × N.
 */
export function deprivationCriterion(
  imd: ImdFile,
  share: number,
  method: ImdMethod,
  lsoaCount: number | undefined,
): { criterion: DeprivationCriterion; warnings: string[] } {
  const warnings: string[] = [];
  const tenths = wholeTenths(share);
  if (method === 'majority' && imd.layout.decile !== undefined && tenths !== undefined) {
    if (lsoaCount !== undefined)
      warnings.push(
        `--lsoa-count ${lsoaCount} is not used: the IMD deciles decide ` +
          `(--deprived-share ${share} is a whole number of tenths)`,
      );
    return { criterion: { kind: 'decile', maxDecile: tenths }, warnings };
  }
  const why =
    method === 'mean-rank'
      ? '--imd-method mean-rank'
      : imd.layout.decile === undefined
        ? `the IMD file ${imd.path} has no decile column, so the rank decides, and that`
        : `--deprived-share ${share} is not a whole number of tenths, so the rank decides, and that`;
  const fromFile = nationalCountFromFile(imd);
  let highest = 0;
  for (const e of imd.entries.values()) highest = Math.max(highest, e.rank);
  let nationalCount: number;
  let countSource: 'file' | 'option';
  if (lsoaCount !== undefined) {
    if (fromFile !== undefined && fromFile !== lsoaCount) {
      throw new UsageError(
        `--lsoa-count ${lsoaCount} contradicts the IMD file ${imd.path}, ` +
          `which is national with ${formatNumber(fromFile)} LSOAs; leave --lsoa-count out`,
      );
    }
    if (highest > lsoaCount)
      throw new UsageError(
        `--lsoa-count ${lsoaCount} is below the highest rank in the IMD file ${imd.path} (${highest})`,
      );
    nationalCount = lsoaCount;
    countSource = 'option';
  } else if (fromFile !== undefined) {
    nationalCount = fromFile;
    countSource = 'file';
  } else {
    const known = NATIONAL_LSOA_COUNT[imd.layout.lsoaYear];
    const national = known === undefined ? '' : `; England has ${formatNumber(known)} LSOAs of ${imd.layout.lsoaYear}`;
    const inFile = `${formatNumber(imd.entries.size)} LSOAs${national}`;
    const notNational = `the IMD file ${imd.path} is not the national file (${inFile})`;
    const give = known === undefined ? '--lsoa-count' : `--lsoa-count ${known}`;
    throw new UsageError(
      `${why} needs the national number of LSOAs, and ${notNational}. Give ${give}, or use the national file.`,
    );
  }
  if (method === 'mean-rank')
    return { criterion: { kind: 'mean-rank', threshold: share * nationalCount, nationalCount, countSource }, warnings };
  return {
    criterion: { kind: 'rank', maxRank: Math.floor(share * nationalCount + 1e-9), nationalCount, countSource },
    warnings,
  };
}
