import type { AreaRegistry } from '../areas/load-areas.js';
import type { GroupLabel } from '../types/index.js';

export const ALL_LABEL = 'All surveyed areas';

/** Human column labels: "All surveyed areas" (never "the county"), area names for neighbourhood codes. */
export function groupLabeller(registry: AreaRegistry): GroupLabel {
  const names = new Map(registry.areas.map((a) => [a.code, a.name]));
  const one = (groupBy: string, group: string) =>
    groupBy === 'all' ? ALL_LABEL : groupBy === 'neighbourhood' ? (names.get(group) ?? group) : group;
  return (groupBy, group) => {
    const by = groupBy.split('*');
    const parts = group.split('*');
    // a two-way cell, `rural*16-24` → `rural × 16-24` (a group name that itself holds a * is left as it is)
    if (by.length === 2 && parts.length === 2) return `${one(by[0]!, parts[0]!)} × ${one(by[1]!, parts[1]!)}`;
    return one(groupBy, group);
  };
}
