import { describe, expect, it } from 'vitest';
import { parseMarginsFile, resolveScopeName } from '../../src/weighting/margins-file.js';
import { AREAS } from './fixture.js';

const CATEGORIES = { age_band: ['16-34', '35-64', '65+'], sex: ['Male', 'Female'] };
const ctx = { variables: ['age_band', 'sex'], areas: AREAS, categories: CATEGORIES };

describe('parseMarginsFile', () => {
  it('reads shares, scopes and waves, and matches labels case-insensitively', () => {
    const text = [
      'Variable,Category,Share,Scope,Wave',
      'age_band,16-34,0.3,,',
      'age_band,35-64,0.5,all,',
      'age_band,65+,0.2,,',
      'sex,male,0.49,,',
      'sex,Female,0.51,,',
      '',
      'sex,Male,0.5,walton-on-the-wolds,2009',
      'sex,Female,0.5,Walton on the Wolds,2009',
      'sex,Male,0.5,blaby,',
      'sex,Female,0.5,Blaby,',
      'sex,Male,0.5,rural,',
      'sex,Female,0.5,rural,',
      'tenure,owner,1,,',
    ].join('\n');
    const { margins, issues } = parseMarginsFile(text, 'm.csv', ctx);
    expect(issues).toEqual([]);
    expect(margins!.measure).toBe('share');
    expect(margins!.lines).toHaveLength(11); // tenure is not a raking variable
    expect(margins!.lines[3]).toEqual({
      line: 5,
      variable: 'sex',
      category: 'Male',
      value: 0.49,
      scope: { kind: 'all', value: 'all' },
      wave: null,
    });
    expect(margins!.lines[5]).toMatchObject({ line: 8, scope: { kind: 'area', value: 'CH-WOL' }, wave: '2009' });
    expect(margins!.lines[7]!.scope).toEqual({ kind: 'district', value: 'Blaby' });
    expect(margins!.lines[9]!.scope).toEqual({ kind: 'type', value: 'rural' });
  });

  it('accepts counts instead of shares', () => {
    const { margins, issues } = parseMarginsFile(
      'variable,category,count\nsex,Male,4900\nsex,Female,5100\n',
      'm.csv',
      ctx,
    );
    expect(issues).toEqual([]);
    expect(margins!.measure).toBe('count');
  });

  it('warns when count totals differ between variables (the first variable’s total is used)', () => {
    const text =
      'variable,category,count\n' +
      'age_band,16-34,3000\nage_band,35-64,5000\nage_band,65+,2000\n' +
      'sex,Male,4900\nsex,Female,5200\n';
    const { margins, issues } = parseMarginsFile(text, 'm.csv', ctx);
    expect(margins).toBeDefined();
    expect(issues).toHaveLength(1);
    // by hand: age_band 3000 + 5000 + 2000 = 10000; sex 4900 + 5200 = 10100
    expect(issues[0]).toMatchObject({ line: 5, severity: 'warning', reason: 'margins-count-total' });
    expect(issues[0]!.message).toBe(
      'the counts of sex sum to 10100, those of age_band to 10000; the weights sum to 10000',
    );
  });

  it('error: shares that do not sum to 1 within 1e-6, with the line', () => {
    const text =
      'variable,category,share\n' +
      'sex,Male,0.49\nsex,Female,0.50\n' +
      'age_band,16-34,0.3\nage_band,35-64,0.5\nage_band,65+,0.2000005\n';
    const { margins, issues } = parseMarginsFile(text, 'm.csv', ctx);
    expect(margins).toBeUndefined();
    // 0.49 + 0.50 = 0.99 is off by 0.01; 0.3 + 0.5 + 0.2000005 is off by 5e-7 < 1e-6, so only sex fails
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'm.csv', line: 2, reason: 'margins-sum', severity: 'error' });
    expect(issues[0]!.message).toContain('sum to 0.99');
  });

  it('error: a bad share, an unknown category, an unknown scope, a repeated line, each with its line', () => {
    const text = [
      'variable,category,share,scope',
      'sex,Male,1.2,',
      'sex,Man,0.5,',
      'sex,Female,0.5,Narnia',
      'sex,Female,0.5,',
      'sex,Female,0.5,all',
    ].join('\n');
    const { issues } = parseMarginsFile(text, 'm.csv', ctx);
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [2, 'margins-row'],
      [3, 'margins-category'],
      [4, 'margins-scope'],
      [6, 'margins-duplicate'],
      [5, 'margins-sum'], // what is left of sex in scope all: Female 0.5
    ]);
  });

  it('error: a header without share or count', () => {
    const { issues } = parseMarginsFile('variable,category,percent\nsex,Male,49\n', 'm.csv', ctx);
    expect(issues[0]).toMatchObject({ line: 1, reason: 'margins-header' });
  });
});

describe('resolveScopeName', () => {
  it('resolves all, area code or name, district and type', () => {
    expect(resolveScopeName('', AREAS)).toEqual({ kind: 'all', value: 'all' });
    expect(resolveScopeName('bl-bra', AREAS)).toEqual({ kind: 'area', value: 'BL-BRA' });
    expect(resolveScopeName('Braunstone Town', AREAS)).toEqual({ kind: 'area', value: 'BL-BRA' });
    expect(resolveScopeName('charnwood', AREAS)).toEqual({ kind: 'district', value: 'Charnwood' });
    expect(resolveScopeName('Deprived', AREAS)).toEqual({ kind: 'type', value: 'deprived' });
    expect(resolveScopeName('Leicester', AREAS)).toBeUndefined();
  });
});
