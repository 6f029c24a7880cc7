import { describe, expect, it } from 'vitest';
import { readNeighbourhoods } from '../../src/tag/read-neighbourhoods.js';
import { inline, table } from './fixture.js';

const problems = (r: ReturnType<typeof readNeighbourhoods>) => r.problems.map((p) => `${p.line}: ${p.message}`);

describe('readNeighbourhoods', () => {
  it('reads the fixture: 8 areas, 21 LSOAs, populations', () => {
    const r = readNeighbourhoods(table('neighbourhoods.csv'));
    expect(r.problems).toEqual([]);
    expect(r.value.hasPopulation).toBe(true);
    expect(r.value.areas.map((a) => a.code)).toEqual([
      'BL-BRA',
      'BL-WHE',
      'BL-SHA',
      'CH-HAS',
      'CH-SYS',
      'CH-WOL',
      'OW-WIG',
      'OW-OAD',
    ]);
    expect(r.value.areas.reduce((n, a) => n + a.lsoas.length, 0)).toBe(21);
    expect(r.value.areas[1]?.lsoas[0]).toEqual({ lsoa: 'E01990201', population: 3000, line: 5 });
  });

  it('the bad fixture: each problem by line; an identical duplicate is a warning', () => {
    const r = readNeighbourhoods(table('neighbourhoods-bad.csv'));
    expect(problems(r)).toEqual([
      '3: "E0199010" is not an LSOA code (E01 or W01 and six digits), area BL-BRA',
      '4: "e01990103" is not an LSOA code (E01 or W01 and six digits), area BL-BRA',
      '6: conflicting duplicate row: area BL-WHE, LSOA E01990201 has population 3100 here but 3000 on line 5',
      '11: population is blank (area CH-HAS, LSOA E01990401)',
      '12: area CH-NEW (Newtown Linford) has no LSOAs',
      '14: area CH-SYS is named "Syston Town" here but "Syston" on line 13',
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /neighbourhoods-bad\.csv:8: duplicate row \(area BL-WHE, LSOA E01990202, same as line 7\) counted once$/,
      ),
    ]);
  });

  it('missing columns, extra columns, bad numbers, zero population, wrong field counts', () => {
    expect(problems(readNeighbourhoods(inline('n.csv', 'code,name,lsoa', 'A,B,E01000001')))).toEqual([
      '1: the neighbourhoods file lacks column(s) district; ' +
        'expected code,name,district,lsoa[,population], found code,name,lsoa',
    ]);
    const r = readNeighbourhoods(
      inline(
        'n.csv',
        'Code,Name,District,LSOA,Population,notes',
        'A,Aa,D,E01000001,"1,200",x',
        'B,Bb,D,E01000002,0,',
        'C,Cc,D,E01000003,5',
        ',Dd,D,E01000004,5,',
      ),
    );
    expect(r.warnings).toEqual(['n.csv: ignoring column(s) notes']);
    expect(problems(r)).toEqual([
      '2: population "1,200" is not a number ≥ 0 (digits only, no thousands separators)',
      '3: area B (Bb) has a population of 0 in all its LSOAs',
      '4: 5 fields where the header has 6',
      '5: code is blank',
    ]);
  });
  it('an empty neighbourhoods file is a problem', () => {
    expect(readNeighbourhoods(inline('n.csv', 'code,name,district,lsoa')).problems.map((p) => p.message)).toEqual([
      'the neighbourhoods file has no areas',
    ]);
  });
});
