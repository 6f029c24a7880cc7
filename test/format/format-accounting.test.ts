import { describe, expect, it } from 'vitest';
import { formatAccountingLine } from '../../src/format/format-accounting.js';

describe('formatAccountingLine', () => {
  it('reads, analysed, set aside by reason and invalid cells, in en-GB digits', () => {
    expect(
      formatAccountingLine({
        read: 3400,
        analysed: 3390,
        setAside: { 'unknown-area': 6, 'bad-weight': 4, 'missing-wave': 0 },
        cellIssues: { 'keep_eye:invalid-code': 10, 'sex:invalid-code': 2 },
        answers: {},
        blankLinesSkipped: 0,
        duplicatesUnchecked: [],
      }),
    ).toBe(
      'rows: 3,400 read, 3,390 analysed, 10 set aside (unknown-area ' +
        '6, bad-weight 4); 12 invalid cell(s) treated as missing',
    );
  });

  it('says 0 set aside and nothing more for a clean run', () => {
    expect(
      formatAccountingLine({
        read: 1000,
        analysed: 1000,
        setAside: {},
        cellIssues: {},
        answers: {},
        blankLinesSkipped: 0,
        duplicatesUnchecked: [],
      }),
    ).toBe('rows: 1,000 read, 1,000 analysed, 0 set aside');
  });

  it('adds the blank lines skipped and the files whose duplicates could not be checked', () => {
    const a = {
      read: 5,
      analysed: 5,
      setAside: {},
      cellIssues: {},
      answers: {},
      blankLinesSkipped: 3,
      duplicatesUnchecked: ['a.csv', 'b.csv'],
    };
    expect(formatAccountingLine(a)).toBe(
      'rows: 5 read, 5 analysed, 0 set aside; 3 blank lines skipped; ' +
        'duplicates not checked in a.csv, b.csv (no respondent id column)',
    );
    expect(formatAccountingLine({ ...a, blankLinesSkipped: 1, duplicatesUnchecked: [] })).toBe(
      'rows: 5 read, 5 analysed, 0 set aside; 1 blank line skipped',
    );
  });
});
