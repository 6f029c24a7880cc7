import { describe, expect, it } from 'vitest';
import { parseMarginsFile } from '../../src/weighting/margins-file.js';
import { createScopeResolver, marginsFor } from '../../src/weighting/scope-margins.js';
import { AREAS } from './fixture.js';

const ctx = { variables: ['sex'], areas: AREAS };
const FILE = [
  'variable,category,count,scope,wave',
  'sex,Male,480,all,', // line 2
  'sex,Female,520,all,',
  'sex,Male,30,BL-BRA,2009', // line 4
  'sex,Female,70,BL-BRA,2009',
  'sex,Male,1,rural,2006',
  'sex,Female,3,rural,2006',
].join('\n');
const { margins } = parseMarginsFile(FILE, 'm.csv', ctx);
const [BRA, SHA, WOL] = AREAS as [(typeof AREAS)[0], (typeof AREAS)[0], (typeof AREAS)[0]];

describe('createScopeResolver', () => {
  const resolve = createScopeResolver(margins!);
  it('picks the most specific scope with margins for the wave', () => {
    expect(resolve('2009', BRA)).toEqual({ kind: 'area', value: 'BL-BRA' });
    expect(resolve('2006', BRA)).toEqual({ kind: 'all', value: 'all' });
    expect(resolve('2006', SHA)).toEqual({ kind: 'type', value: 'rural' });
    expect(resolve('2009', WOL)).toEqual({ kind: 'all', value: 'all' });
  });
  it('is undefined when no scope covers the area', () => {
    const { margins: onlyArea } = parseMarginsFile(
      'variable,category,share,scope\nsex,Male,0.5,BL-BRA\nsex,Female,0.5,BL-BRA\n',
      'm.csv',
      ctx,
    );
    expect(createScopeResolver(onlyArea!)('2009', SHA)).toBeUndefined();
  });
});

describe('marginsFor', () => {
  it('normalises counts per variable and keeps the count total', () => {
    // by hand: 30 / 100 = 0.3, 70 / 100 = 0.7
    const sm = marginsFor(margins!, { kind: 'area', value: 'BL-BRA' }, '2009', ['sex']);
    expect(sm.margins).toEqual([
      { variable: 'sex', category: 'Male', share: 0.3 },
      { variable: 'sex', category: 'Female', share: 0.7 },
    ]);
    expect(sm.total).toBe(100);
    expect(sm.lines.map((l) => l.line)).toEqual([4, 5]);
  });
  it('prefers lines for the wave over lines for every wave', () => {
    const text =
      'variable,category,share,wave\nsex,Male,0.5,\nsex,Female,0.5,\nsex,Male,0.4,2009\nsex,Female,0.6,2009\n';
    const { margins: m } = parseMarginsFile(text, 'm.csv', ctx);
    const all = { kind: 'all' as const, value: 'all' };
    expect(marginsFor(m!, all, '2009', ['sex']).margins.map((x) => x.share)).toEqual([0.4, 0.6]);
    expect(marginsFor(m!, all, '2006', ['sex']).margins.map((x) => x.share)).toEqual([0.5, 0.5]);
    expect(marginsFor(m!, all, '2006', ['sex', 'age_band']).missingVariables).toEqual(['age_band']);
  });
});
