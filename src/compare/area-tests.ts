import type { AreaTestRow } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import { estimateTally } from '../estimate/estimate-tally.js';
import { adjustFamily } from './adjust-family.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { Area, GroupTallies } from '../types/index.js';
import { pairFlag, type TestOptions } from './compare-waves.js';
import { type ComparisonFlag } from '../types/index.js';
import { indicatorList } from './indicator-list.js';
import { mergedTally, neighbourhoodsOf } from './neighbourhood-strata.js';

/**
 * Each neighbourhood against the rest of the surveyed areas (the merge of the other neighbourhoods' tallies
 * in the same wave): z = (p_area − p_rest)/√(se_area² + se_rest²) on Kish effective n, two-sided p, adjusted
 * within the family of the neighbourhoods of one indicator and wave. Suppressed when either base is under minBase.
 * Needs the `neighbourhood` GroupTallies in `groups`.
 */
export function areaTests(
  groups: readonly GroupTallies[],
  codebook: Codebook,
  areas: readonly Area[],
  o: TestOptions,
): AreaTestRow[] {
  const zCrit = zForLevel(o.level);
  // in the groups' (resolved) wave order
  const waves = [...new Set(groups.filter((g) => g.groupBy === 'neighbourhood').map((g) => g.wave))];
  const out: AreaTestRow[] = [];
  for (const wave of waves) {
    const nbhd = neighbourhoodsOf(groups, areas, wave);
    for (const { item, index } of indicatorList(codebook, o.indicators)) {
      const rows = nbhd.map(({ area, group }): AreaTestRow => {
        const ea = estimateTally(group.tallies[index] ?? mergedTally([], index), o);
        const er = estimateTally(
          mergedTally(
            nbhd.filter((x) => x.group !== group).map((x) => x.group),
            index,
          ),
          o,
        );
        const base = {
          wave,
          indicator: item.id,
          ni: item.ni ?? null,
          area: area.code,
          areaName: area.name,
          pAdjusted: null,
          significant: false,
          familySize: 0,
        };
        let flag: ComparisonFlag = pairFlag(ea, er);
        if (flag === 'no-data' || flag === 'suppressed' || ea.p === null || er.p === null)
          return { ...base, percent: null, restPercent: null, diffPp: null, z: null, p: null, flag };
        const c = twoProportionChange(er.p, er.nEff, ea.p, ea.nEff, zCrit);
        if (c.z === null) flag = 'no-variance';
        return { ...base, percent: 100 * ea.p, restPercent: 100 * er.p, diffPp: 100 * c.diff, z: c.z, p: c.p, flag };
      });
      out.push(...adjustFamily(rows, o));
    }
  }
  return out;
}
