import { describe, expect, it } from 'vitest';
import { readRuc } from '../../src/tag/read-ruc.js';
import { inline, table } from './fixture.js';

describe('readRuc', () => {
  it('reads the 2011 fixture: rural from RUC11CD', () => {
    const r = readRuc(table('ruc2011-lsoa.csv'));
    expect(r.problems).toEqual([]);
    expect(r.value?.entries.get('E01990502')).toEqual({ rural: true, classCode: 'D1', line: 14 });
    expect(r.value?.entries.get('E01990101')).toEqual({ rural: false, classCode: 'C1', line: 2 });
    expect(r.value?.entries.size).toBe(24);
  });

  it('reads the 2021 fixture: rural from RUC21NM, checked against Urban_rural_flag', () => {
    const r = readRuc(table('ruc2021-lsoa.csv'));
    expect(r.problems).toEqual([]);
    expect(r.value?.entries.get('E01990601')).toEqual({ rural: true, classCode: 'RLN1', line: 8 });
    expect(r.value?.entries.get('E01990302')).toEqual({ rural: false, classCode: 'UF1', line: 7 });
  });

  it('reports unknown classes, disagreements and conflicting duplicates by line', () => {
    const r11 = readRuc(
      inline(
        'r11.csv',
        'LSOA11CD,LSOA11NM,RUC11CD,RUC11',
        'E01000001,a,F1,Rural hamlet',
        'E01000002,b,D1,Urban city and town',
        'E01000003,c,C1,Urban city and town',
        'E01000003,c,E1,Rural village and dispersed',
        'E0100004,d,C1,',
      ),
    );
    expect(r11.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: E01000001: RUC11CD "F1" is not one of A1, B1, C1, C2, D1, D2, E1, E2',
      '3: E01000002: RUC11CD D1 (rural) disagrees with RUC11 "Urban city and town"',
      '5: conflicting duplicate row for E01000003: class E1 here but C1 on line 4',
      '6: "E0100004" is not an LSOA code (E01 or W01 and six digits)',
    ]);
    const r21 = readRuc(
      inline(
        'r21.csv',
        'LSOA21CD,RUC21NM,Urban_rural_flag',
        'E01000001,Urban: Nearer to a major town or city,Rural',
        'E01000002,Suburban,Urban',
        'E01000003,Urban: Nearer to a major town or city,Town',
      ),
    );
    expect(r21.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: E01000001: RUC21NM "Urban: Nearer to a major town or city" disagrees with Urban_rural_flag "Rural"',
      '3: E01000002: RUC21NM "Suburban" is not an Urban, Larger rural or Smaller rural class',
      '4: E01000003: Urban_rural_flag "Town" is neither Urban nor Rural',
    ]);
  });
});
