import { readFileSync } from 'node:fs';
import { emptyTally } from '../../src/estimate/merge-tallies.js';
import type { GroupTallies, Tally } from '../../src/types.js';

/** Per-area tallies of a CSV (area,type,y,w) made in R; see test/estimate/fixtures/README.md. */
export function areaTallies(file: string): Map<string, Tally> {
  const lines = readFileSync(new URL(`../estimate/fixtures/${file}`, import.meta.url), 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, Tally>();
  for (const line of lines) {
    const [area = '', , ys = '', ws = ''] = line.split(',');
    const y = Number(ys);
    const w = Number(ws);
    const t = out.get(area) ?? emptyTally();
    out.set(area, t);
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

/**
 * Neighbourhood GroupTallies for one wave: item 0 from rao-scott-strong.csv, item 1 from rao-scott-small.csv,
 * item 2 empty (no data).
 */
export function neighbourhoodGroups(wave: string): GroupTallies[] {
  const strong = areaTallies('rao-scott-strong.csv');
  const small = areaTallies('rao-scott-small.csv');
  return ['R1', 'R2', 'D1', 'D2', 'A1', 'A2'].map((code) => ({
    wave, groupBy: 'neighbourhood', group: code, returns: 25,
    tallies: [strong.get(code)!, small.get(code)!, emptyTally()],
  }));
}
