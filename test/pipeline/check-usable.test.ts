import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { createIssueLog } from '../../src/ingest/issue-log.js';
import { assertProfileCells, assertUsable } from '../../src/pipeline/check-usable.js';

/** A log of `read` rows of which `invalid` had a sex cell that is no category ("1" or "2"). */
function logWith(read: number, invalid: number) {
  const log = createIssueLog();
  log.accounting.read = read;
  log.accounting.analysed = read;
  log.accounting.cellIssues['sex:invalid-code'] = invalid;
  for (let i = 0; i < invalid; i++)
    log.add({
      file: 'a.csv',
      line: i + 2,
      column: 5,
      columnName: 'sex',
      reason: 'invalid-code',
      severity: 'error',
      value: String((i % 2) + 1),
      message: `"${(i % 2) + 1}" is not a sex category (Male, Female)`,
    });
  return log;
}

describe('assertProfileCells (--max-invalid-cells for grouping columns)', () => {
  it('refuses a grouping column whose cells are mostly no category, naming it, a share and examples', () => {
    // 95 of 100 rows: 95% > 5%
    const run = () => assertProfileCells(logWith(100, 95), ['sex'], 0.05, 'no results are given');
    expect(run).toThrow(DataError);
    expect(run).toThrow('  sex: 95 of 100 rows (95.0%), e.g. "1", "2": "1" is not a sex category (Male, Female)');
  });

  it('lets a few slips through, and ignores columns the run does not group by', () => {
    // 5 of 100 is at the limit, not over it; 9 invalid cells are under the minimum of 10
    expect(() => assertProfileCells(logWith(100, 5), ['sex'], 0.05, 'x')).not.toThrow();
    expect(() => assertProfileCells(logWith(20, 9), ['sex'], 0.05, 'x')).not.toThrow();
    expect(() => assertProfileCells(logWith(100, 95), ['age_band'], 0.05, 'x')).not.toThrow();
  });
});

describe('assertUsable: the duplicate-id hint for files numbered from 1 each', () => {
  const log = () => {
    const l = createIssueLog();
    // 200 rows read, 100 set aside as repeats of the first file's ids
    l.accounting.read = 200;
    l.accounting.analysed = 100;
    l.accounting.setAside['duplicate-id'] = 100;
    return l;
  };
  const o = { strict: false, maxSetAside: 0.05 };

  it('suggests --id-scope file when several files were read and duplicates are most of what was set aside', () => {
    expect(() => assertUsable(log(), { ...o, files: ['a.csv', 'b.csv'] })).toThrow(
      '100 rows repeat a respondent id of the same wave; if each file numbers its respondents from 1, ' +
        'use --id-scope file',
    );
  });

  it('does not with one file, or when another --id-scope is in force', () => {
    expect(() => assertUsable(log(), { ...o, files: ['a.csv'] })).not.toThrow(/--id-scope file/);
    expect(() => assertUsable(log(), { ...o, files: ['a.csv', 'b.csv'], idScope: 'area' })).not.toThrow(
      /--id-scope file/,
    );
  });
});
