import type { AreaRegistry } from '../areas/load-areas.js';
import type { GroupLabel } from '../types/index.js';

export const ALL_LABEL = 'All surveyed areas';

/** Human column labels: "All surveyed areas" (never "the county"), area names for neighbourhood codes. */
export function groupLabeller(registry: AreaRegistry): GroupLabel {
  const names = new Map(registry.areas.map((a) => [a.code, a.name]));
  return (groupBy, group) => (groupBy === 'all' ? ALL_LABEL : groupBy === 'neighbourhood' ? (names.get(group) ?? group) : group);
}
