import type { ComparisonFlag, ComparisonRow } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import { estimateTally, type EstimateOptions, type TallyEstimate } from '../estimate/estimate-tally.js';
import { adjustFamily, familyName } from './adjust-family.js';
import type { AdjustMethod } from '../estimate/adjust-p-values.js';
import { emptyTally } from '../aggregate/tally.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { Flag, GroupTallies } from '../types/index.js';
import { indicatorList } from './indicator-list.js';

export interface TestOptions extends EstimateOptions {
  /** significance level applied to the (adjusted) p */
  alpha: number;
  /** the adjustment within each family; none shows raw p-values (pAdjusted = p) */
  adjust: AdjustMethod;
  /** codebook item indexes (default: every item) */
  indicators?: readonly number[];
}

export interface CompareWavesOptions extends TestOptions {
  from: string;
  to: string;
}

/** The weaker of two estimate flags, for a test that uses both. */
export function pairFlag(a: TallyEstimate, b: TallyEstimate): Flag {
  if (a.flag === 'no-data' || b.flag === 'no-data') return 'no-data';
  if (a.flag === 'suppressed' || b.flag === 'suppressed') return 'suppressed';
  if (a.flag === 'indicative' || b.flag === 'indicative') return 'indicative';
  return 'ok';
}

/**
 * Wave-to-wave change for every indicator × group present in both waves: p1, p2, the change in points and
 * its CI, z = (p2 − p1)/√(se1² + se2²) on each wave's Kish effective n, the two-sided p, and the adjustment
 * within each family: one indicator × one grouping level × one pair of waves, i.e. the groups of that level
 * (1 for all, 3 types, 7 districts, 20 neighbourhoods with the bundled registry). Selecting indicators or
 * groupings never changes another test's adjusted p.
 * Suppressed (no p) when either base is under minBase; `no-variance` when both se are 0.
 */
export function compareWaves(
  groups: readonly GroupTallies[],
  codebook: Codebook,
  o: CompareWavesOptions,
): ComparisonRow[] {
  const zCrit = zForLevel(o.level);
  const items = indicatorList(codebook, o.indicators);
  const levels = [...new Set(groups.map((g) => g.groupBy))];
  const out: ComparisonRow[] = [];
  for (const groupBy of levels) {
    const atLevel = groups.filter((g) => g.groupBy === groupBy && (g.wave === o.from || g.wave === o.to));
    const names = [...new Set(atLevel.map((g) => g.group))];
    for (const { item, index } of items) {
      const family = familyName(item, groupBy, o.from, o.to);
      const rows: ComparisonRow[] = [];
      for (const group of names) {
        const t1 = atLevel.find((g) => g.wave === o.from && g.group === group)?.tallies[index] ?? emptyTally();
        const t2 = atLevel.find((g) => g.wave === o.to && g.group === group)?.tallies[index] ?? emptyTally();
        const e1 = estimateTally(t1, o);
        const e2 = estimateTally(t2, o);
        const base = {
          indicator: item.id,
          ni: item.ni ?? null,
          groupBy,
          group,
          from: o.from,
          to: o.to,
          family,
          familySize: 0,
          significant: false,
        };
        let flag: ComparisonFlag = pairFlag(e1, e2);
        if (flag === 'no-data' || flag === 'suppressed' || e1.p === null || e2.p === null) {
          rows.push({
            ...base,
            p1: null,
            p2: null,
            changePp: null,
            ciLow: null,
            ciHigh: null,
            z: null,
            p: null,
            pAdjusted: null,
            flag,
          });
          continue;
        }
        const c = twoProportionChange(e1.p, e1.nEff, e2.p, e2.nEff, zCrit);
        if (c.z === null) flag = 'no-variance';
        rows.push({
          ...base,
          p1: 100 * e1.p,
          p2: 100 * e2.p,
          changePp: 100 * c.diff,
          ciLow: 100 * c.ciLow,
          ciHigh: 100 * c.ciHigh,
          z: c.z,
          p: c.p,
          pAdjusted: null,
          flag,
        });
      }
      out.push(...adjustFamily(rows, o));
    }
  }
  return out;
}
