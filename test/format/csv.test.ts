import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/format/csv.js';

describe('csvCell', () => {
  it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe("'\rx");
  });

  it('leaves plain text, numbers (including negatives) and booleans alone; null is empty', () => {
    expect(csvCell('Blaby')).toBe('Blaby');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(78.04999)).toBe('78.04999');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header, quotes what needs quoting, and round-trips', () => {
    const text = toCsv(
      ['group', 'percent', 'note'],
      [
        { group: 'Hinckley and Bosworth', percent: 78.05, note: 'a, "b"' },
        { group: '=cmd', percent: null, note: 'x\ny' },
      ],
    );
    expect(text.endsWith('\n')).toBe(true);
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['group', 'percent', 'note'],
      ['Hinckley and Bosworth', '78.05', 'a, "b"'],
      ["'=cmd", '', 'x\ny'],
    ]);
  });
});
