import { describe, expect, it } from 'vitest';
import { kishEffectiveN } from '../../src/estimate/kish-effective-n.js';

describe('kishEffectiveN', () => {
  it('is n for equal weights', () => {
    // 40 weights of 2: (80)² / 160 = 40
    expect(kishEffectiveN(80, 160)).toBe(40);
  });
  it('shrinks with unequal weights', () => {
    // weights 1, 1, 2: (4)² / (1 + 1 + 4) = 16 / 6
    expect(kishEffectiveN(4, 6)).toBeCloseTo(16 / 6, 15);
    // weights 1,2,0.5,1.5,3,1,2,0.8,1.2,2: Σw = 15, Σw² = 27.58 → 225 / 27.58
    // R: sum(w)^2/sum(w^2) → 8.1580855692530818
    expect(kishEffectiveN(15, 27.58)).toBeCloseTo(8.1580855692530818, 12);
  });
  it('is 0, not NaN, with no observations', () => {
    expect(kishEffectiveN(0, 0)).toBe(0);
  });
});
