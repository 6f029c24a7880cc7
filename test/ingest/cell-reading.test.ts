import { describe, expect, it } from 'vitest';
import { isNaSpelling, readIntegralDecimal } from '../../src/codebook/cell-text.js';
import { suggestFixForInvalidCells } from '../../src/ingest/cell-reading.js';

const belong = [
  { code: 1, label: 'Very strongly' },
  { code: 2, label: 'Fairly strongly' },
  { code: 3, label: 'Not very strongly' },
  { code: 4, label: 'Not at all strongly' },
  { code: 5, label: "Don't know" },
];
const agree = [
  { code: 1, label: 'Definitely agree' },
  { code: 2, label: 'Tend to agree' },
  { code: 3, label: 'Tend to disagree' },
  { code: 4, label: 'Definitely disagree' },
];

describe('readIntegralDecimal', () => {
  it('reads whole numbers with or without a point followed by zeros', () => {
    expect(readIntegralDecimal('2.0')).toBe(2);
    expect(readIntegralDecimal('2.00')).toBe(2);
    expect(readIntegralDecimal(' 3.000 ')).toBe(3);
    expect(readIntegralDecimal('2')).toBe(2);
    expect(readIntegralDecimal('02.0')).toBe(2);
    expect(readIntegralDecimal('99.0')).toBe(99);
  });

  it('refuses fractions, bare points, exponents, hex, signs and blanks', () => {
    for (const s of ['2.5', '2.', '.5', '1e2', '0x10', '-2.0', '+2', '1,000', '', ' ', '2.0.0', 'two'])
      expect(readIntegralDecimal(s), s).toBeNull();
  });
});

describe('isNaSpelling', () => {
  it('recognises NA, N/A, #N/A, . and - (trimmed, any case)', () => {
    for (const s of ['NA', 'na', ' N/A ', 'n/a', '#N/A', '#n/a', '.', ' - ']) expect(isNaSpelling(s), s).toBe(true);
  });

  it('is false for blanks, codes and other text', () => {
    for (const s of ['', '99', 'None', 'N', 'NAN', '--', '..']) expect(isNaSpelling(s), s).toBe(false);
  });
});

describe('suggestFixForInvalidCells', () => {
  it('says codes are written with a decimal point when every sample is like 2.0', () => {
    const hint = suggestFixForInvalidCells(['2.0', '1.0', ' 99.0 ', '2.0'], belong);
    expect(hint).toContain('codes are written with a decimal point');
    expect(hint).toContain('`2.0` for 2');
  });

  it('says which samples look like "not available"', () => {
    expect(suggestFixForInvalidCells(['NA', '#N/A'], belong)).toContain('`NA`, `#N/A` look like "not available"');
  });

  it('says labels from another scale, and lists this scale', () => {
    const hint = suggestFixForInvalidCells(['Tend to agree', 'Definitely agree'], belong);
    expect(hint).toContain('these look like labels from another scale: `Tend to agree`, `Definitely agree`');
    expect(hint).toContain("this item's scale is 1 Very strongly, 2 Fairly strongly, 3 Not very strongly, ");
    expect(hint).toMatch(/4 Not at all strongly, 5 Don't know$/);
  });

  it('names the other scale(s) whose labels cover every sample', () => {
    const hint = suggestFixForInvalidCells(['tend to agree'], belong, { agree, belong });
    expect(hint).toContain('another scale ("agree"):');
  });

  it("gives no hint when the samples are of mixed kinds or near this scale's own labels", () => {
    expect(suggestFixForInvalidCells(['2.0', 'NA'], belong)).toBeNull();
    expect(suggestFixForInvalidCells(['2.5'], belong)).toBeNull();
    expect(suggestFixForInvalidCells(['Very strongy'], belong)).toBeNull(); // a misspelling, not another scale
    expect(suggestFixForInvalidCells(['Tend to agree', '7'], belong)).toBeNull();
    expect(suggestFixForInvalidCells(['', '  '], belong)).toBeNull();
    expect(suggestFixForInvalidCells([], belong)).toBeNull();
  });
});
