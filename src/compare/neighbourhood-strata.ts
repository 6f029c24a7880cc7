import { orderTypes } from '../format/order-types.js';
import { addInto, emptyTally } from '../aggregate/tally.js';
import type { Area, GroupTallies, Tally } from '../types/index.js';

/** The neighbourhood-level tallies of one wave, each with its registry entry (unknown codes are skipped). */
export function neighbourhoodsOf(
  groups: readonly GroupTallies[],
  areas: readonly Area[],
  wave: string,
): { area: Area; group: GroupTallies }[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return groups.flatMap((group) => {
    const area = group.groupBy === 'neighbourhood' && group.wave === wave ? byCode.get(group.group) : undefined;
    return area ? [{ area, group }] : [];
  });
}

/** Sum of one item's tallies over some groups. */
export function mergedTally(groups: readonly GroupTallies[], index: number): Tally {
  const t = emptyTally();
  for (const g of groups) {
    const x = g.tallies[index];
    if (x) addInto(t, x);
  }
  return t;
}

/**
 * The pairs compared after a significant omnibus test: rural–average, deprived–average, rural–deprived for
 * the usual three types (each of the others against the reference "average" first), else every pair in order.
 */
export function typePairs(types: readonly string[]): [string, string][] {
  const ordered = orderTypes(types);
  if (ordered.includes('average')) {
    const others = ordered.filter((t) => t !== 'average');
    const vsRef = others.map((t): [string, string] => [t, 'average']);
    const rest: [string, string][] = [];
    others.forEach((a, i) => others.slice(i + 1).forEach((b) => rest.push([a, b])));
    return [...vsRef, ...rest];
  }
  const out: [string, string][] = [];
  ordered.forEach((a, i) => ordered.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}
