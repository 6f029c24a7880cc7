import { describe, expect, it } from 'vitest';
import { checkMargins } from '../../src/weighting/check-margins.js';
import { parseMarginsFile } from '../../src/weighting/margins-file.js';
import { marginsFor } from '../../src/weighting/scope-margins.js';
import type { RakingCell } from '../../src/weighting/types.js';
import { AREAS } from './fixture.js';

const ctx = { variables: ['age_band', 'sex'], areas: AREAS };
const cell = (age: string, sex: string, count: number): RakingCell => ({
  key: [age, sex],
  count,
  sumW0: count,
  sumW02: count,
  minW0: 1,
  maxW0: 1,
});
const scope = { kind: 'area' as const, value: 'BL-BRA' };

function check(text: string, cells: RakingCell[]) {
  const { margins, issues } = parseMarginsFile(text, 'm.csv', ctx);
  expect(issues).toEqual([]);
  return checkMargins('m.csv', scope, '2009', ctx.variables, marginsFor(margins!, scope, '2009', ctx.variables), cells);
}

const FILE = [
  'variable,category,share,scope',
  'age_band,16-34,0.3,BL-BRA', // line 2
  'age_band,35-64,0.5,BL-BRA',
  'age_band,65+,0.2,BL-BRA', // line 4
  'sex,Male,0.49,BL-BRA', // line 5
  'sex,Female,0.51,BL-BRA',
].join('\n');

describe('checkMargins', () => {
  it('passes when every category in the data has a margin and every margin has respondents', () => {
    expect(check(FILE, [cell('16-34', 'Male', 3), cell('35-64', 'Female', 5), cell('65+', 'Female', 4)])).toEqual([]);
  });

  it('error: a category present in the data but missing from the margins', () => {
    const issues = check(FILE, [
      cell('16-34', 'Male', 3),
      cell('35-64', 'Female', 5),
      cell('65+', 'Female', 4),
      cell('65+', 'Other', 2),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 5, reason: 'margins-missing-category', value: 'Other', severity: 'error' });
    expect(issues[0]!.message).toContain('2 respondent(s) in scope BL-BRA, wave 2009');
  });

  it('error: a share > 0 with no respondents in the scope and wave, suggesting collapsing', () => {
    const issues = check(FILE, [cell('16-34', 'Male', 3), cell('35-64', 'Female', 5)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 4, reason: 'margins-empty-category', value: '65+' });
    expect(issues[0]!.suggestion).toMatch(/collapse/);
  });

  it('error: a raking variable with no margins for the scope', () => {
    const { margins } = parseMarginsFile(FILE.split('\n').slice(0, 4).join('\n'), 'm.csv', ctx);
    const issues = checkMargins(
      'm.csv',
      scope,
      '2009',
      ctx.variables,
      marginsFor(margins!, scope, '2009', ctx.variables),
      [cell('16-34', 'Male', 1)],
    );
    expect(issues.map((i) => i.reason)).toContain('margins-missing-variable');
  });
});
