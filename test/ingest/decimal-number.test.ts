import { describe, expect, it } from 'vitest';
import { decimalCommaNumber, decimalNumber } from '../../src/ingest/decimal-number.js';

describe('decimalNumber', () => {
  it('reads decimals as Number does', () => {
    expect(decimalNumber('1')).toBe(1);
    expect(decimalNumber('1.25')).toBe(1.25);
    expect(decimalNumber(' 0.8 ')).toBe(0.8);
    expect(decimalNumber('.5')).toBe(0.5);
    expect(decimalNumber('2.')).toBe(2);
    expect(decimalNumber('1e3')).toBe(1000);
    expect(decimalNumber('-1')).toBe(-1); // negative: the caller sets it aside as bad-weight
  });

  it('refuses what a weight never is', () => {
    for (const s of ['', ' ', '0x10', '0b11', '0o7', 'Infinity', '1e900', '1,5', 'abc', '1.2.3', '1e'])
      expect(decimalNumber(s), s).toBeNaN();
  });
});

describe('decimalCommaNumber', () => {
  it('reads a decimal comma', () => {
    expect(decimalCommaNumber('0,99')).toBe(0.99);
    expect(decimalCommaNumber(' 1,5 ')).toBe(1.5);
    expect(decimalCommaNumber('1,234')).toBe(1.234); // in a ;-separated file the comma is the decimal mark
  });
  it('refuses what could be a thousands separator when asked (a workbook text cell)', () => {
    expect(decimalCommaNumber('1,234', true)).toBeNaN();
    expect(decimalCommaNumber('0,125', true)).toBe(0.125); // 0,125 is no thousands
    expect(decimalCommaNumber('12,5', true)).toBe(12.5);
  });
  it('refuses anything else', () => {
    for (const s of ['', '1.5', '1,2,3', '-1,5', ',5', '1,', 'a,b']) expect(decimalCommaNumber(s), s).toBeNaN();
  });
});
