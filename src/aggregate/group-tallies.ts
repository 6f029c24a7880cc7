import type { AreaRegistry } from '../areas/load-areas.js';
import type { Codebook } from '../codebook/schema.js';
import { addInto, emptyTally } from './tally.js';
import type { GroupTallies } from '../types/index.js';
import { syncTallies, type TallyStore } from './tally-store.js';

export const AREA_GROUPINGS = ['all', 'type', 'district', 'neighbourhood'] as const;
export const NOT_STATED = 'not stated';

const TYPE_ORDER = ['rural', 'deprived', 'average'];

/**
 * Merge the cell tallies into every group of one grouping level, per wave. District, type and
 * whole-survey figures are sums of neighbourhood tallies, so no second pass over the rows is needed.
 * Waves come in `waveOrder` (the resolved chronological order, wave-order.ts); waves it does not list, or all
 * when it is not given, in the order they first appear: never alphabetically, which would be a guess.
 */
export function groupTallies(
  store: TallyStore,
  registry: AreaRegistry,
  codebook: Codebook,
  groupBy: string,
  waveOrder: readonly string[] = [],
): GroupTallies[] {
  syncTallies(store);
  const groupOf = groupKeyer(store, registry, groupBy);
  const out = new Map<string, GroupTallies>();
  for (const cell of store.cells.values()) {
    const group = groupOf(cell.area, cell.profile);
    const key = `${cell.wave}\u0001${group}`;
    let g = out.get(key);
    if (!g) {
      g = { wave: cell.wave, groupBy, group, returns: 0, tallies: Array.from({ length: store.itemCount }, emptyTally) };
      out.set(key, g);
    }
    g.returns += cell.returns;
    cell.tallies.forEach((t, k) => addInto(g!.tallies[k]!, t));
  }
  const order = groupOrder(registry, codebook, groupBy);
  const seen = [...new Set([...waveOrder, ...[...out.values()].map((g) => g.wave)])];
  const waveRank = (w: string) => seen.indexOf(w);
  return [...out.values()].sort(
    (a, b) => waveRank(a.wave) - waveRank(b.wave) || order(a.group) - order(b.group) || a.group.localeCompare(b.group),
  );
}

/** The group of a cell (its area and profile values) at one grouping level. */
export function groupKeyer(
  store: TallyStore,
  registry: AreaRegistry,
  groupBy: string,
): (area: string, profile: string[]) => string {
  const byCode = new Map(registry.areas.map((a) => [a.code, a]));
  const profileIndex = store.profileKeys.indexOf(groupBy);
  return (area, profile) => {
    if (groupBy === 'all') return 'all';
    if (groupBy === 'neighbourhood') return area;
    const a = byCode.get(area);
    if (groupBy === 'type') return a?.type ?? '?';
    if (groupBy === 'district') return a?.district ?? '?';
    return profile[profileIndex] || NOT_STATED;
  };
}

/** Display order of the groups of one level: registry order for areas and districts, the codebook's for profiles. */
export function groupOrder(registry: AreaRegistry, codebook: Codebook, groupBy: string): (group: string) => number {
  let list: string[];
  if (groupBy === 'type') list = [...TYPE_ORDER, ...registry.areas.map((a) => a.type)];
  else if (groupBy === 'district') list = registry.areas.map((a) => a.district);
  else if (groupBy === 'neighbourhood') list = registry.areas.map((a) => a.code);
  else list = (codebook.profiles[groupBy] ?? []).map((c) => c.label);
  return (group) => {
    const i = list.indexOf(group);
    return i < 0 ? list.length : i;
  };
}
