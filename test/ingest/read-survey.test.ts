import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import type { Issue } from '../../src/types/index.js';
import { expectedFixtures, fixture, sha256, type ExpectedError, type ExpectedFixture } from '../helpers/fixtures.js';
import { ingest } from '../helpers/ingest.js';

const all = expectedFixtures();
const rowFixtures = all.filter((f) => !f.fatal);
const fatalFixtures = all.filter((f) => f.fatal);

function sumReasons(answers: Record<string, Record<string, number>>, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rs of Object.values(answers))
    for (const [k, n] of Object.entries(rs))
      if (k.startsWith(prefix)) out[k.slice(prefix.length)] = (out[k.slice(prefix.length)] ?? 0) + n;
  return out;
}

/** The issue that an expected error describes: same line, reason and (when given) column. */
function matchError(issues: Issue[], want: ExpectedError): Issue | undefined {
  return issues.find(
    (i) => i.line === want.line && i.reason === want.reason && (want.column === null || i.column === want.column),
  );
}

function checkErrors(file: string, issues: Issue[], errors: ExpectedError[]): void {
  const got = issues.filter((i) => i.severity === 'error');
  expect(
    got.map((i) => `${i.line}:${i.reason}`),
    file,
  ).toEqual(errors.map((e) => `${e.line}:${e.reason}`));
  for (const want of errors) {
    const i = matchError(got, want);
    expect(i, `${file}: ${JSON.stringify(want)}`).toBeDefined();
    if (want.columnName !== undefined) expect(i!.columnName).toBe(want.columnName);
    if (want.value !== undefined) expect(i!.value).toBe(want.value);
    if (want.suggestion !== undefined) expect(i!.suggestion).toContain(want.suggestion);
    if (want.fields !== undefined)
      expect(i!.message).toContain(`expected ${want.expected} fields, found ${want.fields}`);
    expect(i!.file).toBe(fixture(file));
  }
}

describe('readSurveyFiles on every fixture of fixtures/expected/quirks.json', () => {
  it('covers every fixture file in the expected list', () => {
    expect(all.length).toBeGreaterThanOrEqual(28);
  });

  it.each(rowFixtures.map((f) => [f.file, f] as [string, ExpectedFixture]))('%s', async (file, want) => {
    const path = fixture(file);
    const before = sha256(path);
    const { log, rows, summaries } = await ingest([path]);
    const a = log.accounting;
    expect(a.read).toBe(want.read);
    expect(a.analysed).toBe(want.analysed);
    expect(a.setAside).toEqual(want.setAside);
    // the identity
    expect(a.read).toBe(a.analysed + Object.values(a.setAside).reduce((s, n) => s + n, 0));
    expect(rows).toHaveLength(a.analysed);
    expect(summaries[0]!.read).toBe(a.read);
    checkErrors(file, log.issues, want.errors ?? []);
    for (const w of want.warnings ?? [])
      expect(
        log.issues.some((i) => i.severity === 'warning' && i.reason === w),
        w,
      ).toBe(true);
    if (!want.warnings) expect(log.issues.filter((i) => i.severity === 'warning')).toEqual([]);
    if (want.areas) expect(rows.map((r) => r.area)).toEqual(want.areas);
    if (want.absentItems !== undefined) expect(summaries[0]!.itemsAbsent).toHaveLength(want.absentItems);
    expect(sha256(path)).toBe(before);
  });

  it('the invalid codes count as missing, by item', async () => {
    const { log } = await ingest([fixture('mixed-quirks.csv')]);
    expect(log.accounting.cellIssues).toEqual({
      'belong_neighbourhood:invalid-code': 1,
      'trust_general:invalid-code': 1,
    });
  });

  it('rows carry their physical line, wave, area, weight and profile', async () => {
    const { rows } = await ingest([fixture('mixed-quirks.csv')]);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6, 9, 12, 14]);
    const last = rows[5]!;
    expect(last).toMatchObject({ wave: '2006', weight: 0.9 });
    expect(rows[4]!.area).toBe('CH-WOL');
  });
});

