import { describe, expect, it } from 'vitest';
import { recogniseImdHeader } from '../../src/tag/imd-header.js';
import { table } from './fixture.js';

describe('recogniseImdHeader', () => {
  it('IMD 2019 File 7 (57 columns): LSOA code (2011), LAD (2019), rank in column 6, decile 7, score 5', () => {
    expect(recogniseImdHeader(table('imd2019-file7.csv').header)).toEqual({
      layout: 'file7',
      edition: 'IMD 2019',
      lsoaYear: 2011,
      code: 0,
      rank: 5,
      decile: 6,
      score: 4,
    });
  });

  it('IMD 2025 File 7: LSOA code (2021), LAD (2024)', () => {
    expect(recogniseImdHeader(table('imd2025-file7.csv').header)).toMatchObject({
      edition: 'IMD 2025',
      lsoaYear: 2021,
      rank: 5,
      decile: 6,
    });
  });

  it('IMD 2015 (LAD 2013), and unknown years are named by their LSOA year', () => {
    const h = (lsoa: string, lad: string) => [
      `LSOA code (${lsoa})`,
      `Local Authority District code (${lad})`,
      'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
    ];
    expect(recogniseImdHeader(h('2011', '2013'))?.edition).toBe('IMD 2015');
    expect(recogniseImdHeader(h('2021', '2027'))).toMatchObject({
      edition: 'IMD (2021 LSOAs)',
      lsoaYear: 2021,
      decile: undefined,
      score: undefined,
    });
  });

  it('File 1 headers without "(where 1 is most deprived …)", any case and spacing', () => {
    const r = recogniseImdHeader([
      ' lsoa CODE (2011) ',
      'LSOA name (2011)',
      'Index of Multiple  Deprivation (IMD) Rank',
      'Index of Multiple Deprivation (IMD) Decile',
    ]);
    expect(r).toMatchObject({ layout: 'file7', lsoaYear: 2011, code: 0, rank: 2, decile: 3, score: undefined });
  });

  it('the 2007/2010 layout: LSOA CODE, IMD SCORE, RANK OF IMD SCORE, on 2001 LSOAs', () => {
    expect(recogniseImdHeader(table('imd2010-legacy.csv').header)).toEqual({
      layout: 'legacy',
      edition: 'IMD 2007/2010',
      lsoaYear: 2001,
      code: 0,
      rank: 6,
      decile: undefined,
      score: 5,
    });
  });

  it('anything else is not recognised', () => {
    expect(recogniseImdHeader(['lsoa11cd', 'imd_rank', 'imd_decile'])).toBeUndefined();
    expect(recogniseImdHeader(['LSOA code (2011)', 'Income Rank (where 1 is most deprived)'])).toBeUndefined();
  });
});
