import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readSmallCsv } from './fixture.js';

/*
 * End to end, in process: `sc-survey weight` on fixtures/weighting/survey-small.csv (two waves, three
 * areas, a starting weight column, 4 rows to set aside) with fixtures/weighting/margins-small.csv
 * (BL-BRA's own margins, a 2009 set for BL-BRA, and "rural" for the other two areas).
 * Reference: fixtures/weighting/make-reference-command.R, per wave and scope:
 *   d <- svydesign(ids = ~1, weights = ~weight, data = part)
 *   r <- rake(d, list(~age_band, ~sex), list(pop_age, pop_sex), control = list(maxit = 100, epsilon = 1e-12))
 *   weights(r) / mean(weights(r))                       → r-survey-small-weights.csv
 *   svymean(~I(belong_neighbourhood <= 2), r)  TRUE:  2006 BL-BRA 0.65965079313304031   2006 rural 0.71087584422337191
 *                                                     2009 BL-BRA 0.63228760266135586   2009 rural 0.65577149725521555
 */
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/weighting/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sc-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    env: {},
  };
  const code = await main(['weight', fixture('survey-small.csv'), '--rake', 'age_band,sex', ...args], io);
  return { code, out, err };
}

describe('sc-survey weight', async () => {
  const output = join(dir, 'weighted.csv');
  const rejects = join(dir, 'rejects.csv');
  const { code, err } = await run(['--margins', fixture('margins-small.csv'), '-o', output, '--rejects', rejects]);
  const written = Papa.parse<Record<string, string>>(readFileSync(output, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  it('exits 0 and writes every weighted row with its final weight, equal to R’s to 1e-8', () => {
    expect(code).toBe(0);
    const ref = readSmallCsv('r-survey-small-weights.csv');
    expect(written).toHaveLength(ref.length);
    const mine = new Map(written.map((r) => [r.respondent_id!, Number(r.weight)]));
    for (const r of ref) expect(Math.abs(mine.get(r.respondent_id!)! - Number(r.weight))).toBeLessThan(1e-8);
  });

  it('gives the weighted estimates of R’s svymean to 1e-9 from the written weights', () => {
    const expected: Record<string, number> = {
      '2006 BL-BRA': 0.65965079313304031,
      '2006 rural': 0.71087584422337191,
      '2009 BL-BRA': 0.63228760266135586,
      '2009 rural': 0.65577149725521555,
    };
    for (const [key, value] of Object.entries(expected)) {
      const [wave, scope] = key.split(' ');
      const rows = written.filter((r) => r.wave === wave && (scope === 'BL-BRA') === (r.neighbourhood === 'BL-BRA'));
      const sw = rows.reduce((s, r) => s + Number(r.weight), 0);
      const swPos = rows.reduce((s, r) => s + (Number(r.belong_neighbourhood) <= 2 ? Number(r.weight) : 0), 0);
      expect(Math.abs(swPos / sw - value)).toBeLessThan(1e-9);
    }
  });

  it('keeps the input columns, adds start_weight, and keeps quoted line breaks; formula-like text is escaped', () => {
    expect(Object.keys(written[0]!)).toEqual([
      'respondent_id',
      'wave',
      'neighbourhood',
      'age_band',
      'sex',
      'weight',
      'belong_neighbourhood',
      'comments',
      'start_weight',
    ]);
    const r5 = written.find((r) => r.respondent_id === 'R005')!;
    expect(r5.comments).toBe('quiet, friendly\nstreet');
    expect(r5.start_weight).toBe('0.75');
    expect(written.find((r) => r.respondent_id === 'R009')!.comments).toBe("'=looks like a formula");
    expect(written.find((r) => r.respondent_id === 'R007')!.neighbourhood).toBe('Sharnford');
  });

  it('sets aside blank or unknown raking variables as missing-weighting-variable; the accounting adds up', () => {
    // 292 rows read = 288 weighted + 3 missing-weighting-variable + 1 unknown-area
    expect(err).toMatch(
      /rows: 292 read, 288 analysed, 4 set aside \((?=.*missing-weighting-variable 3)(?=.*unknown-area 1)/,
    );
    const rej = Papa.parse<Record<string, string>>(readFileSync(rejects, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rej.map((r) => `${r.line} ${r.reason}`).sort()).toEqual([
      '291 missing-weighting-variable',
      '292 missing-weighting-variable',
      '293 missing-weighting-variable',
      '294 unknown-area',
    ]);
  });

  it('prints the weighting report to stderr: each wave and scope, with before and after shares', () => {
    expect(err).toMatch(/2006\s+BL-BRA\s+47\s+\d+\s/);
    expect(err).toMatch(/2009\s+rural \(type\)\s+96\s+\d+\s/);
    expect(err).toContain('wave 2009, scope BL-BRA: converged');
    expect(err).not.toContain('overall profile');
  });

  it('exits 1 with the report, and writes nothing, when no solution exists within the bounds', async () => {
    const out = join(dir, 'bounded.csv');
    const r = await run(['--margins', fixture('margins-small.csv'), '--bounds', '0.99,1.01', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no solution within the bounds \[0\.99, 1\.01\]/);
    expect(r.err).toMatch(/target %\s+before %\s+after %/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 below --min-efficiency', async () => {
    const r = await run([
      '--margins',
      fixture('margins-small.csv'),
      '--min-efficiency',
      '0.99',
      '-o',
      join(dir, 'eff.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is below --min-efficiency 99\.0%/);
  });

  it('exits 1 with the margins file line when a category with respondents has no margin', async () => {
    // counts, which are normalised, so that only the missing category is wrong
    const text = readFileSync(fixture('margins-small.csv'), 'utf8')
      .replace('variable,category,share', 'variable,category,count')
      .split('\n')
      .filter((l) => !l.startsWith('age_band,75+,0.11,rural'))
      .join('\n');
    const margins = join(dir, 'margins-no-75.csv');
    writeFileSync(margins, text);
    const r = await run(['--margins', margins, '-o', join(dir, 'm.csv')]);
    expect(r.code).toBe(1);
    // the rural age_band lines start on line 20 of the margins file
    expect(r.err).toMatch(
      new RegExp(
        /margins-no-75\.csv:20: error: age_band "75\+" has \d+ respondent\(s\) /.source +
          /in scope rural \(type\), wave 2006, but no margin/.source,
      ),
    );
  });

  it('exits 1 with the residual margins when raking cannot converge (impossible margins)', async () => {
    // every 16-24 respondent is male, so male ≥ 16-24 = 60% > the 30% target (by hand): IPF cannot converge
    const survey = join(dir, 'impossible.csv');
    const margins = join(dir, 'impossible-margins.csv');
    const row = (i: number, age: string, sex: string) => `I${i},2009,BL-BRA,${age},${sex},1`;
    writeFileSync(
      survey,
      [
        'respondent_id,wave,neighbourhood,age_band,sex,belong_neighbourhood',
        ...[0, 1, 2].flatMap((i) => [row(i, '16-24', 'Male'), row(i + 3, '75+', 'Male'), row(i + 6, '75+', 'Female')]),
      ].join('\n'),
    );
    writeFileSync(
      margins,
      'variable,category,share\nage_band,16-24,0.6\nage_band,75+,0.4\nsex,Male,0.3\nsex,Female,0.7\n',
    );
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (x: string) => ((err += x), true) }, env: {} };
    const out = join(dir, 'impossible-weighted.csv');
    const code = await main(['weight', survey, '--rake', 'age_band,sex', '--margins', margins, '-o', out], io);
    expect(code).toBe(1);
    expect(err).toMatch(/2009\s+all\s+9\s+100\s/);
    expect(err).toMatch(/raking did not converge in 100 iterations/);
    expect(err).toMatch(/age_band\s+16-24\s+60\.0\s+33\.3\s+\d/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads stdin (spooled, so it can be read twice) and writes to stdout', async () => {
    let out = '';
    const io = {
      stdout: { write: (x: string) => ((out += x), true) },
      stderr: { write: () => true },
      stdin: Readable.from([readFileSync(fixture('survey-small.csv'))]),
      env: {},
    };
    const code = await main(['weight', '-', '--rake', 'age_band,sex', '--margins', fixture('margins-small.csv')], io);
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(288);
    const ref = new Map(readSmallCsv('r-survey-small-weights.csv').map((r) => [r.respondent_id!, Number(r.weight)]));
    for (const r of rows) expect(Math.abs(Number(r.weight) - ref.get(r.respondent_id!)!)).toBeLessThan(1e-8);
  });

  it('exits 2 when -o would overwrite the margins file', async () => {
    const r = await run(['--margins', fixture('margins-small.csv'), '-o', fixture('margins-small.csv')]);
    expect(r.code).toBe(2);
    expect(readFileSync(fixture('margins-small.csv'), 'utf8')).toMatch(/^variable,category,share,scope,wave\n/);
  });

  it('exits 2 without --margins', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
  });
});