describe('missing and excluded answers (from tallies)', () => {
  // The answers-by-reason accounting is built by the tally store; ingest alone hands the codes on.
  it.each(rowFixtures.filter((f) => f.missing || f.excluded).map((f) => [f.file, f] as [string, ExpectedFixture]))(
    '%s',
    async (file, want) => {
      const { compiled } = await import('../helpers/codebook.js').then((m) => m.bundledCodebook());
      const { createTallyStore, addRow, answerReasons } = await import('../../src/aggregate/tally-store.js');
      const store = createTallyStore(17);
      const { rows } = await ingest([fixture(file)]);
      for (const r of rows) addRow(store, compiled, r);
      const answers = answerReasons(
        store,
        compiled.items.map((c) => c.item.id),
      );
      // invalid-code cells count as missing in the tallies, and are listed as errors, not as replies
      const missing = sumReasons(answers, 'missing:');
      delete missing['invalid-code'];
      if (want.missing) expect(missing).toEqual(want.missing);
      if (want.excluded) expect(sumReasons(answers, 'excluded:')).toEqual(want.excluded);
    },
  );
});

describe('fatal fixtures', () => {
  it.each(fatalFixtures.map((f) => [f.file, f] as [string, ExpectedFixture]))(
    '%s stops the run with a DataError naming the file',
    async (file, want) => {
      const path = fixture(file);
      const before = sha256(path);
      const err = await ingest([path]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataError);
      const message = (err as Error).message;
      expect(message).toContain(path);
      for (const m of want.messageMentions ?? []) expect(message).toContain(m);
      expect(sha256(path)).toBe(before);
    },
  );

  it('missing-wave-column.csv reads with an assigned wave', async () => {
    const want = all.find((f) => f.file === 'missing-wave-column.csv')!.withAssignWave!;
    const path = fixture('missing-wave-column.csv');
    const { log, rows } = await ingest([path], { assignWaves: () => new Map([[path, '2009']]) });
    expect(log.accounting.read).toBe(want.read);
    expect(log.accounting.analysed).toBe(want.analysed);
    expect(log.accounting.setAside).toEqual(want.setAside);
    expect(rows.every((r) => r.wave === '2009')).toBe(true);
  });

  it('checks every file before reading any: two fatal files give both messages', async () => {
    const err = (await ingest([fixture('empty.csv'), fixture('bom-crlf.csv'), fixture('header-only.csv')]).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toContain('empty.csv');
    expect(err.message).toContain('header-only.csv');
    expect(err.message).not.toContain('bom-crlf.csv');
  });

  it('a file that does not exist is a DataError naming it', async () => {
    const err = (await ingest([fixture('no-such-file.csv')]).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toContain('no-such-file.csv');
  });
});

describe('several files', () => {
  it('add up, and a duplicate id is found across files of one run', async () => {
    const { log } = await ingest([fixture('duplicate-id.csv'), fixture('duplicate-id.csv')]);
    // first copy: 4 analysed, line 5 (F001 2009 again) set aside; second copy: all 5 (wave, id) pairs already seen
    expect(log.accounting.read).toBe(10);
    expect(log.accounting.analysed).toBe(4);
    expect(log.accounting.setAside).toEqual({ 'duplicate-id': 6 });
    expect(log.accounting.read).toBe(
      log.accounting.analysed + Object.values(log.accounting.setAside).reduce((s, n) => s + n, 0),
    );
    const dups = log.issues.filter((i) => i.reason === 'duplicate-id');
    expect(dups.length).toBe(log.accounting.setAside['duplicate-id']);
    expect(dups.filter((i) => i.line === 5)).toHaveLength(2); // line 5 of both copies
  });
});

describe('--wave filter', () => {
  it('sets other waves aside as filtered-out, with no error issue', async () => {
    const { log, rows } = await ingest([fixture('duplicate-id.csv')], { waves: new Set(['2006']) });
    expect(rows.every((r) => r.wave === '2006')).toBe(true);
    expect(log.accounting.setAside['filtered-out']).toBeGreaterThan(0);
    expect(log.issues.filter((i) => i.reason === 'filtered-out')).toEqual([]);
  });
});
