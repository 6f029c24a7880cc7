import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

/**
 * One wave, belong_neighbourhood only, every weight 1. Cells (area type × age band): positive of rows
 *   rural (BL-SHA)    16-24: 30 of 40   25-34: 20 of 40
 *   deprived (BL-BRA) 16-24: 10 of 40   25-34:  5 of 10 (under --min-base 30: suppressed)
 */
function survey(): string {
  const lines = ['respondent_id,wave,neighbourhood,age_band,belong_neighbourhood'];
  const add = (area: string, age: string, n: number, pos: number) => {
    for (let i = 0; i < n; i++) lines.push(`${area}-${age}-${i},2009,${area},${age},${i < pos ? 1 : 3}`);
  };
  add('BL-SHA', '16-24', 40, 30);
  add('BL-SHA', '25-34', 40, 20);
  add('BL-BRA', '16-24', 40, 10);
  add('BL-BRA', '25-34', 10, 5);
  const file = join(mkdtempSync(join(tmpdir(), 'sc-xtab-')), 'survey.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
const file = survey();

describe('--by a*b (two-way tables) and --letters', () => {
  it(
    'json: groupBy "type*age_band", group "rural*16-24", groups {type, age_band}; ' + 'the estimate of each cell',
    async () => {
      const r = await runJson(['analyse', file, '--by', 'type*age_band', '--indicators', 'NI2', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.json.design.groupings).toEqual(['type*age_band']);
      const cells = r.json.estimates;
      expect(cells.map((e: { group: string }) => e.group)).toEqual([
        'rural*16-24',
        'rural*25-34',
        'deprived*16-24',
        'deprived*25-34',
      ]);
      expect(cells[0]).toMatchObject({
        groupBy: 'type*age_band',
        group: 'rural*16-24',
        groups: { type: 'rural', age_band: '16-24' },
        unweightedBase: 40,
        flag: 'indicative',
      });
      expect(cells[0].percent).toBeCloseTo(75, 10);
      expect(cells[2].percent).toBeCloseTo(25, 10);
      expect(cells[3]).toMatchObject({ flag: 'suppressed', percent: null });
    },
  );

  it('a:b is accepted as a*b', async () => {
    const r = await runJson(['analyse', file, '--by', 'type:age_band', '--indicators', 'NI2', '--format', 'json']);
    expect(r.json.estimates[0].groupBy).toBe('type*age_band');
  });

  it('--letters: pairwise z on n_eff within each row; suppressed cells not compared; the legend says so', async () => {
    // R: z <- (.75 - .5)/sqrt(.75*.25/40 + .5*.5/40); 2*pnorm(-abs(z)) → 2.390457218668787 0.016827409482756853
    //    (one test in the rural row, so BH leaves p as it is; the deprived row has one comparable cell: no test)
    const r = await runJson([
      'analyse',
      file,
      '--by',
      'type*age_band',
      '--indicators',
      'NI2',
      '--letters',
      '--format',
      'json',
    ]);
    expect(r.json.lettersDesign).toMatchObject({
      alpha: 0.05,
      adjustment: 'bh',
      columns: { 'type*age_band': { '16-24': 'A', '25-34': 'B' } },
    });
    expect(r.json.letters).toHaveLength(1);
    const [t] = r.json.letters;
    expect(t).toMatchObject({ row: 'rural', a: '16-24', b: '25-34', significant: true, familySize: 1 });
    expect(t.diffPp).toBeCloseTo(25, 10);
    expect(t.z).toBeCloseTo(2.390457218668787, 10);
    expect(t.p).toBeCloseTo(0.016827409482756853, 12);
    expect(t.pAdjusted).toBeCloseTo(0.016827409482756853, 12);
    const text = await runMain([
      'analyse',
      file,
      '--by',
      'type*age_band',
      '--indicators',
      'NI2',
      '--letters',
      '--no-ci',
    ]);
    expect(text.stdout).toContain('type \\ age_band');
    expect(text.stdout).toMatch(/│ rural\s+│\s+75\.0† B │\s+50\.0† │/);
    expect(text.stdout).toMatch(/│ deprived\s+│\s+25\.0† │\s+\* │/);
    expect(text.stdout).toContain('Benjamini–Hochberg within each row');
  });

  it('usage errors: --letters without a two-way table, a grouping crossed with itself or with all', async () => {
    const none = await runMain(['analyse', file, '--letters']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--by type*age_band');
    expect((await runMain(['analyse', file, '--by', 'type*type'])).code).toBe(2);
    expect((await runMain(['analyse', file, '--by', 'all*type'])).code).toBe(2);
    expect((await runMain(['analyse', file, '--by', 'type*age_band*sex'])).code).toBe(2);
  });
});
