import type { AreaRegistry } from '../areas/load-areas.js';
import type { Codebook } from '../codebook/schema.js';
import { addInto, emptyTally } from './tally.js';
import type { GroupTallies } from '../types/index.js';
import { groupKeyer, groupOrder } from './group-tallies.js';
import { syncTallies, type TallyStore } from './tally-store.js';

/** `type*age_band` → ['type', 'age_band']; undefined for a one-way grouping. `a:b` is accepted too. */
export function crossParts(groupBy: string): [string, string] | undefined {
  const parts = groupBy.split(/[*:]/);
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
}

/** The two groups of a two-way cell, keyed by grouping: {"type": "rural", "age_band": "16-24"}. */
export interface CrossGroupTallies extends GroupTallies {
  groups: Record<string, string>;
}

/**
 * The tallies of every cell of a two-way table (first grouping × second), per wave: merges of the stored
 * cells, as for one-way groupings. groupBy is `a*b`, group `ga*gb`; sorted by wave, then rows, then columns.
 */
export function crossTallies(
  store: TallyStore,
  registry: AreaRegistry,
  codebook: Codebook,
  a: string,
  b: string,
  waveOrder: readonly string[] = [],
): CrossGroupTallies[] {
  syncTallies(store);
  const groupBy = `${a}*${b}`;
  const ofA = groupKeyer(store, registry, a);
  const ofB = groupKeyer(store, registry, b);
  const out = new Map<string, CrossGroupTallies>();
  for (const cell of store.cells.values()) {
    const ga = ofA(cell.area, cell.profile);
    const gb = ofB(cell.area, cell.profile);
    const key = `${cell.wave}\u0001${ga}\u0001${gb}`;
    let g = out.get(key);
    if (!g) {
      g = {
        wave: cell.wave,
        groupBy,
        group: `${ga}*${gb}`,
        groups: { [a]: ga, [b]: gb },
        returns: 0,
        tallies: Array.from({ length: store.itemCount }, emptyTally),
      };
      out.set(key, g);
    }
    g.returns += cell.returns;
    cell.tallies.forEach((t, k) => addInto(g!.tallies[k]!, t));
  }
  const rowOrder = groupOrder(registry, codebook, a);
  const colOrder = groupOrder(registry, codebook, b);
  const cmp = (order: (g: string) => number, x: string, y: string) => order(x) - order(y) || x.localeCompare(y);
  // waves in the resolved order (wave-order.ts), others as they first appear: never alphabetically
  const waves = [...new Set([...waveOrder, ...[...out.values()].map((g) => g.wave)])];
  return [...out.values()].sort(
    (x, y) =>
      waves.indexOf(x.wave) - waves.indexOf(y.wave) ||
      cmp(rowOrder, x.groups[a]!, y.groups[a]!) ||
      cmp(colOrder, x.groups[b]!, y.groups[b]!),
  );
}
