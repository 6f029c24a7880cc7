import { describe, expect, it } from 'vitest';
import { compileCodebook, cellToCode } from '../../src/codebook/compile-codebook.js';
import { classify } from '../helpers/classify.js';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { fixture } from '../helpers/fixtures.js';
import { runJson } from '../helpers/run-main.js';

// Another council's questionnaire (issue 17): a 0-10 scale, a yes/no item coded 1/0, missing codes -9 and -8.
describe('the wellbeing-example codebook', () => {
  const compiled = compileCodebook(loadCodebook('wellbeing-example').codebook);
  const [life, vol] = compiled.items;

  it('reads 0 and 10 as answers, -9 and -8 as missing under their own reasons', () => {
    const read = (cell: string) => classify(life!, cellToCode(life!, cell, compiled.missingValues));
    expect(read('0')).toEqual({ cls: 'negative' });
    expect(read('6')).toEqual({ cls: 'negative' });
    expect(read('7')).toEqual({ cls: 'positive' });
    expect(read('10')).toEqual({ cls: 'positive' });
    expect(read('-9')).toEqual({ cls: 'missing', reason: 'missing:refused' });
    expect(read('-8')).toEqual({ cls: 'missing', reason: 'missing:not-asked' });
    expect(read('11')).toEqual({ cls: 'missing', reason: 'missing:invalid-code' });
    expect(read('98')).toEqual({ cls: 'missing', reason: 'missing:invalid-code' }); // not a missing value here
    expect(classify(vol!, cellToCode(vol!, '0', compiled.missingValues))).toEqual({ cls: 'negative' });
  });

  it('estimates fixtures/wellbeing-sample.csv as counted by hand', async () => {
    // life_satisfaction cells: 8 10 0 6 -9 7 5 (blank) 9 -8 7.0 3 → base 9 (8,10,0,6,7,5,9,7,3), positive 5 (≥ 7)
    // volunteered cells: 1 0 0 1 1 -8 0 1 -9 0 Yes No → base 10, positive 5 (1,1,1,1,Yes)
    const r = await runJson([
      'analyse',
      fixture('wellbeing-sample.csv'),
      '--codebook',
      'wellbeing-example',
      '--by',
      'all',
      '--format',
      'json',
      '--min-base',
      '0',
      '--indicative-base',
      '0',
    ]);
    expect(r.code).toBe(0);
    const est = (id: string) => r.json.estimates.find((e: any) => e.indicator === id && e.groupBy === 'all');
    expect(est('life_satisfaction')).toMatchObject({ wave: '2024', unweightedPositive: 5, unweightedBase: 9 });
    expect(est('life_satisfaction').percent).toBeCloseTo((100 * 5) / 9, 10);
    expect(est('volunteered')).toMatchObject({ unweightedPositive: 5, unweightedBase: 10, percent: 50 });
    expect(r.json.accounting.answers).toEqual({
      life_satisfaction: {
        'missing:no-reply': 1,
        'missing:not-asked': 1,
        'missing:refused': 1,
        'read-as-code:decimal': 1,
      },
      volunteered: { 'missing:not-asked': 1, 'missing:refused': 1 },
    });
    expect(r.json.accounting.cellIssues).toEqual({});
  });
});
