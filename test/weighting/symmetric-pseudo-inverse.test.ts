import { describe, expect, it } from 'vitest';
import { symmetricPseudoInverse } from '../../src/weighting/symmetric-pseudo-inverse.js';

describe('symmetricPseudoInverse', () => {
  it('matches MASS::ginv on a rank-2 symmetric matrix', () => {
    // R: A <- matrix(c(4,2,2,0, 2,2,0,1, 2,0,2,-1, 0,1,-1,1), 4, 4)   # eigen(A)$values: 6, 3, ~0, ~0
    //    MASS::ginv(A, tol = 256 * .Machine$double.eps)
    const a = [
      [4, 2, 2, 0],
      [2, 2, 0, 1],
      [2, 0, 2, -1],
      [0, 1, -1, 1],
    ];
    const expected = [
      [0.11111111111111113, 0.055555555555555566, 0.055555555555555552, 0],
      [0.055555555555555573, 0.138888888888888895, -0.083333333333333343, 0.11111111111111113],
      [0.055555555555555566, -0.083333333333333315, 0.138888888888888895, -0.1111111111111111],
      [0, 0.111111111111111133, -0.111111111111111133, 0.11111111111111113],
    ];
    const got = symmetricPseudoInverse(a);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(got[i]![j]).toBeCloseTo(expected[i]![j]!, 12);
  });

  it('is the inverse of a regular matrix', () => {
    // by hand: [[2,1],[1,2]]⁻¹ = (1/3)[[2,-1],[-1,2]]
    const got = symmetricPseudoInverse([
      [2, 1],
      [1, 2],
    ]);
    expect(got[0]![0]).toBeCloseTo(2 / 3, 14);
    expect(got[0]![1]).toBeCloseTo(-1 / 3, 14);
    expect(got[1]![1]).toBeCloseTo(2 / 3, 14);
  });

  it('gives zeros for the zero matrix', () => {
    expect(
      symmetricPseudoInverse([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});
