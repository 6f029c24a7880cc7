import { describe, expect, it } from 'vitest';
import { raoScottDelta } from '../../src/estimate/rao-scott-delta.js';

describe('raoScottDelta', () => {
  it('is the identity under simple random sampling, V = (diag(π̂) − π̂π̂ᵀ)/N', () => {
    // By hand: Rao & Scott (1984) §2 — with the multinomial covariance every generalised design effect is 1.
    const pi = [0.2, 0.1, 0.15, 0.25, 0.18, 0.12];
    const N = 400;
    const V = pi.map((a, i) => pi.map((b, j) => ((i === j ? a : 0) - a * b) / N));
    const d = raoScottDelta(pi, V, N, 3)!;
    expect(d).toHaveLength(2);
    [
      [1, 0],
      [0, 1],
    ].forEach((row, i) => row.forEach((v, j) => expect(d[i]![j]!).toBeCloseTo(v, 12)));
  });
  it('scales with V: twice the SRS covariance gives 2·I', () => {
    const pi = [0.3, 0.2, 0.35, 0.15];
    const N = 100;
    const V = pi.map((a, i) => pi.map((b, j) => (2 * ((i === j ? a : 0) - a * b)) / N));
    expect(raoScottDelta(pi, V, N, 2)![0]![0]!).toBeCloseTo(2, 12);
  });
});
