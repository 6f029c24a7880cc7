import type {
  AreaTypePairRow,
  AreaTypeTestRow,
  SurveyedAreasPairRow,
  SurveyedAreasTestRow,
  TypeTestRow,
} from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import { areaTypeContrast } from '../estimate/area-type-contrast.js';
import { areaTypeFTest, type AreaTally } from '../estimate/area-type-f-test.js';
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

type Neighbourhoods = ReturnType<typeof neighbourhoodsOf>;

/**
 * Two tests per wave × indicator, each worded for what it tests.
 *
 * `surveyed-areas` — "the surveyed areas of the three types differ": the respondents of the surveyed areas,
 * first-order Rao–Scott χ² with neighbourhoods as strata (R `svychisq(~type + y, svydesign(ids = ~1,
 * strata = ~area, weights = ~w), statistic = "Chisq")`); pairwise z-tests on Kish effective n.
 *
 * `area-type` — "area types differ": areas as clusters within area-type strata, second-order Rao–Scott F
 * (areaTypeFTest); pairwise design-based t contrasts (areaTypeContrast). Not run when any type has fewer than
 * two areas with data (a reason in the row); a pair is computed whenever its two types each have two areas.
 *
 * Each omnibus test is a family of one (pAdjusted = p); the pairs after it are one family (3 pairs for three
 * types). A pair is `significant` only when the omnibus p < alpha and the pair's adjusted p < alpha. Types with
 * fewer than minBase answers are left out. Needs the `neighbourhood` GroupTallies; the registry gives the types.
 */
export function typeTests(
  groups: readonly GroupTallies[],
  codebook: Codebook,
  areas: readonly Area[],
  o: TestOptions,
): TypeTestRow[] {
  // in the groups' (resolved) wave order
  const waves = [...new Set(groups.filter((g) => g.groupBy === 'neighbourhood').map((g) => g.wave))];
  const out: TypeTestRow[] = [];
  for (const wave of waves) {
    const nbhd = neighbourhoodsOf(groups, areas, wave);
    const types = orderTypes(nbhd.map((x) => x.area.type));
    for (const { item, index } of indicatorList(codebook, o.indicators)) {
      const byType = new Map(
        types.map((t) => [
          t,
          mergedTally(
            nbhd.filter((x) => x.area.type === t).map((x) => x.group),
            index,
          ),
        ]),
      );
      const tested = types.filter((t) => (byType.get(t)?.n ?? 0) >= Math.max(1, o.minBase));
      const base = { wave, indicator: item.id, ni: item.ni ?? null, types: tested };
      out.push(surveyedAreasTest(nbhd, index, base, o), areaTypeTest(nbhd, index, base, o));
    }
  }
  return out;
}

type RowBase = Pick<TypeTestRow, 'wave' | 'indicator' | 'ni' | 'types'>;

function surveyedAreasTest(nbhd: Neighbourhoods, index: number, base: RowBase, o: TestOptions): SurveyedAreasTestRow {
  const tested = base.types;
  const strata = nbhd
    .filter((x) => tested.includes(x.area.type))
    .flatMap((x) => {
      const tally = x.group.tallies[index];
      return tally ? [{ stratum: x.area.code, group: x.area.type, tally }] : [];
    });
  const rs = tested.length >= 2 ? raoScottChisq(strata) : null;
  const pairs = surveyedPairs(nbhd, index, tested, o);
  const head = { test: 'surveyed-areas' as const, ...base };
  if (!rs) {
    const reason =
      tested.length >= 2 ? 'the answers do not vary' : `fewer than two area types with a base of at least ${o.minBase}`;
    return {
      ...head,
      statistic: null,
      df: null,
      p: null,
      pAdjusted: null,
      significant: false,
      reason,
      pearson: null,
      deltaMean: null,
      flag: tested.length >= 2 ? 'no-variance' : 'suppressed',
      pairs,
    };
  }
  const significant = rs.p < o.alpha;
  return {
    ...head,
    statistic: rs.statistic,
    df: rs.df,
    p: rs.p,
    pAdjusted: rs.p,
    significant,
    reason: null,
    pearson: rs.x2,
    deltaMean: rs.deltaMean,
    flag: 'ok',
    pairs: pairs.map((p) => ({ ...p, significant: significant && p.significant })),
  };
}

