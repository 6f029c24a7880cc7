import type { AreaRegistry } from '../areas/area-registry.js';

const SHOWN = 5;

/**
 * Areas with rows in some waves and none in others. Their absence changes what the pooled figures of that wave (all
 * surveyed areas, the area's type and district) describe, so a change between waves would compare different sets of
 * areas: said, since nothing else would show it (a misspelt area set aside in one wave looks like a small loss).
 */
export function areaCoverageWarnings(
  cells: Iterable<{ wave: string; area: string }>,
  waves: readonly string[],
  registry: Pick<AreaRegistry, 'areas'>,
): string[] {
  if (waves.length < 2) return [];
  const seen = new Map<string, Set<string>>();
  for (const c of cells) {
    let s = seen.get(c.area);
    if (!s) seen.set(c.area, (s = new Set()));
    s.add(c.wave);
  }
  const name = new Map(registry.areas.map((a) => [a.code, a.name]));
  const gaps = [...seen]
    .filter(([, present]) => waves.some((w) => !present.has(w)))
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([area, present]) => {
      const has = waves.filter((w) => present.has(w));
      const lacks = waves.filter((w) => !present.has(w));
      return (
        `area ${area}${name.has(area) ? ` (${name.get(area)})` : ''} has rows in ${has.join(', ')} but none in ` +
        `${lacks.join(', ')}: the pooled figures of ${lacks.length === 1 ? 'that wave' : 'those waves'} (all ` +
        'surveyed areas, its type and district) leave it out, so changes compare different sets of areas'
      );
    });
  return gaps.length > SHOWN
    ? [...gaps.slice(0, SHOWN), `and ${gaps.length - SHOWN} more area(s) missing from a wave`]
    : gaps;
}
