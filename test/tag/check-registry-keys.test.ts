import { describe, expect, it } from 'vitest';
import { checkRegistryKeys } from '../../src/tag/check-registry-keys.js';
import { readNeighbourhoods } from '../../src/tag/read-neighbourhoods.js';
import { inline, table } from './fixture.js';

describe('checkRegistryKeys', () => {
  it('the fixture areas are all distinct', () => {
    expect(checkRegistryKeys(readNeighbourhoods(table('neighbourhoods.csv')).value)).toEqual([]);
  });

  it(
    "a name that equals another area's name or code, ignoring case and punctuation, " +
      'is a problem at its first line',
    () => {
      const n = readNeighbourhoods(
        inline(
          'n.csv',
          'code,name,district,lsoa',
          'CH-SYS,Syston,Charnwood,E01000001',
          'CH-SY2,SYSTON,Charnwood,E01000002',
          'X1,ch sys,Charnwood,E01000003',
        ),
      ).value;
      expect(checkRegistryKeys(n).map((p) => `${p.line}: ${p.message}`)).toEqual([
        '3: area CH-SY2: "SYSTON" cannot be told apart from "Syston" of area CH-SYS ' +
          '(codes and names are matched ignoring case, spaces and punctuation)',
        '4: area X1: "ch sys" cannot be told apart from "CH-SYS" of area CH-SYS ' +
          '(codes and names are matched ignoring case, spaces and punctuation)',
      ]);
    },
  );
});
