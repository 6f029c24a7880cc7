import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { ITEM_IDS } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;
const write = (lines: string[], name = `in-${n++}.csv`): string => {
  const p = join(tmp.dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};
const items = (first = '1') => [first, ...ITEM_IDS.slice(1).map(() => '2')].join(',');

describe('common export headers (issue 12 case 5)', () => {
  it('reads Serial, Year, Area name, Age group and Gender as the known columns, and says so in validate', async () => {
    const f = write([
      `Serial,Year,Area name,Age group,Gender,${ITEM_IDS.map((_, k) => `Q${k + 1}`).join(',')}`,
      `1,2009,BL-BRA,35-44,Female,${items()}`,
      `2,2009,BL-BRA,25-34,Male,${items()}`,
    ]);
    const r = await runJson(['validate', f, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.accounting.analysed).toBe(2);
    expect(r.json.columns).toEqual([
      { file: f, header: 'Serial', column: 'respondent_id' },
      { file: f, header: 'Year', column: 'wave' },
      { file: f, header: 'Area name', column: 'neighbourhood' },
      { file: f, header: 'Age group', column: 'age_band' },
      { file: f, header: 'Gender', column: 'sex' },
      ...ITEM_IDS.map((id, k) => ({ file: f, header: `Q${k + 1}`, column: id })),
    ]);
    const a = await runJson(['analyse', f, '--by', 'age_band', '--format', 'json', '--indicators', 'NI2']);
    expect(a.code).toBe(0);
    // one answer in each age band: 35-44 and 25-34
    const bands = a.json.estimates
      .filter((e: any) => e.groupBy === 'age_band' && e.unweightedBase > 0)
      .map((e: any) => e.group);
    expect(bands.sort()).toEqual(['25-34', '35-44']);
    expect(a.json.design.columns).toContainEqual({ file: f, header: 'Gender', column: 'sex' });
  });

  it('a header near a known column gets "did you mean"', async () => {
    const f = write([`respondent_id,wave,neighbourhood,Gendre,${ITEM_IDS.join(',')}`, `1,2009,BL-BRA,Male,${items()}`]);
    const r = await runJson(['validate', f, '--format', 'json']);
    const near = r.json.issues.find((i: any) => i.reason === 'unknown-column');
    expect(near).toMatchObject({ column: 4, value: 'Gendre', suggestion: 'did you mean sex?' });
  });

  it('--by age_band on a file without the column is exit 2, naming it and the closest header', async () => {
    const f = write([
      `respondent_id,wave,neighbourhood,Age bnd,${ITEM_IDS.join(',')}`,
      `1,2009,BL-BRA,16-24,${items()}`,
    ]);
    const r = await runMain(['analyse', f, '--by', 'age_band']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no age_band column');
    expect(r.stderr).toContain('closest header present: "Age bnd"');
  });

  it('a file without an id column says duplicates could not be checked (JSON and the accounting line)', async () => {
    const f = write([`wave,neighbourhood,${ITEM_IDS.join(',')}`, `2009,BL-BRA,${items()}`, `2009,BL-BRA,${items()}`]);
    const r = await runJson(['analyse', f, '--format', 'json', '--indicators', 'NI2']);
    expect(r.json.accounting.duplicatesUnchecked).toEqual([f]);
    expect(r.stderr).toContain(`duplicates not checked in ${f} (no respondent id column)`);
  });
});

describe('--max-invalid-cells (issue 12 case 7)', () => {
  const file = (invalid: number, value: string) =>
    write([
      `respondent_id,wave,neighbourhood,${ITEM_IDS.join(',')}`,
      ...Array.from({ length: 20 }, (_, i) => `${i + 1},2009,BL-BRA,${items(i < invalid ? value : '1')}`),
    ]);

  it(
    'fails (exit 1) when an item column has 12 of 20 non-blank cells invalid, naming it with samples ' + 'and a fix',
    async () => {
      const r = await runMain(['analyse', file(12, 'Tend to agree')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('belong_neighbourhood: 12 of 20 non-blank cells (60.0%), e.g. "Tend to agree"');
      expect(r.stderr).toContain('these look like labels from another scale ("agree" or "agree_bg")');
    },
  );

  it('needs at least 10 invalid cells: 9 of 20 (45%) is not enough', async () => {
    const r = await runMain(['analyse', file(9, '7'), '--indicators', 'NI2']);
    expect(r.code).toBe(0);
  });

  it('a higher limit lets 12 of 20 through; NA spellings and decimals never count', async () => {
    expect((await runMain(['analyse', file(12, '7'), '--max-invalid-cells', '0.7', '--indicators', 'NI2'])).code).toBe(
      0,
    );
    expect((await runMain(['analyse', file(12, 'N/A'), '--indicators', 'NI2'])).code).toBe(0);
    expect((await runMain(['analyse', file(12, '2.0'), '--indicators', 'NI2'])).code).toBe(0);
  });
});

describe('--id-scope (issue 17 item 10)', () => {
  // three areas, ids 1-4 in each: 12 rows, 8 repeats of an id within the wave, none within an area
  const perArea = () =>
    write([
      `respondent_id,wave,neighbourhood,${ITEM_IDS.join(',')}`,
      ...['BL-BRA', 'BL-WHE', 'BL-SHA'].flatMap((a) => [1, 2, 3, 4].map((id) => `${id},2009,${a},${items()}`)),
    ]);

  it('by default (wave) sets 8 of 12 aside and suggests --id-scope area', async () => {
    const r = await runMain(['analyse', perArea()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rows: 12 read, 4 analysed, 8 set aside (duplicate-id 8)');
    expect(r.stderr).toContain('8 of 12 respondent ids repeat within a wave, but each is unique within its area');
    expect(r.stderr).toContain('--id-scope area');
  });

  it('--id-scope area keeps all 12', async () => {
    const r = await runJson(['analyse', perArea(), '--id-scope', 'area', '--format', 'json', '--indicators', 'NI2']);
    expect(r.code).toBe(0);
    expect(r.json.accounting.analysed).toBe(12);
  });

  it('--id-scope file: two files numbered 1-3 in one wave are six people; by default three are repeats', async () => {
    const lines = [
      `respondent_id,wave,neighbourhood,${ITEM_IDS.join(',')}`,
      ...[1, 2, 3].map((id) => `${id},2009,BL-BRA,${items()}`),
    ];
    const a = write(lines);
    const b = write(lines);
    const byFile = await runJson(['analyse', a, b, '--id-scope', 'file', '--format', 'json', '--indicators', 'NI2']);
    expect(byFile.json.accounting.analysed).toBe(6);
    const byWave = await runJson(['validate', a, b, '--format', 'json']);
    expect(byWave.json.accounting.setAside).toEqual({ 'duplicate-id': 3 });
  });

  it('an id repeated in one area is still a duplicate with --id-scope area', async () => {
    const f = write([
      `respondent_id,wave,neighbourhood,${ITEM_IDS.join(',')}`,
      `1,2009,BL-BRA,${items()}`,
      `1,2009,BL-BRA,${items()}`,
      `1,2009,BL-WHE,${items()}`,
    ]);
    const r = await runJson(['validate', f, '--id-scope', 'area', '--format', 'json']);
    expect(r.json.accounting.setAside).toEqual({ 'duplicate-id': 1 });
  });
});

describe('--columns (issue 17 item 9)', () => {
  const f = () =>
    write([
      `Ref,When,Where,Quality,${ITEM_IDS.slice(1).join(',')}`,
      `1,2009,BL-BRA,${items()}`,
      `2,2009,BL-BRA,${items('3')}`,
    ]);

  it('maps headers to known columns from a spec, prints it in validate and stores it in design.columns', async () => {
    const file = f();
    const spec = 'Ref=respondent_id,When=wave,Where=neighbourhood,Quality=belong_neighbourhood';
    const v = await runMain(['validate', file, '--columns', spec]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`${file}: "Quality" as belong_neighbourhood`);
    const r = await runJson([
      'analyse',
      file,
      '--columns',
      spec,
      '--format',
      'json',
      '--indicators',
      'NI2',
      '--by',
      'all',
    ]);
    expect(r.json.design.columns.slice(0, 4)).toEqual([
      { file, header: 'Ref', column: 'respondent_id' },
      { file, header: 'When', column: 'wave' },
      { file, header: 'Where', column: 'neighbourhood' },
      { file, header: 'Quality', column: 'belong_neighbourhood' },
    ]);
    // answers 1 (positive) and 3 (negative): 1 of 2
    const e = r.json.estimates.find((x: any) => x.indicator === 'belong_neighbourhood' && x.groupBy === 'all');
    expect([e.unweightedPositive ?? null, e.unweightedBase]).toEqual([null, 2]); // suppressed below 30, base still 2
  });

  it('reads a from,to CSV file', async () => {
    const map = write(['from,to', 'Ref,respondent_id', 'When,wave', 'Where,neighbourhood', 'Quality,Q1'], 'map.csv');
    const r = await runJson(['validate', f(), '--columns', map, '--format', 'json']);
    expect(r.json.accounting.analysed).toBe(2);
    expect(r.json.columns).toContainEqual(
      expect.objectContaining({ header: 'Quality', column: 'belong_neighbourhood' }),
    );
  });

  it(
    'refuses (exit 2) an unknown target with a suggestion, a header in no file, and two headers for ' + 'one column',
    async () => {
      const unknown = await runMain(['validate', f(), '--columns', 'Where=neighbourhod,When=wave']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('"neighbourhod" is not a column sc-survey reads (did you mean neighbourhood?)');
      const absent = await runMain(['validate', f(), '--columns', 'Where=neighbourhood,When=wave,Ward=respondent_id']);
      expect(absent.code).toBe(2);
      expect(absent.stderr).toContain('--columns: no input file has a column "Ward"');
      const twice = await runMain(['validate', f(), '--columns', 'Where=neighbourhood,Ref=wave,When=wave']);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain('"When" and "Ref" are both given as wave');
    },
  );
});
