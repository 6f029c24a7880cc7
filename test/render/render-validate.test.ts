import { describe, expect, it } from 'vitest';
import { issueLocation, renderValidateText, type ValidateResult } from '../../src/render/render-validate.js';
import type { Issue } from '../../src/types/index.js';

const issue = (over: Partial<Issue>): Issue => ({
  file: 'a.csv',
  line: 9,
  column: 7,
  columnName: 'belong_neighbourhood',
  reason: 'invalid-code',
  severity: 'error',
  value: '7',
  message: '"7" is not a valid answer',
  ...over,
});

describe('issueLocation', () => {
  it('file:line:column, dropping what is not known', () => {
    expect(issueLocation(issue({}))).toBe('a.csv:9:7');
    expect(issueLocation(issue({ column: 0 }))).toBe('a.csv:9');
    expect(issueLocation(issue({ line: 0, column: 0 }))).toBe('a.csv');
  });
});

describe('renderValidateText', () => {
  const base: ValidateResult = {
    schemaVersion: 2,
    files: [{ file: 'a.csv', format: 'csv', encoding: 'utf8', separator: ',', rows: 3, itemsAbsent: [] }],
    columns: [],
    accounting: {
      read: 3,
      analysed: 2,
      setAside: { 'unknown-area': 1 },
      cellIssues: { 'belong_neighbourhood:invalid-code': 1 },
      answers: {},
      blankLinesSkipped: 0,
      duplicatesUnchecked: [],
    },
    issues: [
      issue({}),
      issue({
        line: 3,
        column: 3,
        columnName: 'neighbourhood',
        reason: 'unknown-area',
        value: 'Walton on the Wold',
        message: 'no such area',
        suggestion: 'did you mean Walton on the Wolds?',
      }),
    ],
    issuesOmitted: { 'invalid-code': 4 },
    totals: { errors: 2, warnings: 0 },
    fatal: null,
  };

  it('accounting, issues with their locations and suggestions, omitted counts, totals; no escape codes', () => {
    const t = renderValidateText(base, false);
    expect(t).toContain('rows: 3 read, 2 analysed, 1 set aside (unknown-area 1); 1 invalid cell(s) treated as missing');
    expect(t).toContain('a.csv:9:7: error [invalid-code] belong_neighbourhood: "7" is not a valid answer');
    expect(t).toContain(
      'a.csv:3:3: error [unknown-area] neighbourhood: no such area — did you mean Walton on the Wolds?',
    );
    expect(t).toContain('4 more invalid-code');
    expect(t.endsWith('Totals: 2 error(s), 0 warning(s)\n')).toBe(true);

    expect(t).not.toMatch(/\u001b\[/);
  });

  it('a fatal problem replaces the accounting', () => {
    const t = renderValidateText(
      { ...base, fatal: 'a.csv: the file is empty', issues: [], issuesOmitted: {}, totals: { errors: 1, warnings: 0 } },
      false,
    );
    expect(t).toContain('fatal: a.csv: the file is empty');
    expect(t).not.toContain('rows:');
    expect(t).toContain(', 1 fatal');
  });

  it('colour when asked', () => {
    expect(renderValidateText(base, true)).toMatch(/\u001b\[/);
  });
});
