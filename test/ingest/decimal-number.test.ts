import { describe, expect, it } from 'vitest';
import { decimalNumber } from '../../src/ingest/decimal-number.js';

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
