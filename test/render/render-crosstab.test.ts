import { describe, expect, it } from 'vitest';
import { cellLetters, crosstabSections, lettersLegend } from '../../src/render/render-crosstab.js';
import type { Estimate, LetterTest, LettersDesign } from '../../src/types/index.js';
import { bundledCodebook } from '../helpers/codebook.js';

const cell = (row: string, col: string, percent: number | null, flag: Estimate['flag'] = 'ok'): Estimate => ({
  wave: '2009',
  groupBy: 'type*sex',
  group: `${row}*${col}`,
  groups: { type: row, sex: col },
  indicator: 'belong_neighbourhood',
  ni: 'NI2',
  domain: 'belonging',
  positive: null,
  base: 100,
  unweightedPositive: null,
  unweightedBase: 100,
  percent,
  ciLow: null,
  ciHigh: null,
  nEff: 100,
  deff: 1,
  flag,
});
const test = (row: string, a: string, b: string, diffPp: number, significant: boolean): LetterTest => ({
  wave: '2009',
  indicator: 'belong_neighbourhood',
  groupBy: 'type*sex',
  row,
  a,
  b,
  diffPp,
  z: 0,
  p: 0,
  pAdjusted: 0,
  significant,
  familySize: 1,
});
const design: LettersDesign = {
  alpha: 0.05,
  adjustment: 'bh',
  family: 'f',
  columns: { 'type*sex': { Female: 'A', Male: 'B' } },
};

describe('two-way tables', () => {
  const cells = [
    cell('rural', 'Female', 80),
    cell('rural', 'Male', 60),
    cell('deprived', 'Female', 50),
    cell('deprived', 'Male', 55, 'indicative'),
  ];
  const tests = [test('rural', 'Female', 'Male', 20, true), test('deprived', 'Female', 'Male', -5, false)];

  it('a cell gets the letter of each column it is significantly above, and only those', () => {
    expect(cellLetters(tests, design.columns['type*sex']!, cells[0]!, 'type*sex')).toBe('B');
    expect(cellLetters(tests, design.columns['type*sex']!, cells[1]!, 'type*sex')).toBe('');
    expect(
      cellLetters([test('rural', 'Female', 'Male', -20, true)], design.columns['type*sex']!, cells[1]!, 'type*sex'),
    ).toBe('A');
  });

  it(
    'rows = first grouping, columns = second, one table per indicator × wave; † kept; the legend names the ' +
      'adjustment',
    () => {
      const { codebook } = bundledCodebook();
      const [s] = crosstabSections(
        cells,
        codebook,
        ['2009'],
        ['all', 'type*sex'],
        (_g, x) => x,
        { showCi: false, showBase: false },
        { tests, design },
      );
      expect(s!.title).toBe('Belong to neighbourhood (NI2), wave 2009 — type × sex');
      expect(s!.header).toEqual(['type \\ sex', 'Female (A)', 'Male (B)']);
      expect(s!.rows).toEqual([
        ['rural', '80.0 B', '60.0'],
        ['deprived', '50.0', '55.0†'],
      ]);
      expect(s!.notes[0]).toBe(lettersLegend(design));
      expect(lettersLegend(design)).toContain('Benjamini–Hochberg within each row');
    },
  );
});
