import { describe, expect, it } from 'vitest';
import { NATIONAL_LSOA_COUNT, nationalCountFromFile } from '../../src/tag/national-lsoa-count.js';
import { readSmallCsv } from '../../src/io/small-csv.js';
import { readImd } from '../../src/tag/read-imd.js';
import { fixture } from './fixture.js';
import { writeNationalImd } from './national.js';

const imdOf = (path: string) => {
  const r = readImd(readSmallCsv(path, 'IMD'));
  if (!r.value) throw new Error('fixture not read');
  return r.value;
};

describe('nationalCountFromFile', () => {
  it('England: 32,482 LSOAs of 2001, 32,844 of 2011, 33,755 of 2021 (ONS)', () => {
    expect(NATIONAL_LSOA_COUNT).toEqual({ 2001: 32482, 2011: 32844, 2021: 33755 });
  });

  it('a file of 32,844 2011 LSOAs ranked 1…32,844 is national', () => {
    expect(nationalCountFromFile(imdOf(writeNationalImd(32844)))).toBe(32844);
  });

  it('an extract, or a full-length file with a rank repeated, is not', () => {
    expect(nationalCountFromFile(imdOf(fixture('imd2019-file7.csv')))).toBeUndefined();
    expect(nationalCountFromFile(imdOf(writeNationalImd(32844, (i) => (i === 7 ? 8 : i))))).toBeUndefined();
    expect(nationalCountFromFile(imdOf(writeNationalImd(1000)))).toBeUndefined();
  });
});
