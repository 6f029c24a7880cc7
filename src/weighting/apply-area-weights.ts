import type { TallyCell } from '../aggregate/tally-store.js';
import { UsageError } from '../errors.js';
import type { Area, AreaWeightsDesign } from '../types/index.js';
import { areaWeightFactors } from './area-weights.js';
import { scaleTally } from './scale-tally.js';

export type AreaWeightScheme = AreaWeightsDesign['scheme'];

/**
 * How the areas are pooled, resolved from `--area-weights` and the registry: population (N_a from the registry's
 * `adults`, else its `households`), mailed (the `mailed` column) or returns (the weights as they are). Without the
 * option: population when the registry has N_a, otherwise returns. Refuses (exit 2) what it cannot do.
 */
export function resolveAreaWeights(
  areas: readonly Area[],
  asked: AreaWeightScheme | undefined,
  countMargins: boolean,
): { design: AreaWeightsDesign; population?: Map<string, number> } {
  const column = areas.some((a) => a.adults !== undefined)
    ? 'adults'
    : areas.some((a) => a.households !== undefined)
      ? 'households'
      : null;
  const scheme = asked ?? (column ? 'population' : 'returns');
  if (scheme === 'returns') {
    const words =
      column && asked === 'returns'
        ? 'areas weighted by their returns, although the registry has population figures'
        : countMargins
          ? 'areas weighted by the population in the margins file'
          : 'areas weighted by their returns';
    return { design: { scheme, column: null, words } };
  }
  const col = scheme === 'mailed' ? 'mailed' : column;
  if (col === null)
    throw new UsageError(
      '--area-weights population: the area registry has no adults or households column; ' +
        'add one, or use --area-weights mailed or returns',
    );
  const value = (a: Area) => (col === 'mailed' ? a.mailed : col === 'adults' ? a.adults : a.households);
  const population = new Map(
    areas.flatMap((a) => (value(a) === undefined ? [] : [[a.code, value(a)!] as [string, number]])),
  );
  if (population.size === 0) throw new UsageError(`--area-weights ${scheme}: the area registry has no ${col} column`);
  return {
    design: {
      scheme,
      column: col,
      words: `areas weighted by their ${col === 'mailed' ? 'questionnaires mailed' : col}`,
    },
    population,
  };
}

/**
 * Scale every tally of each (wave, area) so that its weights sum to the area's N_a:
 * w_i = g_i · N_a / Σ_{j∈a,wave} g_j, g the weights so far (raked, when raking ran first).
 * In place, as raking does; the cells must be synced. An area with returns but no N_a while others have one is a
 * usage error (exit 2) naming the area.
 */
export function applyAreaWeights(
  cells: Iterable<TallyCell>,
  population: ReadonlyMap<string, number>,
  column: string,
): void {
  const list = [...cells];
  const r = areaWeightFactors(
    list.map((c) => ({ wave: c.wave, area: c.area, sumW: c.sumW })),
    population,
  );
  if (!r.factors)
    throw new UsageError(
      `--area-weights: ${r.problem}; give every area its ${column} in the registry, or use --area-weights returns`,
    );
  for (const c of list) {
    const f = r.factors.get(c.wave)!.get(c.area)!;
    c.tallies = c.tallies.map((t) => scaleTally(t, f));
    c.sumW *= f;
    c.sumW2 *= f * f;
    c.minW *= f;
    c.maxW *= f;
  }
}
