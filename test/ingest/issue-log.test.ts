import { describe, expect, it } from 'vitest';
import { createIssueLog, setAsideForErrors } from '../../src/ingest/issue-log.js';
import type { Issue } from '../../src/types/index.js';

const issue = (reason: string, line: number): Issue => ({
  file: 'f.csv',
  line,
  column: 1,
  columnName: 'x',
  reason,
  severity: 'error',
  value: '',
  message: reason,
});

describe('createIssueLog', () => {
  it('keeps the first N issues of each reason and counts the rest as dropped', () => {
    const log = createIssueLog(2);
    for (let i = 0; i < 5; i++) log.add(issue('unknown-area', i + 2));
    log.add(issue('bad-weight', 9));
    expect(log.issues.map((i) => `${i.reason}:${i.line}`)).toEqual([
      'unknown-area:2',
      'unknown-area:3',
      'bad-weight:9',
    ]);
    expect(log.dropped).toEqual({ 'unknown-area': 3 });
  });

  it('counts set-aside rows by reason; filtered-out is not an error', () => {
    const log = createIssueLog();
    log.setAside('unknown-area');
    log.setAside('unknown-area');
    log.setAside('filtered-out');
    log.accounting.cellIssues['keep_eye:invalid-code'] = 3;
    expect(log.accounting.setAside).toEqual({ 'unknown-area': 2, 'filtered-out': 1 });
    expect(log.errorCount()).toBe(5); // 2 rows + 3 cells
    expect(setAsideForErrors(log.accounting)).toBe(2);
  });
});
