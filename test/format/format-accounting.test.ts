import { describe, expect, it } from 'vitest';
import { formatAccountingLine } from '../../src/format/format-accounting.js';

describe('formatAccountingLine', () => {
  it('reads, analysed, set aside by reason and invalid cells, in en-GB digits', () => {
    expect(
      formatAccountingLine({
        read: 3400, analysed: 3390, setAside: { 'unknown-area': 6, 'bad-weight': 4, 'missing-wave': 0 },
        cellIssues: { 'keep_eye:invalid-code': 10, 'sex:invalid-code': 2 }, answers: {},
      }),
    ).toBe('rows: 3,400 read, 3,390 analysed, 10 set aside (unknown-area 6, bad-weight 4); 12 invalid cell(s) treated as missing');
  });

  it('says 0 set aside and nothing more for a clean run', () => {
    expect(formatAccountingLine({ read: 1000, analysed: 1000, setAside: {}, cellIssues: {}, answers: {} })).toBe(
      'rows: 1,000 read, 1,000 analysed, 0 set aside',
    );
  });
});
