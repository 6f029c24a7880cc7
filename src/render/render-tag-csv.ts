import { toCsv } from '../format/csv.js';
import type { TagResult } from '../tag/tag-areas.js';

export const AREAS_CSV_HEADER = ['code', 'name', 'aliases', 'district', 'type', 'type_source'] as const;

/**
 * The tagged registry: the columns `analyse --areas` reads. Aliases are left blank. When the neighbourhoods file has a
 * population column, each area's `adults` is the summed population of its LSOAs: the N_a that `--area-weights
 * population` (the default then) weights the areas to.
 */
export function renderTagCsv(result: TagResult): string {
  const withPopulation = result.neighbourhoods.hasPopulation;
  const population = new Map(
    result.neighbourhoods.areas.map((a) => [a.code, a.lsoas.reduce((s, l) => s + (l.population ?? 0), 0)]),
  );
  const header = withPopulation ? [...AREAS_CSV_HEADER, 'adults'] : AREAS_CSV_HEADER;
  return toCsv(
    header,
    result.areas.map((a) => ({
      code: a.code,
      name: a.name,
      aliases: '',
      district: a.district,
      type: a.type,
      type_source: a.typeSource,
      ...(withPopulation ? { adults: population.get(a.code) ?? '' } : {}),
    })),
  );
}
