import { describe, expect, it } from 'vitest';
import { sniffSeparator } from '../../src/ingest/sniff-separator.js';

describe('sniffSeparator', () => {
  it('picks comma, semicolon or tab, whichever is most frequent in the header', () => {
    expect(sniffSeparator('respondent_id,wave,neighbourhood')).toBe(',');
    expect(sniffSeparator('respondent_id;wave;neighbourhood')).toBe(';');
    expect(sniffSeparator('respondent_id\twave\tneighbourhood')).toBe('\t');
  });

  it('ignores separators inside quotes', () => {
    // 2 semicolons outside quotes; 3 commas inside one quoted name
    expect(sniffSeparator('"a,b,c,d";wave;neighbourhood')).toBe(';');
    expect(sniffSeparator('"x;y;z;w",wave,area')).toBe(',');
  });

  it('defaults to comma for a one-column header', () => {
    expect(sniffSeparator('neighbourhood')).toBe(',');
  });

  it('a semicolon header with a comma in one name is still semicolon', () => {
    expect(sniffSeparator('id;wave;area;notes, free text')).toBe(';');
  });
});
