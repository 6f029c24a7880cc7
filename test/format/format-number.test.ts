import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatNumber,
  formatP,
  formatPercent,
  formatShare,
  roundHalfAway,
} from '../../src/format/format-number.js';

// References: Python's decimal module, half away from zero on the decimal value, e.g.
//   from decimal import Decimal, ROUND_HALF_UP
//   Decimal('78.05').quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)  # 78.1
//   (ROUND_HALF_UP in decimal rounds ties away from zero: -0.05 -> -0.1, 0.25 -> 0.3, 99.95 -> 100.0)
describe('roundHalfAway', () => {
  it.each([
    [78.05, 78.1],
    [-0.05, -0.1],
    [0.25, 0.3],
    [0.35, 0.4],
    [-78.05, -78.1],
    [2.675, 2.7],
    [99.95, 100],
    [0.04999, 0],
    [-2.5, -2.5],
    [78.04, 78],
  ])('%d → %d (1 dp)', (x, want) => {
    expect(roundHalfAway(x, 1)).toBe(want);
  });

  it('rounds to other digit counts: 0.5 → 1, −0.5 → −1, 1.005 → 1.01 (decimal value, not binary)', () => {
    expect(roundHalfAway(0.5, 0)).toBe(1);
    expect(roundHalfAway(-0.5, 0)).toBe(-1);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
  });

  it('a percentage whose exact value is a tie rounds away even when the float is a hair below', () => {
    // 41/80 = 0.5125 exactly, so 51.25 %; in floating point 100 * (41 / 80) = 51.24999999999999
    expect(100 * (41 / 80)).toBeLessThan(51.25);
    expect(roundHalfAway(100 * (41 / 80), 1)).toBe(51.3);
  });
});

describe('formatPercent', () => {
  it('always shows one decimal, rounded half away from zero', () => {
    expect(formatPercent(78)).toBe('78.0');
    expect(formatPercent(78.05)).toBe('78.1');
    expect(formatPercent(-0.05)).toBe('-0.1');
    expect(formatPercent(0.25)).toBe('0.3');
    expect(formatPercent(41.199999999999996)).toBe('41.2');
    expect(formatPercent(57.99999999999999)).toBe('58.0');
    expect(formatPercent(99.96)).toBe('100.0');
  });

  it('is blank for null, undefined and non-finite values', () => {
    expect(formatPercent(null)).toBe('');
    expect(formatPercent(undefined)).toBe('');
    expect(formatPercent(NaN)).toBe('');
    expect(formatPercent(Infinity)).toBe('');
  });

  it('takes a digit count', () => {
    expect(formatPercent(41.5, 0)).toBe('42');
    expect(formatPercent(12.345, 2)).toBe('12.35');
  });
});

describe('formatChange', () => {
  it('signs with + and a true minus; only an exact zero is unsigned', () => {
    expect(formatChange(4.25)).toBe('+4.3');
    expect(formatChange(-1)).toBe('−1.0');
    expect(formatChange(-0.05)).toBe('−0.1');
    expect(formatChange(0)).toBe('0.0');
    expect(formatChange(-0)).toBe('0.0');
  });

  it('keeps the sign of a change that rounds to zero, so "missed" never sits beside a bare 0.0', () => {
    expect(formatChange(-0.04)).toBe('−0.0');
    expect(formatChange(0.04)).toBe('+0.0');
    expect(formatChange(-0.004, 2)).toBe('−0.00');
  });
});

describe('formatCount and formatP', () => {
  it('groups thousands the British way', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(2.5)).toBe('3');
    expect(formatCount(1234.25, 1)).toBe('1,234.3');
  });

  it('p-values: < 0.001, three decimals below 0.01, else two', () => {
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.0042)).toBe('0.004');
    expect(formatP(0.042)).toBe('0.042'); // three decimals below 0.1, so 0.046 never reads as 0.05
    expect(formatP(0.12)).toBe('0.12');
    expect(formatP(null)).toBe('');
  });
});

describe('rounding far from the usual range', () => {
  it('a floating-point residue rounds to 0, and huge numbers stay as they are', () => {
    // 0.1 + 0.2 - 0.3 = 5.551115123125783e-17: a difference between two equal percentages
    expect(formatChange(0.1 + 0.2 - 0.3)).toBe('0.0');
    expect(formatPercent(-1e-9)).toBe('0.0');
    expect(roundHalfAway(1e21)).toBe(1e21);
    expect(formatCount(1e21)).not.toContain('NaN');
  });
});

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
    // a negative that rounds to zero prints as 0, never -0
    expect(formatNumber(-0.01)).toBe('0');
    expect(formatCount(-0.2)).toBe('0');
  });
});

describe('formatShare', () => {
  it('writes a share as a percentage with one decimal', () => {
    // 100 × 0.7238288738950277 = 72.38… → 72.4; 100 × 0.05 = 5 → 5.0
    expect(formatShare(0.7238288738950277)).toBe('72.4%');
    expect(formatShare(0.05)).toBe('5.0%');
    expect(formatShare(1)).toBe('100.0%');
  });
});
