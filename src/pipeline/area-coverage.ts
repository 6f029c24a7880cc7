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

/**
 * Districts or types that hold a single surveyed area in a wave: their figures are that area's, which a table headed
 * by the district's name does not show (Blaby with only Sharnford surveyed reads as Blaby).
 */
export function singleAreaGroupWarnings(
  cells: Iterable<{ wave: string; area: string }>,
  groupings: readonly string[],
  registry: Pick<AreaRegistry, 'areas'>,
): string[] {
  const levels = (['district', 'type'] as const).filter((l) => groupings.includes(l));
  if (!levels.length) return [];
  const byCode = new Map(registry.areas.map((a) => [a.code, a]));
  const surveyed = new Map<string, Set<string>>();
  for (const c of cells) {
    let s = surveyed.get(c.wave);
    if (!s) surveyed.set(c.wave, (s = new Set()));
    s.add(c.area);
  }
  const out: string[] = [];
  for (const level of levels)
    for (const [wave, areas] of surveyed) {
      const members = new Map<string, string[]>();
      for (const code of areas) {
        const group = byCode.get(code)?.[level];
        if (group !== undefined) members.set(group, [...(members.get(group) ?? []), code]);
      }
      for (const [group, codes] of members)
        if (codes.length === 1) {
          const a = byCode.get(codes[0]!);
          out.push(
            `${level} ${group} has one surveyed area in wave ${wave}, ${a?.code} (${a?.name}): its ${level} figures ` +
              'are that area’s alone',
          );
        }
    }
  return out.sort();
}
