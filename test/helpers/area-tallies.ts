import { readFileSync } from 'node:fs';
import { emptyTally } from '../../src/aggregate/tally.js';
import type { Tally } from '../../src/types/index.js';

/**
 * Per-area tallies, with each area's type, of a CSV `area,type,y,w` made in R (test/estimate/fixtures/, see
 * its README): n, Σw, Σw² over every row, and the positive sums where y = 1. `keep` filters by type.
 */
export function areaTallies(
  file: string,
  keep: (type: string) => boolean = () => true,
): Map<string, { type: string; tally: Tally }> {
  const lines = readFileSync(new URL(`../estimate/fixtures/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const out = new Map<string, { type: string; tally: Tally }>();
  for (const line of lines) {
    const [area = '', type = '', ys = '', ws = ''] = line.split(',');
    if (!keep(type)) continue;
    const y = Number(ys);
    const w = Number(ws);
    let entry = out.get(area);
    if (!entry) out.set(area, (entry = { type, tally: emptyTally() }));
    const t = entry.tally;
    t.n += 1;
    t.sw += w;
    t.sw2 += w * w;
    if (y === 1) {
      t.nPos += 1;
      t.swPos += w;
      t.sw2Pos += w * w;
    }
  }
  return out;
}
