import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { tempInputs } from '../helpers/temp-inputs.js';

// What a new user met in a trial run: each was a confusing or wrong answer before.
const tmp = tempInputs();
const write = tmp.write;

describe('usability', () => {
  it('a misspelt item column is named, with a suggestion, not silently ignored', async () => {
    const f = write(
      'us.csv',
      'respondent_id,wave,neighbourhood,belong_neighborhood,trust_general\na1,2009,BL-BRA,1,1\n',
    );
    const r = await runMain(['validate', f, '--format', 'json']);
    const near = JSON.parse(r.stdout).issues.find((i: { reason: string }) => i.reason === 'unknown-column');
    expect(near).toMatchObject({
      line: 1,
      column: 4,
      severity: 'warning',
      value: 'belong_neighborhood',
      suggestion: 'did you mean belong_neighbourhood?',
    });
  });

  it(
    '--assign-wave on a file that has a wave column is refused (2): ' + 'the column and the option would disagree',
    async () => {
      const r = await runMain([
        'analyse',
        fixture('paper-2009.csv'),
        '--assign-wave',
        '2010',
        '--by',
        'all',
        '--indicators',
        'NI2',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('every input has its own wave column; drop the option');
      expect(r.stdout).toBe('');
    },
  );

  it('a --targets file that does not exist is a usage error (2), in words', async () => {
    const r = await runMain(['targets', '--targets', join(tmp.dir, 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
  });

  it('-o into a missing folder fails before any work (2)', async () => {
    const r = await runMain(['analyse', '-o', join(tmp.dir, 'missing', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('rows:'); // nothing was read
  });

  it('--max-set-aside takes a percentage too', async () => {
    // mixed-quirks: 5 of 11 rows set aside for errors = 45.5%
    expect((await runMain(['analyse', fixture('mixed-quirks.csv'), '--max-set-aside', '50%'])).code).toBe(0);
    expect((await runMain(['analyse', fixture('mixed-quirks.csv'), '--max-set-aside', '45%'])).code).toBe(1);
  });

  it('targets narrow to --indicators, and follow --by for area groupings', async () => {
    const r = await runJson(['targets', '--indicators', 'NI4', '--by', 'district', '--format', 'json']);
    const rows = r.json.targets as { indicator: string; groupBy: string }[];
    expect(new Set(rows.map((t) => t.indicator))).toEqual(new Set(['influence_decisions']));
    expect(new Set(rows.map((t) => t.groupBy))).toEqual(new Set(['district']));
    expect(rows.length).toBe(7); // the 7 districts of data/areas.csv
  });

  it('compare shows the changes and their findings, not the per-wave area tests', async () => {
    const r = await runJson(['compare', '--format', 'json']);
    expect(r.json.typeTests).toBeUndefined();
    expect(r.json.areaTests).toBeUndefined();
    expect(r.json.comparisons.length).toBeGreaterThan(0);
  });

  it('a response rate counts only the areas that returned questionnaires in that wave', async () => {
    // one area, BL-BRA, mailed 580 (data/areas.csv); 2 returns → 2/580 = 0.3448…%
    const f = write(
      'one-area.csv',
      'respondent_id,wave,neighbourhood,belong_neighbourhood\na1,2009,BL-BRA,1\na2,2009,BL-BRA,2\n',
    );
    const r = await runJson([
      'analyse',
      f,
      '--areas',
      'data/areas.csv',
      '--by',
      'all',
      '--min-base',
      '1',
      '--format',
      'json',
    ]);
    expect(r.json.returns[0]).toMatchObject({ groupBy: 'all', returns: 2, mailed: 580 });
    expect(r.json.returns[0].responseRate).toBeCloseTo((100 * 2) / 580, 12);
  });

  it(
    'a targets file: every bad row named by line, ' + 'in words (unknown indicator, missing indicator, unknown group)',
    async () => {
      const f = write(
        'baselines.csv',
        'indicator,group,baseline\nNI7,all,50\n,all,40\nNI2,Atlantis,60\nNI2,rural,70\n',
      );
      const r = await runMain(['targets', '--targets', f]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${f}:2: unknown indicator "NI7"`);
      expect(r.stderr).toContain(`${f}:3: indicator is required`);
      expect(r.stderr).toContain(`${f}:4: group "Atlantis" is not`);
      expect(r.stderr).not.toContain(':5:');
    },
  );

  it('an id whose first row was set aside for another reason is not a duplicate (nothing lost twice)', async () => {
    // line 2: X1 with no age band (set aside under --rake); line 3: X1 again, complete → analysed, not duplicate-id
    // lines 4–5: X2 twice in 2006 → line 5 is the duplicate
    const f = write(
      'dup-after-set-aside.csv',
      'respondent_id,wave,neighbourhood,age_band,sex,belong_neighbourhood\nX1,2009,BL-BRA,,Male,1\n' +
        'X1,2009,BL-BRA,25-34,Male,1\nX2,2006,BL-BRA,25-34,Male,1\nX2,2006,BL-BRA,25-34,Male,1\n',
    );
    const m = write('one-cell-margins.csv', 'variable,category,share\nage_band,25-34,1\nsex,Male,1\n');
    const r = await runMain(['validate', f, '--rake', 'age_band,sex', '--margins', m, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.accounting).toMatchObject({
      read: 4,
      analysed: 2,
      setAside: { 'missing-weighting-variable': 1, 'duplicate-id': 1 },
    });
    expect(
      out.issues.filter((i: { reason: string }) => i.reason === 'duplicate-id').map((i: { line: number }) => i.line),
    ).toEqual([5]);
  });

  it('rows of a filtered-out wave are filtered-out, never duplicate-id errors', async () => {
    const f = write(
      'dup-filtered.csv',
      'respondent_id,wave,neighbourhood,belong_neighbourhood\nX2,2006,BL-BRA,1\nX2,2006,BL-BRA,1\nX3,2009,BL-BRA,1\n',
    );
    const r = await runJson(['analyse', f, '--wave', '2009', '--min-base', '1', '--format', 'json']);
    expect(r.json.accounting.setAside).toEqual({ 'filtered-out': 2 });
  });

  it(
    'weight writes every analysed row of a file joined from CRLF and LF parts ' + '(both passes number lines alike)',
    async () => {
      const header = 'respondent_id,wave,neighbourhood,age_band,sex,belong_neighbourhood';
      const f = write(
        'joined-weight.csv',
        `${header}\r\nw1,2009,BL-BRA,25-34,Male,1\r\nw2,2009,BL-BRA,25-34,Female,2\r\n` +
          'w3,2009,BL-BRA,35-44,Male,1\nw4,2009,BL-BRA,35-44,Female,3\n',
      );
      const m = write(
        'joined-margins.csv',
        'variable,category,share\nage_band,25-34,0.5\nage_band,35-44,0.5\nsex,Male,0.5\nsex,Female,0.5\n',
      );
      const r = await runMain(['weight', f, '--rake', 'age_band,sex', '--margins', m]);
      expect(r.code).toBe(0);
      const rows = r.stdout.trim().split('\n').slice(1);
      expect(rows.map((l) => l.split(',')[0])).toEqual(['w1', 'w2', 'w3', 'w4']);
    },
  );
});
