import { describe, expect, it } from 'vitest';
import { multiply, solve, transpose } from '../../src/estimate/small-matrix.js';

describe('small-matrix', () => {
  it('multiplies and transposes', () => {
    // by hand: [[1,2],[3,4]]·[[5],[6]] = [[17],[39]]
    expect(
      multiply(
        [
          [1, 2],
          [3, 4],
        ],
        [[5], [6]],
      ),
    ).toEqual([[17], [39]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
  it('solves with pivoting', () => {
    // by hand: 0x + 2y = 4, 3x + y = 5 → x = 1, y = 2 (needs a row swap)
    const x = solve(
      [
        [0, 2],
        [3, 1],
      ],
      [[4], [5]],
    )!;
    expect(x[0]![0]!).toBeCloseTo(1, 14);
    expect(x[1]![0]!).toBeCloseTo(2, 14);
  });
  it('returns null for a singular matrix', () => {
    expect(
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [[1], [2]],
      ),
    ).toBeNull();
  });
});
