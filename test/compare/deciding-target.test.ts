import { describe, expect, it } from 'vitest';
import { decidingTarget } from '../../src/compare/deciding-target.js';

describe('decidingTarget', () => {
  it("a targets file's own target decides, and the change needed is its distance from the baseline", () => {
    expect(decidingTarget(75, 70, 5, 'points')).toEqual({ value: 70, source: 'file', changeNeeded: 5 });
    expect(decidingTarget(60, 66, 5, 'relative')).toEqual({ value: 66, source: 'file', changeNeeded: 6 });
  });

  it('without one, the rule: +5 points, or ×1.05 of the baseline', () => {
    expect(decidingTarget(60, undefined, 5, 'points')).toEqual({ value: 65, source: 'points', changeNeeded: 5 });
    // 60 × 1.05 = 63, 3 points from the baseline
    const r = decidingTarget(60, undefined, 5, 'relative');
    expect(r.source).toBe('relative');
    expect(r.value).toBeCloseTo(63, 10);
    expect(r.changeNeeded).toBeCloseTo(3, 10);
  });
});
