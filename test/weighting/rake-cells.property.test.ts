import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rakeCells } from '../../src/weighting/rake-cells.js';
import type { Margin, RakingCell } from '../../src/weighting/types.js';

/*
 * Properties on random problems that have a solution by construction: margins are the shares of some
 * g* within the bounds, so raking must converge, meet every margin, and (bounded) keep g within them.
 * Note: the margins need not equal g*'s pattern; any feasible g* guarantees a solution exists.
 */
const VARS = ['a', 'b'];

const problem = fc
  .record({
    ka: fc.integer({ min: 2, max: 5 }),
    kb: fc.integer({ min: 2, max: 4 }),
    seed: fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { minLength: 20, maxLength: 20 },
    ),
    lo: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    hi: fc.double({ min: 1.2, max: 4, noNaN: true }),
  })
  .map(({ ka, kb, seed, lo, hi }) => {
    const cells: RakingCell[] = [];
    const gStar: number[] = [];
    for (let i = 0; i < ka; i++)
      for (let j = 0; j < kb; j++) {
        const [count, w, u] = seed[(i * kb + j) % seed.length]!;
        cells.push({ key: [`a${i}`, `b${j}`], count, sumW0: count * w, sumW02: count * w * w, minW0: w, maxW0: w });
        gStar.push(lo + u * (hi - lo));
      }
    const total = cells.reduce((s, c) => s + c.sumW0, 0);
    const weighted = cells.map((c, i) => c.sumW0 * gStar[i]!);
    const sumG = weighted.reduce((s, x) => s + x, 0);
    // shares of g*·w0, relative to Σw0 after rescaling g* so that Σ g*·w0 = Σ w0 (then g* may leave [lo, hi])
    const share = (pick: (c: RakingCell) => string, cat: string) =>
      cells.reduce((s, c, i) => s + (pick(c) === cat ? weighted[i]! : 0), 0) / sumG;
    const margins: Margin[] = [
      ...Array.from({ length: ka }, (_, i) => ({
        variable: 'a',
        category: `a${i}`,
        share: share((c) => c.key[0]!, `a${i}`),
      })),
      ...Array.from({ length: kb }, (_, j) => ({
        variable: 'b',
        category: `b${j}`,
        share: share((c) => c.key[1]!, `b${j}`),
      })),
    ];
    // the rescaled g* = g*·Σw0/Σ(g*·w0) is a solution within [lo, hi]·Σw0/Σ(g*·w0); 1% of slack keeps
    // the solution away from a degenerate corner (a single feasible point on the bounds)
    const scale = total / sumG;
    return { cells, margins, bounds: [lo * scale * 0.99, hi * scale * 1.01] as [number, number] };
  });

describe('rakeCells on problems with a solution', () => {
  it('bounded raking converges, meets the margins and keeps g within the bounds', () => {
    fc.assert(
      fc.property(problem, ({ cells, margins, bounds }) => {
        const r = rakeCells(VARS, cells, margins, { tolerance: 1e-9, maxIter: 200, bounds });
        expect(r.converged).toBe(true);
        expect(r.maxError).toBeLessThan(1e-9);
        for (const g of r.g) {
          expect(g).toBeGreaterThanOrEqual(bounds[0] * (1 - 1e-12));
          expect(g).toBeLessThanOrEqual(bounds[1] * (1 + 1e-12));
        }
      }),
      { numRuns: 300, seed: 20091 },
    );
  });

  it('IPF converges and meets the margins; the final weights have mean 1', () => {
    fc.assert(
      fc.property(problem, ({ cells, margins }) => {
        const r = rakeCells(VARS, cells, margins, { tolerance: 1e-10, maxIter: 500 });
        expect(r.converged).toBe(true);
        const n = cells.reduce((s, c) => s + c.count, 0);
        const sw = cells.reduce((s, c, i) => s + r.factors[i]! * c.sumW0, 0);
        expect(sw / n).toBeCloseTo(1, 10);
      }),
      { numRuns: 200, seed: 2006 },
    );
  });
});
