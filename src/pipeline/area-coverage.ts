import type { AreaRegistry } from '../areas/area-registry.js';

const SHOWN = 5;

/** The areas with rows in each wave, from the tally cells (each cell is one wave × area × profile). */
export function surveyedByWave(cells: Iterable<{ wave: string; area: string }>): Map<string, Set<string>> {
  const byWave = new Map<string, Set<string>>();
  for (const c of cells) {
    let s = byWave.get(c.wave);
    if (!s) byWave.set(c.wave, (s = new Set()));
    s.add(c.area);
  }
  return byWave;
}

/**
 * Areas with rows in some waves and none in others. Their absence changes what the pooled figures of that wave (all
 * surveyed areas, the area's type and district) describe, so a change between waves would compare different sets of
 * areas: said, since nothing else would show it (a misspelt area set aside in one wave looks like a small loss).
 */
export function areaCoverageWarnings(
  surveyed: ReadonlyMap<string, ReadonlySet<string>>,
  waves: readonly string[],
  registry: Pick<AreaRegistry, 'areas'>,
): string[] {
  if (waves.length < 2) return [];
  const inWave = (w: string, area: string) => surveyed.get(w)?.has(area) === true;
  const areas = new Set(waves.flatMap((w) => [...(surveyed.get(w) ?? [])]));
  const name = new Map(registry.areas.map((a) => [a.code, a.name]));
  const gaps = [...areas]
    .filter((area) => waves.some((w) => !inWave(w, area)))
    .sort((a, b) => a.localeCompare(b))
    .map((area) => {
      const has = waves.filter((w) => inWave(w, area));
      const lacks = waves.filter((w) => !inWave(w, area));
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
  surveyed: ReadonlyMap<string, ReadonlySet<string>>,
  groupings: readonly string[],
  registry: Pick<AreaRegistry, 'areas'>,
): string[] {
  const levels = (['district', 'type'] as const).filter((l) => groupings.includes(l));
  if (!levels.length) return [];
  const byCode = new Map(registry.areas.map((a) => [a.code, a]));
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
