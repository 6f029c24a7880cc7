/** One cell's starting weights: the (wave, area) it lies in and Σg over its respondents. */
export interface AreaWeightCell {
  wave: string;
  area: string;
  sumW: number;
}

export type AreaWeightFactors =
  | {
      /** wave → area → factor f = N_a / Σ_{j∈a, wave} g_j; every weight in the area becomes f·g */
      factors: Map<string, Map<string, number>>;
      problem?: undefined;
      areas?: undefined;
    }
  | { factors?: undefined; problem: string; areas: string[] };

/**
 * Area (neighbourhood) weights: within each wave, scale the starting weights g of an area's respondents so that
 * they sum to the area's population N_a, i.e. the factor f_a,wave = N_a / Σ_{j∈a, wave} g_j. Areas are then
 * strata weighted to their population, not to their number of returns. Cells may split a (wave, area) by
 * profile; their Σg are added. Apply with scaleTally(tally, f) to every tally of the area in that wave.
 * A problem (no factors) names every area with returns but no N_a (or no positive Σg): weighting some areas and
 * not others would mix two populations.
 * Source: Kish (1965) §11.7 (weighting strata to population); Kalton & Flores-Cervantes (2003) J. Off. Stat.
 * 19:81–97 (cell weighting). R: d$w <- d$g * d$N_a / ave(d$g, d$wave, d$area, FUN = sum), then
 * svymean(~y, svydesign(ids = ~1, strata = ~interaction(wave, area), weights = ~w, data = d)).
 * Example: 5 returns in area A in 2006 (Σg = 5.5), N_A = 1200 → f = 218.18…
 */
export function areaWeightFactors(
  cells: readonly AreaWeightCell[],
  population: ReadonlyMap<string, number>,
): AreaWeightFactors {
  const sums = new Map<string, Map<string, number>>();
  for (const c of cells) {
    let byArea = sums.get(c.wave);
    if (!byArea) sums.set(c.wave, (byArea = new Map()));
    byArea.set(c.area, (byArea.get(c.area) ?? 0) + c.sumW);
  }
  const noPopulation = new Set<string>();
  const noWeight = new Set<string>();
  for (const byArea of sums.values())
    for (const [area, s] of byArea) {
      const N = population.get(area);
      if (N === undefined || !(N > 0) || !Number.isFinite(N)) noPopulation.add(area);
      else if (!(s > 0)) noWeight.add(area);
    }
  if (noPopulation.size > 0) {
    const areas = [...noPopulation].sort();
    const others = [...population.keys()].filter((a) => !noPopulation.has(a)).length;
    return {
      problem:
        `no population (N_a) for area${areas.length === 1 ? '' : 's'} ${areas.join(', ')}` +
        (others > 0 ? ` while ${others} other area${others === 1 ? ' has' : 's have'} one` : ''),
      areas,
    };
  }
  if (noWeight.size > 0) {
    const areas = [...noWeight].sort();
    const problem = `the starting weights of area${areas.length === 1 ? '' : 's'} ${areas.join(', ')} sum to 0`;
    return { problem, areas };
  }
  const factors = new Map<string, Map<string, number>>();
  for (const [wave, byArea] of sums)
    factors.set(wave, new Map([...byArea].map(([area, s]) => [area, population.get(area)! / s])));
  return { factors };
}
