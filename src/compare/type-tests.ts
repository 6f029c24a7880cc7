import type { TypePairRow, TypeTestRow } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import { estimateTally } from '../estimate/estimate-tally.js';
import { adjustFamily } from './adjust-family.js';
import { raoScottChisq } from '../estimate/rao-scott-chisq.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { Area, GroupTallies } from '../types/index.js';
import { pairFlag, type TestOptions } from './compare-waves.js';
import { type ComparisonFlag } from '../types/index.js';
import { indicatorList } from './indicator-list.js';
import { mergedTally, neighbourhoodsOf, typePairs } from './neighbourhood-strata.js';
import { orderTypes } from '../format/order-types.js';

/**
 * Do the surveyed rural, deprived and average areas differ? Per wave and indicator, the first-order
 * Rao–Scott chi-square with neighbourhoods as strata (R `svychisq(~type + y, svydesign(ids = ~1,
 * strata = ~area, weights = ~w), statistic = "Chisq")`), Holm across the indicators of a wave. Where it
 * is significant, pairwise z-tests on Kish effective n (rural–average, deprived–average, rural–deprived),
 * Holm across the pairs. Types with fewer than minBase answers are left out of the test.
 * Needs the `neighbourhood` GroupTallies in `groups`; the registry gives each area's type.
 */
export function typeTests(groups: readonly GroupTallies[], codebook: Codebook, areas: readonly Area[], o: TestOptions): TypeTestRow[] {
  const zCrit = zForLevel(o.level);
  const waves = [...new Set(groups.filter((g) => g.groupBy === 'neighbourhood').map((g) => g.wave))]; // in the groups' (resolved) wave order
  const out: TypeTestRow[] = [];
  for (const wave of waves) {
    const nbhd = neighbourhoodsOf(groups, areas, wave);
    const types = orderTypes(nbhd.map((x) => x.area.type));
    const rows: TypeTestRow[] = [];
    const itemIndex: number[] = [];
    for (const { item, index } of indicatorList(codebook, o.indicators)) {
      itemIndex.push(index);
      const byType = new Map(types.map((t) => [t, mergedTally(nbhd.filter((x) => x.area.type === t).map((x) => x.group), index)]));
      const tested = types.filter((t) => (byType.get(t)?.n ?? 0) >= Math.max(1, o.minBase));
      const base = { wave, indicator: item.id, ni: item.ni ?? null, types: tested, pAdjusted: null, significant: false, familySize: 0, pairs: [] };
      const strata = nbhd
        .filter((x) => tested.includes(x.area.type))
        .flatMap((x) => {
          const tally = x.group.tallies[index];
          return tally ? [{ stratum: x.area.code, group: x.area.type, tally }] : [];
        });
      const rs = tested.length >= 2 ? raoScottChisq(strata) : null;
      if (!rs) {
        rows.push({ ...base, statistic: null, pearson: null, deltaMean: null, df: null, p: null, flag: tested.length >= 2 ? 'no-variance' : 'suppressed' });
        continue;
      }
      rows.push({ ...base, statistic: rs.statistic, pearson: rs.x2, deltaMean: rs.deltaMean, df: rs.df, p: rs.p, flag: 'ok' });
    }
    adjustFamily(rows, o).forEach((r, i) => {
      if (r.significant) r.pairs = pairTests(nbhd, itemIndex[i]!, r.types, o, zCrit);
    });
    out.push(...rows);
  }
  return out;
}

function pairTests(
  nbhd: ReturnType<typeof neighbourhoodsOf>, index: number, types: readonly string[], o: TestOptions, zCrit: number,
): TypePairRow[] {
  const est = new Map(types.map((t) => [t, estimateTally(mergedTally(nbhd.filter((x) => x.area.type === t).map((x) => x.group), index), o)]));
  const pairs: TypePairRow[] = typePairs(types).map(([a, b]) => {
    const ea = est.get(a)!;
    const eb = est.get(b)!;
    let flag: ComparisonFlag = pairFlag(ea, eb);
    if (flag === 'no-data' || flag === 'suppressed' || ea.p === null || eb.p === null)
      return { a, b, percentA: null, percentB: null, diffPp: null, z: null, p: null, pAdjusted: null, significant: false, flag };
    const c = twoProportionChange(eb.p, eb.nEff, ea.p, ea.nEff, zCrit);
    if (c.z === null) flag = 'no-variance';
    return { a, b, percentA: 100 * ea.p, percentB: 100 * eb.p, diffPp: 100 * c.diff, z: c.z, p: c.p, pAdjusted: null, significant: false, flag };
  });
  return adjustFamily(pairs, o);
}
