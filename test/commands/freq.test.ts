import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

// Six returns of wave 2009 with weights; BL-BRA is deprived, CH-WOL rural in data/areas.csv.
const CSV = [
  'respondent_id,wave,neighbourhood,weight,belong_neighbourhood,backgrounds_get_on',
  'R1,2009,BL-BRA,1,1,1',
  'R2,2009,BL-BRA,2,2,5',
  'R3,2009,CH-WOL,1,3,6',
  'R4,2009,CH-WOL,0.5,,98',
  'R5,2009,CH-WOL,1.5,99,2',
  'R6,2009,BL-BRA,1,1,4',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'sc-freq-'));
const file = join(dir, 'freq.csv');
writeFileSync(file, `${CSV}\n`);

interface Row {
  wave: string;
  groupBy: string;
  group: string;
  indicator: string;
  code: string;
  class: string;
  reason: string | null;
  unweighted: number;
  weighted: number;
  percentOfReturns: number | null;
  percentOfBase: number | null;
}
const pick = (rows: Row[], indicator: string, group = 'all') =>
  rows
    .filter((r) => r.indicator === indicator && r.group === group)
    .map((r) => [r.code, r.class, r.unweighted, r.weighted]);

describe('freq', () => {
  it('counts every code of an item by hand: scale codes, excluded, missing; weighted and unweighted', async () => {
    const r = await runJson(['freq', file, '--indicators', 'belong_neighbourhood,NI1', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = r.json.frequencies as Row[];
    // belong_neighbourhood: 1 ← R1 (w 1), R6 (w 1); 2 ← R2 (w 2); 3 ← R3 (w 1);
    // blank ← R4 (w 0.5); 99 ← R5 (w 1.5)
    expect(pick(rows, 'belong_neighbourhood')).toEqual([
      ['1', 'positive', 2, 2],
      ['2', 'positive', 1, 2],
      ['3', 'not positive', 1, 1],
      ['4', 'not positive', 0, 0],
      ['5', 'excluded', 0, 0],
      ['blank', 'missing', 1, 0.5],
      ['98', 'missing', 0, 0],
      ['99', 'missing', 1, 1.5],
    ]);
    // weighted returns 7; weighted base (codes 1–4) 2 + 2 + 1 = 5
    const b1 = rows.find((x) => x.indicator === 'belong_neighbourhood' && x.code === '1')!;
    expect(b1.percentOfReturns).toBeCloseTo((100 * 2) / 7, 10);
    expect(b1.percentOfBase).toBeCloseTo(40, 10);
    const blank = rows.find((x) => x.indicator === 'belong_neighbourhood' && x.code === 'blank')!;
    expect(blank.percentOfReturns).toBeCloseTo((100 * 0.5) / 7, 10);
    expect(blank.percentOfBase).toBeNull();
    expect(blank.reason).toBe('no-reply');
    // NI1: 1 ← R1 (1); 2 ← R5 (1.5); 4 ← R6 (1); 5 ← R2 (2, don't know); 6 ← R3 (1, too few people);
    // 98 ← R4 (0.5)
    expect(pick(rows, 'backgrounds_get_on')).toEqual([
      ['1', 'positive', 1, 1],
      ['2', 'positive', 1, 1.5],
      ['3', 'not positive', 0, 0],
      ['4', 'not positive', 1, 1],
      ['5', 'excluded', 1, 2],
      ['6', 'excluded', 1, 1],
      ['7', 'excluded', 0, 0],
      ['blank', 'missing', 0, 0],
      ['98', 'missing', 1, 0.5],
      ['99', 'missing', 0, 0],
    ]);
    const bg2 = rows.find((x) => x.indicator === 'backgrounds_get_on' && x.code === '2')!;
    expect(bg2.percentOfBase).toBeCloseTo((100 * 1.5) / 3.5, 10);
    expect(rows.find((x) => x.indicator === 'backgrounds_get_on' && x.code === '6')!.reason).toBe('too-few-people');
  });

  it(
    '--by type splits the counts by the areas of each type; ' + 'an item absent from the file is a "no column" row',
    async () => {
      const r = await runJson([
        'freq',
        file,
        '--indicators',
        'belong_neighbourhood,trust_general',
        '--by',
        'type',
        '--format',
        'json',
      ]);
      const rows = r.json.frequencies as Row[];
      expect([...new Set(rows.map((x) => x.group))]).toEqual(['rural', 'deprived']);
      // deprived = BL-BRA: R1 (1, w 1), R2 (2, w 2), R6 (1, w 1)
      expect(pick(rows, 'belong_neighbourhood', 'deprived').filter((x) => x[2] !== 0)).toEqual([
        ['1', 'positive', 2, 2],
        ['2', 'positive', 1, 2],
      ]);
      // rural = CH-WOL: R3 (3, w 1), R4 (blank, w 0.5), R5 (99, w 1.5)
      expect(pick(rows, 'belong_neighbourhood', 'rural').filter((x) => x[2] !== 0)).toEqual([
        ['3', 'not positive', 1, 1],
        ['blank', 'missing', 1, 0.5],
        ['99', 'missing', 1, 1.5],
      ]);
      // trust_general has no column: every return of the group, with its weight
      expect(pick(rows, 'trust_general', 'rural').filter((x) => x[2] !== 0)).toEqual([['—', 'absent', 3, 3]]);
    },
  );

  it('table, csv and md; the table shows which codes count as positive, excluded and missing', async () => {
    const t = await runMain(['freq', file, '--indicators', 'NI1']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Different backgrounds get on (NI1) — wave 2009, All surveyed areas');
    expect(t.stdout).toMatch(/│\s+6 │ Too few people in local area\s+│ excluded\s+│\s+1 │\s+1 │\s+14\.3 │\s+│/);
    expect(t.stdout).toMatch(/│\s+2 │ Tend to agree\s+│ positive\s+│\s+1 │\s+1\.5 │\s+21\.4 │\s+42\.9 │/);
    const c = await runMain(['freq', file, '--indicators', 'NI1', '--format', 'csv']);
    expect(c.stdout.split('\n')[0]).toBe(
      'wave,groupBy,group,indicator,ni,code,label,class,reason,unweighted,weighted,percentOfReturns,percentOfBase',
    );
    const m = await runMain(['freq', file, '--indicators', 'NI1', '--format', 'md']);
    expect(m.stdout).toContain('| 98 | multiple ticks | missing | 1 | 0.5 | 7.1 |  |');
  });

  it(
    'a codebook with a 0–10 scale, 1/0 codes and its own missing codes ' + '(fixtures/wellbeing-sample.csv, by hand)',
    async () => {
      const r = await runJson([
        'freq',
        'fixtures/wellbeing-sample.csv',
        '--codebook',
        'wellbeing-example',
        '--format',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const rows = r.json.frequencies as Row[];
      const nonZero = (id: string) =>
        pick(rows, id)
          .filter((x) => x[2] !== 0)
          .map((x) => [x[0], x[1], x[2]]);
      // QLS: 8, 10, 0, 6, -9, 7, 5, blank, 9, -8, 7.0, 3
      expect(nonZero('life_satisfaction')).toEqual([
        ['0', 'not positive', 1],
        ['3', 'not positive', 1],
        ['5', 'not positive', 1],
        ['6', 'not positive', 1],
        ['7', 'positive', 2],
        ['8', 'positive', 1],
        ['9', 'positive', 1],
        ['10', 'positive', 1],
        ['blank', 'missing', 1],
        ['-9', 'missing', 1],
        ['-8', 'missing', 1],
      ]);
      // QVOL: 1, 0, 0, 1, 1, -8, 0, 1, -9, 0, Yes, No
      expect(nonZero('volunteered')).toEqual([
        ['1', 'positive', 5],
        ['0', 'not positive', 5],
        ['-9', 'missing', 1],
        ['-8', 'missing', 1],
      ]);
      expect(rows.find((x) => x.indicator === 'volunteered' && x.code === '1')!.percentOfBase).toBeCloseTo(50, 10);
    },
  );
});
