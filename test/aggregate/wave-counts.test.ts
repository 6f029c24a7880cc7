import { describe, expect, it } from 'vitest';
import { createWaveCounter } from '../../src/aggregate/wave-counts.js';

describe('createWaveCounter', () => {
  it('counts rows per wave in order of first appearance, keeping only the first lines of each', () => {
    const c = createWaveCounter(2);
    const rows = [
      ['2009', 2],
      ['2006', 3],
      ['2009', 4],
      ['2009', 5],
      ['2006', 6],
    ] as const;
    for (const [wave, line] of rows) c.add({ wave, file: 'a.csv', line });
    expect(c.counts()).toEqual([
      {
        label: '2009',
        rows: 3,
        lines: [
          { file: 'a.csv', line: 2 },
          { file: 'a.csv', line: 4 },
        ],
      },
      {
        label: '2006',
        rows: 2,
        lines: [
          { file: 'a.csv', line: 3 },
          { file: 'a.csv', line: 6 },
        ],
      },
    ]);
  });
});
