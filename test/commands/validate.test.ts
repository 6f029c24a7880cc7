import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedFixtures, fixture, sha256, tempDir, type ExpectedFixture } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { csvText, HEADER, rowFields } from '../helpers/survey-text.js';

const all = expectedFixtures();
const tmp = tempDir();
afterAll(() => tmp.remove());
const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);

describe('validate --format json on every fixture of quirks.json', () => {
  it.each(all.filter((f) => !f.fatal).map((f) => [f.file, f] as [string, ExpectedFixture]))(
    '%s',
    async (file, want) => {
      const path = fixture(file);
      const before = sha256(path);
      const r = await runJson(['validate', path, '--format', 'json', '--max-issues', '100000']);
      const a = r.json.accounting;
      expect(r.json.schemaVersion).toBe(2);
      expect(r.json.fatal).toBeNull();
      expect(a.read).toBe(want.read);
      expect(a.analysed).toBe(want.analysed);
      expect(a.setAside).toEqual(want.setAside);
      expect(a.read).toBe(a.analysed + sum(a.setAside));
      const errors = r.json.issues.filter((i: { severity: string }) => i.severity === 'error');
      expect(errors.map((i: { line: number; reason: string }) => `${i.line}:${i.reason}`)).toEqual(
        (want.errors ?? []).map((e) => `${e.line}:${e.reason}`),
      );
      (want.errors ?? []).forEach((e, k) => {
        if (e.column !== null) expect(errors[k].column).toBe(e.column);
        if (e.columnName) expect(errors[k].columnName).toBe(e.columnName);
      });
      expect(r.json.totals.errors).toBe((want.errors ?? []).length);
      expect(r.code).toBe((want.errors ?? []).length > 0 ? 1 : 0);
      expect(sha256(path)).toBe(before);
    },
  );

  it('each issue has the documented fields', async () => {
    const r = await runJson(['validate', fixture('mixed-quirks.csv'), '--format', 'json']);
    const keys = ['file', 'line', 'column', 'columnName', 'reason', 'severity', 'value', 'message'];
    for (const i of r.json.issues) {
      for (const k of keys) expect(i, k).toHaveProperty(k);
      expect(Object.keys(i).every((k) => [...keys, 'suggestion'].includes(k))).toBe(true);
      expect(['error', 'warning']).toContain(i.severity);
    }
    const unknown = r.json.issues.find((i: { reason: string }) => i.reason === 'unknown-area');
    expect(unknown.suggestion).toContain('Walton on the Wolds');
  });

  it('warnings alone exit 0: Windows-1252 and absent items', async () => {
    const w = await runJson(['validate', fixture('windows-1252-late.csv'), '--format', 'json']);
    expect(w.code).toBe(0);
    expect(w.json.totals).toEqual({ errors: 0, warnings: 1 });
    expect(w.json.issues[0]).toMatchObject({ reason: 'windows-1252', severity: 'warning' });
    expect(w.json.files[0].encoding).toBe('windows-1252');
    const i = await runJson(['validate', fixture('items-absent.csv'), '--format', 'json']);
    expect(i.code).toBe(0);
    expect(i.json.issues.find((x: { reason: string }) => x.reason === 'items-absent').message).toContain(
      'belong_county',
    );
  });
});

