import { describe, expect, it } from 'vitest';
import { recogniseRucHeader } from '../../src/tag/ruc-header.js';
import { table } from './fixture.js';

describe('recogniseRucHeader', () => {
  it('the 2011 layout LSOA11CD,LSOA11NM,RUC11CD,RUC11', () => {
    expect(recogniseRucHeader(table('ruc2011-lsoa.csv').header)).toEqual({
      edition: 'RUC 2011',
      lsoaYear: 2011,
      code: 0,
      classCode: 2,
      className: 3,
      flag: undefined,
    });
  });

  it('the 2021 layout LSOA21CD,LSOA21NM,LSOA21NMW,RUC21CD,RUC21NM,Urban_rural_flag,ObjectId', () => {
    expect(recogniseRucHeader(table('ruc2021-lsoa.csv').header)).toEqual({
      edition: 'RUC 2021',
      lsoaYear: 2021,
      code: 0,
      classCode: 3,
      className: 4,
      flag: 5,
    });
  });

  it('2021 with only the flag is enough; a lower-case header is fine', () => {
    expect(recogniseRucHeader(['lsoa21cd', 'urban_rural_flag'])).toMatchObject({
      lsoaYear: 2021,
      className: undefined,
      flag: 1,
    });
  });

  it('other headers are not recognised', () => {
    expect(recogniseRucHeader(['LSOA code', 'Rural Urban Classification'])).toBeUndefined();
    expect(recogniseRucHeader(['LSOA11CD', 'LSOA11NM'])).toBeUndefined();
    expect(recogniseRucHeader(['LSOA21CD', 'RUC21CD'])).toBeUndefined();
  });
});
