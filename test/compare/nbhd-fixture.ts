import { emptyTally } from '../../src/aggregate/tally.js';
import type { GroupTallies } from '../../src/types/index.js';
import { areaTallies } from '../helpers/area-tallies.js';

/**
 * Neighbourhood GroupTallies for one wave: item 0 from rao-scott-strong.csv, item 1 from rao-scott-small.csv,
 * item 2 empty (no data).
 */
export function neighbourhoodGroups(wave: string): GroupTallies[] {
  const strong = areaTallies('rao-scott-strong.csv');
  const small = areaTallies('rao-scott-small.csv');
  const tally = (m: ReturnType<typeof areaTallies>, code: string) => m.get(code)!.tally;
  return ['R1', 'R2', 'D1', 'D2', 'A1', 'A2'].map((code) => ({
    wave,
    groupBy: 'neighbourhood',
    group: code,
    returns: 25,
    tallies: [tally(strong, code), tally(small, code), emptyTally()],
  }));
}
