import type { WaveCount } from './suspect-waves.js';

/** Lines kept per wave: enough to find a stray label, never a copy of the data. */
export const LINES_KEPT = 3;

export interface WaveCounter {
  add(row: { wave: string; file: string; line: number }): void;
  /** per wave, in the order the waves first appeared */
  counts(): WaveCount[];
}

/**
 * Rows per wave, with where the first few of each are, counted as rows are analysed (a map lookup per row), so
 * that a stray label (`06` among thousands of `2006`) can be named with its lines without a second pass.
 */
export function createWaveCounter(keep = LINES_KEPT): WaveCounter {
  const byWave = new Map<string, WaveCount>();
  return {
    add(row) {
      let c = byWave.get(row.wave);
      if (!c) byWave.set(row.wave, (c = { label: row.wave, rows: 0, lines: [] }));
      c.rows++;
      if (c.lines.length < keep) c.lines.push({ file: row.file, line: row.line });
    },
    counts: () => [...byWave.values()].map((c) => ({ ...c, lines: [...c.lines] })),
  };
}
