import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/tag/format-number.js';

describe('formatNumber', () => {
  it('groups thousands and keeps at most the given decimals', () => {
    expect(formatNumber(4500)).toBe('4,500');
    expect(formatNumber(32844)).toBe('32,844');
    expect(formatNumber(6568.8)).toBe('6,568.8');
    expect(formatNumber(5531.914893617021)).toBe('5,531.9');
    expect(formatNumber(1234567.25, 2)).toBe('1,234,567.25');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(12.5, 2)).toBe('12.5');
  });
});
