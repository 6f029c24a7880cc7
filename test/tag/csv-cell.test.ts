import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/tag/csv-cell.js';

describe('csvCell', () => {
  it('escapes spreadsheet formulas with a leading quote', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+44')).toBe("'+44");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe("\"'\rx\"");
  });

  it('leaves codes like OW-WIG alone and quotes commas and quotes', () => {
    expect(csvCell('OW-WIG')).toBe('OW-WIG');
    expect(csvCell('4,500 of 4,500')).toBe('"4,500 of 4,500"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('')).toBe('');
  });
});
