import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { createIssueLog } from '../../src/ingest/issue-log.js';
import { assertProfileCells } from '../../src/pipeline/check-usable.js';

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