function surveyedPairs(
  nbhd: Neighbourhoods,
  index: number,
  types: readonly string[],
  o: TestOptions,
): SurveyedAreasPairRow[] {
  const zCrit = zForLevel(o.level);
  const est = new Map(
    types.map((t) => [
      t,
      estimateTally(
        mergedTally(
          nbhd.filter((x) => x.area.type === t).map((x) => x.group),
          index,
        ),
        o,
      ),
    ]),
  );
  const pairs = typePairs(types).map(([a, b]): SurveyedAreasPairRow => {
    const ea = est.get(a)!;
    const eb = est.get(b)!;
    let flag: ComparisonFlag = pairFlag(ea, eb);
    if (flag === 'no-data' || flag === 'suppressed' || ea.p === null || eb.p === null)
      return {
        a,
        b,
        percentA: null,
        percentB: null,
        diffPp: null,
        z: null,
        p: null,
        pAdjusted: null,
        significant: false,
        flag,
      };
    const c = twoProportionChange(eb.p, eb.nEff, ea.p, ea.nEff, zCrit);
    if (c.z === null) flag = 'no-variance';
    return {
      a,
      b,
      percentA: 100 * ea.p,
      percentB: 100 * eb.p,
      diffPp: 100 * c.diff,
      z: c.z,
      p: c.p,
      pAdjusted: null,
      significant: false,
      flag,
    };
  });
  return adjustFamily(pairs, o);
}

function areaTypeTest(nbhd: Neighbourhoods, index: number, base: RowBase, o: TestOptions): AreaTypeTestRow {
  const tested = base.types;
  const cells: AreaTally[] = nbhd
    .filter((x) => tested.includes(x.area.type))
    .flatMap((x) => {
      const tally = x.group.tallies[index];
      return tally && tally.n > 0 ? [{ area: x.area.code, type: x.area.type, tally }] : [];
    });
  const pairs = areaTypePairs(nbhd, cells, index, tested, o);
  const head = { test: 'area-type' as const, ...base };
  const r = tested.length >= 2 ? areaTypeFTest(cells) : null;
  if (!r || 'reason' in r) {
    const reason = r ? r.detail : `fewer than two area types with a base of at least ${o.minBase}`;
    return {
      ...head,
      F: null,
      ndf: null,
      ddf: null,
      p: null,
      pAdjusted: null,
      significant: false,
      reason,
      flag: 'not-run',
      pairs,
    };
  }
  const significant = r.p < o.alpha;
  return {
    ...head,
    F: r.f,
    ndf: r.ndf,
    ddf: r.ddf,
    p: r.p,
    pAdjusted: r.p,
    significant,
    reason: null,
    flag: 'ok',
    pairs: pairs.map((p) => ({ ...p, significant: significant && p.significant })),
  };
}

function areaTypePairs(
  nbhd: Neighbourhoods,
  cells: readonly AreaTally[],
  index: number,
  types: readonly string[],
  o: TestOptions,
): AreaTypePairRow[] {
  const areasOf = (t: string) => new Set(cells.filter((c) => c.type === t).map((c) => c.area)).size;
  const everyTypeHasTwo = types.every((t) => areasOf(t) >= 2);
  const pairs = typePairs(types).map(([a, b]): AreaTypePairRow => {
    const ea = estimateTally(
      mergedTally(
        nbhd.filter((x) => x.area.type === a).map((x) => x.group),
        index,
      ),
      o,
    );
    const eb = estimateTally(
      mergedTally(
        nbhd.filter((x) => x.area.type === b).map((x) => x.group),
        index,
      ),
      o,
    );
    const empty = {
      a,
      b,
      percentA: null,
      percentB: null,
      diffPp: null,
      se: null,
      t: null,
      df: null,
      p: null,
      pAdjusted: null,
      significant: false,
    };
    let flag: ComparisonFlag = pairFlag(ea, eb);
    if (flag === 'no-data' || flag === 'suppressed' || areasOf(a) < 2 || areasOf(b) < 2) return { ...empty, flag };
    // The whole design when every type has two areas (R's degrees of freedom); otherwise the two types alone.
    const c = areaTypeContrast(everyTypeHasTwo ? cells : cells.filter((x) => x.type === a || x.type === b), a, b);
    if ('reason' in c) return { ...empty, flag: c.reason === 'outcome-constant' ? 'no-variance' : flag };
    if (!(c.se > 0)) flag = 'no-variance';
    return {
      a,
      b,
      percentA: c.percentA,
      percentB: c.percentB,
      diffPp: c.diff,
      se: c.se,
      t: c.t,
      df: c.df,
      p: c.p,
      pAdjusted: null,
      significant: false,
      flag,
    };
  });
  return adjustFamily(pairs, o);
}
