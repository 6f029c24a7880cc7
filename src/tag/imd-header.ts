import { normaliseHeader } from './normalise-header.js';

/** Where the columns the tagger needs sit in an IMD file, and which edition it is. */
export interface ImdLayout {
  layout: 'file7' | 'legacy';
  /** e.g. "IMD 2019" */
  edition: string;
  /** the LSOA boundaries its codes refer to: 2001, 2011 or 2021 */
  lsoaYear: number;
  code: number;
  rank: number;
  decile: number | undefined;
  score: number | undefined;
}

const CODE = /^lsoa code \((\d{4})\)$/;
const LAD = /^local authority district code \((\d{4})\)$/;
const RANK = /^index of multiple deprivation \(imd\) rank( \(where 1 is most deprived\))?$/;
const DECILE = /^index of multiple deprivation \(imd\) decile( \(where 1 is most deprived 10% of lsoas\))?$/;
const SCORE = /^index of multiple deprivation \(imd\) score$/;

/** The published editions, by (LSOA year, local authority district year) in the File 7 headers. */
const EDITIONS: Record<string, string> = { '2011/2013': 'IMD 2015', '2011/2019': 'IMD 2019', '2021/2024': 'IMD 2025' };

export const IMD_EXPECTED = [
  'the English Indices of Deprivation 2015/2019/2025 layout: "LSOA code (2011)" or "LSOA code (2021)", ' +
    '"Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)", ' +
    'and optionally "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)" ' +
    'and "Index of Multiple Deprivation (IMD) Score"',
  'or the 2007/2010 layout: "LSOA CODE", "IMD SCORE", "RANK OF IMD SCORE (where 1 is most deprived)"',
].join('; ');

/** Recognise a published IMD header (years in brackets may vary); undefined when it is not one. */
export function recogniseImdHeader(header: string[]): ImdLayout | undefined {
  const h = header.map(normaliseHeader);
  const find = (re: RegExp) => {
    const i = h.findIndex((x) => re.test(x));
    return i < 0 ? undefined : i;
  };
  const code = find(CODE);
  const rank = find(RANK);
  if (code !== undefined && rank !== undefined) {
    const lsoaYear = Number(CODE.exec(h[code] ?? '')?.[1]);
    const lad = find(LAD);
    const ladYear = lad === undefined ? undefined : LAD.exec(h[lad] ?? '')?.[1];
    const edition = EDITIONS[`${lsoaYear}/${ladYear}`] ?? `IMD (${lsoaYear} LSOAs)`;
    return { layout: 'file7', edition, lsoaYear, code, rank, decile: find(DECILE), score: find(SCORE) };
  }
  const legacyCode = h.indexOf('lsoa code');
  const legacyScore = h.indexOf('imd score');
  const legacyRank = h.indexOf('rank of imd score (where 1 is most deprived)');
  if (legacyCode >= 0 && legacyScore >= 0 && legacyRank >= 0) {
    return {
      layout: 'legacy',
      edition: 'IMD 2007/2010',
      lsoaYear: 2001,
      code: legacyCode,
      rank: legacyRank,
      decile: undefined,
      score: legacyScore,
    };
  }
  return undefined;
}
