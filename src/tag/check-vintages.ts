import type { TagProblem } from './problem.js';
import type { ImdFile } from './read-imd.js';
import type { Neighbourhoods } from './read-neighbourhoods.js';
import type { RucFile } from './read-ruc.js';

const LOOKUP =
  'ONS publishes "LSOA (2011) to LSOA (2021) to Local Authority District (2022) ' +
  'Exact Fit Lookup for England and Wales" and an LSOA (2001) to LSOA (2011) lookup';

/**
 * IMD 2019 and RUC 2011 are on 2011 LSOAs; IMD 2025 and RUC 2021 on 2021 LSOAs. When the two files'
 * vintages differ and any of the user's LSOAs is missing from either, that is one problem naming
 * both vintages, not a list of "missing" codes. When every LSOA is in both (an LSOA that survives a
 * boundary review keeps its code, and so its area), the run goes on with a warning.
 */
export function checkVintages(
  nbh: Neighbourhoods,
  imd: ImdFile,
  ruc: RucFile,
): { problem?: TagProblem; warning?: string } {
  const a = imd.layout.lsoaYear;
  const b = ruc.layout.lsoaYear;
  if (a === b) return {};
  const codes = [...new Set(nbh.areas.flatMap((x) => x.lsoas.map((l) => l.lsoa)))];
  const unmatched = codes.filter((c) => !imd.entries.has(c) || !ruc.entries.has(c));
  const imdVintage = `the IMD file ${imd.path} is ${imd.layout.edition}, on ${a} LSOA codes`;
  const rucVintage = `the rural-urban file ${ruc.path} is ${ruc.layout.edition}, on ${b} LSOA codes`;
  const vintages = `${imdVintage}, but ${rucVintage}`;
  if (unmatched.length === 0) {
    return {
      warning:
        `${vintages}. Every one of your ${codes.length} LSOAs is in both files, and an LSOA code that survives ` +
        'a boundary review names the same area, so the run goes on; files of one vintage are better.',
    };
  }
  const shown = unmatched.slice(0, 5).join(', ') + (unmatched.length > 5 ? ', …' : '');
  const [from, to] = a < b ? [a, b] : [b, a];
  return {
    problem: {
      file: imd.path,
      line: 0,
      message:
        `LSOA vintages do not match: ${vintages}. ` +
        `${unmatched.length} of your ${codes.length} LSOAs are not in both files (${shown}). ` +
        'Use files of the same vintage (IMD 2019 with RUC 2011, or IMD 2025 with RUC 2021), ' +
        `or convert with a ${from}→${to} LSOA lookup (${LOOKUP}).`,
    },
  };
}
