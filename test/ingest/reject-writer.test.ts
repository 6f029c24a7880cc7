import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { createRejectWriter } from '../../src/ingest/reject-writer.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('createRejectWriter', () => {
  it('writes file, line, reason and the row re-joined with its separator, then renames into place', async () => {
    const p = join(tmp.dir, 'rejects.csv');
    const w = createRejectWriter(p);
    w.write('a.csv', 3, 'unknown-area', ['X1', '2009', 'Atlantis', 'said "hi", then left'], ';');
    await w.close();
    const rows = Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['file', 'line', 'reason', 'row'],
      ['a.csv', '3', 'unknown-area', 'X1;2009;Atlantis;"said ""hi"", then left"'],
    ]);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(
    "with useColumns, writes cells under the inputs' column names (union, first spelling), with the " + 'position',
    async () => {
      const p = join(tmp.dir, 'named.csv');
      const w = createRejectWriter(p);
      w.useColumns(
        new Map([
          ['a.xlsx', ['id', 'Wave', 'neighbourhood']],
          ['b.xlsx', ['wave', 'id', 'weight']],
        ]),
        'row',
      );
      w.write('a.xlsx', 4, 'unknown-area', ['X1', '2009', 'Atlantis'], ',');
      w.write('b.xlsx', 7, 'bad-weight', ['2006', 'Y2', '0,5', 'extra'], ',');
      await w.close();
      const rows = Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;
      expect(rows).toEqual([
        ['file', 'row', 'reason', 'id', 'Wave', 'neighbourhood', 'weight'],
        ['a.xlsx', '4', 'unknown-area', 'X1', '2009', 'Atlantis', ''],
        ['b.xlsx', '7', 'bad-weight', 'Y2', '2006', '', '0,5', 'extra'],
      ]);
    },
  );

  it('writes the header even when no row is set aside', async () => {
    const p = join(tmp.dir, 'empty.csv');
    const w = createRejectWriter(p);
    await w.close();
    expect(readFileSync(p, 'utf8')).toBe('file,line,reason,row\n');
  });

  it('abort leaves neither the file nor a temporary', async () => {
    const dir = tempDir();
    const p = join(dir.dir, 'rejects.csv');
    const w = createRejectWriter(p);
    w.write('a.csv', 3, 'bad-weight', ['x'], ',');
    await w.abort();
    expect(readdirSync(dir.dir)).toEqual([]);
    dir.remove();
  });
});

describe('a --rejects path that cannot be written', () => {
  it('fails at once, as a usage error naming the path, when its folder does not exist', () => {
    const p = join(tmp.dir, 'no-such-dir', 'rejects.csv');
    expect(() => createRejectWriter(p)).toThrow(UsageError);
    expect(() => createRejectWriter(p)).toThrow(p);
  });

  it('through main: exit 2 with a message, no crash or stack trace', async () => {
    const p = join(tmp.dir, 'no-such-dir', 'rejects.csv');
    for (const cmd of ['validate', 'analyse']) {
      const r = await runMain([cmd, fixture('mixed-quirks.csv'), '--rejects', p]);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toContain(`cannot write the --rejects file ${p}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a folder in the way of the rename is reported the same way, and leaves no temporary', async () => {
    const dir = tempDir();
    const p = join(dir.dir, 'taken');
    mkdirSync(p);
    const r = await runMain(['validate', fixture('mixed-quirks.csv'), '--rejects', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the --rejects file');
    expect(readdirSync(dir.dir)).toEqual(['taken']);
    dir.remove();
  });
});

describe('--rejects through validate', () => {
  it('lists every set-aside row of mixed-quirks.csv with its line and reason', async () => {
    const p = join(tmp.dir, 'mixed-rejects.csv');
    const r = await runMain(['validate', fixture('mixed-quirks.csv'), '--rejects', p]);
    expect(r.code).toBe(1);
    const rows = Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((x) => [x[1], x[2]])).toEqual([
      ['3', 'unknown-area'],
      ['7', 'wrong-field-count'],
      ['8', 'bad-weight'],
      ['11', 'duplicate-id'],
      ['13', 'missing-wave'],
    ]);
    expect(rows.every((x) => x[0] === fixture('mixed-quirks.csv'))).toBe(true);
    // the row is verbatim: re-parsing it gives the original fields
    expect(Papa.parse<string[]>(rows[0]![3]!).data[0]!.slice(0, 3)).toEqual(['M002', '2009', 'Walton on the Wold']);
  });
});

describe('--rejects is safe to open in a spreadsheet', () => {
  it(
    'a row starting =cmd|… and a file named =1+1.csv are escaped with a leading quote, like every CSV ' + 'output',
    async () => {
      const p = join(tmp.dir, 'formula-rejects.csv');
      const w = createRejectWriter(p);
      w.write('=1+1.csv', 2, 'wrong-field-count', [], ',', "=cmd|' /C calc'!A0,2009");
      w.write('ok.csv', 3, 'unknown-area', ['X1', '2009', 'Atlantis'], ',');
      await w.close();
      const rows = Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;
      expect(rows[1]).toEqual(["'=1+1.csv", '2', 'wrong-field-count', "'=cmd|' /C calc'!A0,2009"]);
      expect(rows[2]).toEqual(['ok.csv', '3', 'unknown-area', 'X1,2009,Atlantis']);
      // no cell of the file starts a formula
      for (const row of rows) for (const c of row) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    },
  );

  it('through validate: a survey row that starts with = reaches --rejects escaped', async () => {
    const dir = tempDir();
    const survey = join(dir.dir, '=1+1.csv');
    writeFileSync(survey, 'respondent_id,wave,neighbourhood,belong_neighbourhood\n=cmd|x,2009,Atlantis,1\n');
    const p = join(dir.dir, 'rejects.csv');
    await runMain(['validate', survey, '--rejects', p]);
    const rows = Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows[1]![0]).toBe(`${survey}`); // an absolute path starts with /, not a formula
    expect(rows[1]![3]).toBe("'=cmd|x,2009,Atlantis,1");
    dir.remove();
  });
});
