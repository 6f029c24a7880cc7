import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';

const CSV = join(ROOT, 'data/samples/wave-2009.csv');
const SAV = fixture('sav/wave-2009.sav');
const XLSX = fixture('xlsx/wave-2009.xlsx');

describe('the same survey as CSV, .sav and .xlsx', () => {
  it('gives byte-identical analyse --format json apart from files[]', async () => {
    const outs = await Promise.all([CSV, SAV, XLSX].map((f) => runMain(['analyse', '--format', 'json', f])));
    for (const o of outs) expect(o.code, o.stderr).toBe(0);
    const [csv, sav, xlsx] = outs.map((o) => {
      const j = JSON.parse(o.stdout) as Record<string, unknown>;
      const { files, ...rest } = j;
      return { files, rest: JSON.stringify(rest, null, 2) };
    });
    expect(sav!.rest).toBe(csv!.rest);
    expect(xlsx!.rest).toBe(csv!.rest);
    expect(csv!.files).toEqual([
      { file: CSV, format: 'csv', encoding: 'utf8', separator: ',', rows: 3162, itemsAbsent: [] },
    ]);
    expect(sav!.files).toEqual([
      { file: SAV, format: 'sav', encoding: 'UTF-8', separator: null, rows: 3162, itemsAbsent: [] },
    ]);
    expect(xlsx!.files).toEqual([
      {
        file: XLSX,
        format: 'xlsx',
        encoding: 'utf8',
        separator: null,
        sheet: 'wave-2009',
        rows: 3162,
        itemsAbsent: [],
      },
    ]);
  });

  it('detects the format by content, not by the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-formats-'));
    const savAsCsv = join(dir, 'export.csv');
    writeFileSync(savAsCsv, readFileSync(SAV));
    const xlsxAsDat = join(dir, 'export.dat');
    writeFileSync(xlsxAsDat, readFileSync(XLSX));
    for (const f of [savAsCsv, xlsxAsDat]) {
      const r = await runJson(['validate', '--format', 'json', f]);
      expect(r.json.accounting.read, r.stderr).toBe(3162);
    }
  });
});

describe(
  'validate on a labelled .sav (fixtures/sav/make-ingest-fixtures.R; ' +
    'the cases are listed in test/ingest/sav-survey.test.ts)',
  () => {
    it('counts missing answers by reason and says "case" in locations', async () => {
      const r = await runJson(['validate', '--format', 'json', fixture('sav/labelled-survey.sav')]);
      expect(r.code).toBe(1);
      // by hand over the 10 analysed cases: belong NA (3) no reply, 98 (4) multiple ticks, 99 (5) and 97 (6) not
      // stated, 5 (10) don't know; trust 4 (4) don't know on trust_gen, 5 (10) invalid; help 95 (4) not stated, NA (6)
      expect(r.json.accounting.answers.belong_neighbourhood).toEqual({
        'missing:multiple-ticks': 1,
        'missing:no-reply': 1,
        'missing:not-stated': 2,
        'excluded:dont-know': 1,
      });
      expect(r.json.accounting.answers.trust_general).toEqual({ 'missing:invalid-code': 1, 'excluded:dont-know': 1 });
      expect(r.json.accounting.answers.help_neighbour).toEqual({ 'missing:no-reply': 1, 'missing:not-stated': 1 });
      const text = await runMain(['validate', fixture('sav/labelled-survey.sav')]);
      expect(text.stdout).toContain('labelled-survey.sav: case 8, column 3: error [unknown-area]');
      expect(text.stdout).toContain('labelled-survey.sav: 12 cases, UTF-8, SPSS file');
    });

    it('says on stderr that the WEIGHT BY variable is used', async () => {
      const r = await runMain([
        'analyse',
        '--format',
        'json',
        '--max-set-aside',
        '0.5',
        fixture('sav/labelled-survey.sav'),
      ]);
      expect(r.stderr).toContain('weighted by "wt", the file\'s WEIGHT BY variable');
      expect(JSON.parse(r.stdout).design.weights).toBe('column "wt"; areas weighted by their returns');
    });

    it('--rejects writes the set-aside cases under the variable names, with file, case and reason', async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'sc-rejects-')), 'rejects.csv');
      await runMain(['validate', '--rejects', out, fixture('sav/labelled-survey.sav')]);
      const f = fixture('sav/labelled-survey.sav');
      // cases 8 and 11 of the listing, values as the file holds them (codes, not labels)
      expect(readFileSync(out, 'utf8')).toBe(
        'file,case,reason,respondent_id,wave,neighbourhood,' +
          'belong_neighbourhood,trust_general,help_neighbour,age_band,wt\n' +
          `${f},8,unknown-area,A08,1,9,1,1,1,1,1\n` +
          `${f},11,bad-weight,A11,2,1,1,1,1,1,0\n`,
      );
    });

    it('a case-count mismatch is exit 1 naming both counts', async () => {
      const r = await runMain(['analyse', fixture('sav/case-count-mismatch.sav')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('case-count-mismatch.sav: the header declares 13 cases but the data hold 12');
    });
  },
);

describe('weight with a .sav or .xlsx input', () => {
  it('is a usage error: its second pass copies rows as CSV text', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sc-weight-')), 'w.csv');
    const r = await runMain([
      'weight',
      XLSX,
      '--rake',
      'age_band,sex',
      '--margins',
      join(ROOT, 'data/margins/leicestershire-areas.csv'),
      '-o',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${XLSX} is an .xlsx workbook: save it as CSV first`);
  });
});