describe('validate: fatal fixtures', () => {
  it.each(all.filter((f) => f.fatal).map((f) => [f.file, f] as [string, ExpectedFixture]))(
    '%s exits 1 naming the file, no stack trace',
    async (file, want) => {
      const path = fixture(file);
      const before = sha256(path);
      const j = await runJson(['validate', path, '--format', 'json']);
      expect(j.code).toBe(want.exitCode);
      expect(j.json.fatal).toContain(path);
      for (const m of want.messageMentions ?? []) expect(j.json.fatal).toContain(m);
      expect(j.json.estimates).toBeUndefined();
      const t = await runMain(['validate', path]);
      expect(t.code).toBe(1);
      expect(t.stdout).toContain('fatal');
      expect(t.stdout).toContain(path);
      expect(t.stdout + t.stderr).not.toMatch(/\n\s+at /);
      expect(t.stdout + t.stderr).not.toContain('internal error');
      expect(sha256(path)).toBe(before);
    },
  );

  it('missing-wave-column.csv passes with --assign-wave 2009', async () => {
    const r = await runJson([
      'validate',
      fixture('missing-wave-column.csv'),
      '--assign-wave',
      '2009',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.accounting).toMatchObject({ read: 3, analysed: 3, setAside: {} });
  });

  it('several files are all checked first; one fatal file stops the run and every fatal file is named', async () => {
    const r = await runJson([
      'validate',
      fixture('bom-crlf.csv'),
      fixture('binary-garbage.csv'),
      fixture('missing-column.csv'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect(r.json.fatal).toContain('binary-garbage.csv');
    expect(r.json.fatal).toContain('missing-column.csv');
    expect(r.json.accounting.read).toBe(0);
  });
});

describe('validate: text output and options', () => {
  it('lists every issue of mixed-quirks.csv with file:line:column, then the totals', async () => {
    const path = fixture('mixed-quirks.csv');
    const r = await runMain(['validate', path]);
    expect(r.code).toBe(1);
    for (const loc of ['3:3', '7', '8:4', '9:7', '11:1', '13:2', '14:15'])
      expect(r.stdout).toContain(`${path}:${loc}: error`);
    expect(r.stdout).toContain('did you mean Walton on the Wolds?');
    expect(r.stdout).toMatch(/Totals: 7 error\(s\), 0 warning\(s\)\n$/);
    expect(r.stdout.indexOf('Row accounting')).toBeLessThan(r.stdout.indexOf('Issues'));
    expect(r.stderr).toContain('11 read, 6 analysed, 5 set aside');
  });

  it('--max-issues N shows the first N of each kind and counts the rest', async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 30 }, (_, i) =>
        rowFields({ id: `U${i}`, area: i < 25 ? 'Atlantis' : 'BL-BRA', items: i === 29 ? { keep_eye: '9' } : {} }),
      ),
    ];
    const p = join(tmp.dir, 'many.csv');
    writeFileSync(p, csvText(rows));
    const r = await runJson(['validate', p, '--format', 'json', '--max-issues', '3']);
    expect(r.json.accounting.setAside).toEqual({ 'unknown-area': 25 });
    expect(r.json.issues.map((i: { reason: string; line: number }) => `${i.reason}:${i.line}`)).toEqual([
      'unknown-area:2',
      'unknown-area:3',
      'unknown-area:4',
      'invalid-code:31',
    ]);
    expect(r.json.issuesOmitted).toEqual({ 'unknown-area': 22 });
    expect(r.json.totals.errors).toBe(26);
    const t = await runMain(['validate', p, '--max-issues', '3']);
    expect(t.stdout).toContain('22 more unknown-area');
    // validate never refuses for the set-aside share: it is the tool that explains it
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('Row accounting');
  });

  it('accounting adds up over several files', async () => {
    // ids F…, M… and P…: no duplicates between the files
    const r = await runJson([
      'validate',
      fixture('unknown-area.csv'),
      fixture('mixed-quirks.csv'),
      fixture('paper-2009.csv'),
      '--format',
      'json',
    ]);
    expect(r.json.accounting).toMatchObject({
      read: 4 + 11 + 1000,
      analysed: 2 + 6 + 1000,
      setAside: {
        'unknown-area': 2 + 1,
        'wrong-field-count': 1,
        'bad-weight': 1,
        'duplicate-id': 1,
        'missing-wave': 1,
      },
    });
    expect(r.json.files.map((f: { rows: number }) => f.rows)).toEqual([4, 11, 1000]);
  });

  it('--no-weights ignores the weight column, so bad weights set nothing aside', async () => {
    const r = await runJson(['validate', fixture('bad-weight.csv'), '--no-weights', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.accounting).toMatchObject({ read: 9, analysed: 9, setAside: {} });
  });

  it('--max-issues -1 is a usage error (exit 2)', async () => {
    expect((await runMain(['validate', fixture('bom-crlf.csv'), '--max-issues', '-1'])).code).toBe(2);
  });

  it('reads stdin given as -', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await runJson(['validate', '-', '--format', 'json'], {
      stdin: readFileSync(fixture('mixed-quirks.csv'), 'utf8'),
    });
    expect(r.json.accounting).toMatchObject({ read: 11, analysed: 6 });
    expect(r.json.issues[0]).toMatchObject({ file: '-', line: 3, column: 3, reason: 'unknown-area' });
  });
});
