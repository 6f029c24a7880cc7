import { describe, expect, it } from 'vitest';
import { checkVintages } from '../../src/tag/check-vintages.js';
import { readImd } from '../../src/tag/read-imd.js';
import { readNeighbourhoods } from '../../src/tag/read-neighbourhoods.js';
import { readRuc } from '../../src/tag/read-ruc.js';
import { inline, table } from './fixture.js';

const imd2019 = readImd(table('imd2019-file7.csv')).value!;
const imd2025 = readImd(table('imd2025-file7.csv')).value!;
const ruc2011 = readRuc(table('ruc2011-lsoa.csv')).value!;
const ruc2021 = readRuc(table('ruc2021-lsoa.csv')).value!;
const nbh = readNeighbourhoods(table('neighbourhoods.csv')).value;

describe('checkVintages', () => {
  it('same vintage: nothing to say', () => {
    expect(checkVintages(nbh, imd2019, ruc2011)).toEqual({});
  });

  it('IMD 2025 (2021 codes) with RUC 2011: one problem naming both vintages and the lookup', () => {
    const r = checkVintages(nbh, imd2025, ruc2011);
    // neighbourhoods.csv has 21 LSOAs; imd2025-file7.csv holds E01990101, 102, 301, 302, 601, 602 of them
    // → 15 unmatched
    expect(r.problem?.message).toMatch(
      new RegExp(
        /^LSOA vintages do not match: the IMD file .* is IMD 2025, on 2021 LSOA codes, /.source +
          /but the rural-urban file .* is RUC 2011, on 2011 LSOA codes\. /.source +
          /15 of your 21 LSOAs are not in both files \(E01990103, E01990201, E01990202, E01990203, E01990401, …\)\./
            .source,
      ),
    );
    expect(r.problem?.message).toMatch(/convert with a 2011→2021 LSOA lookup/);
    expect(r.warning).toBeUndefined();
  });

  it('different vintages but every LSOA in both: a warning only', () => {
    const n = readNeighbourhoods(
      inline('n.csv', 'code,name,district,lsoa', 'A,A,D,E01990301', 'A,A,D,E01990601'),
    ).value;
    const r = checkVintages(n, imd2019, ruc2021);
    expect(r.problem).toBeUndefined();
    expect(r.warning).toMatch(/Every one of your 2 LSOAs is in both files/);
  });
});
