import type { Codebook } from '../codebook/schema.js';
import type { AdjustMethod } from '../estimate/adjust-p-values.js';
import { estimateNet } from '../estimate/estimate-net.js';
import { baseFlag, type EstimateOptions } from '../estimate/estimate-tally.js';
import { emptyTally } from '../aggregate/tally.js';
import { differenceTest } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { ComparisonFlag, GroupTallies, NetChangeRow } from '../types/index.js';
import { adjustRows } from './adjust-method.js';
import { indicatorList } from './indicator-list.js';

export interface NetChangeOptions extends EstimateOptions {
  from: string;
  to: string;
  alpha: number;
  adjust: AdjustMethod;
  indicators?: readonly number[];
}

/**
 * Wave change of the net score of every item that lists negative codes, per group: d = net2 − net1 (points),
 * se = √(se1² + se2²) with each se from netScore on its wave's Kish n_eff, z = d/se, two-sided p, CI d ± z·se.
 * One family per item × grouping level × pair of waves (its groups), adjusted by the method in force.
 * Suppressed when either base is under minBase, as for the percentages.
 */
export function netChanges(groups: readonly GroupTallies[], codebook: Codebook, o: NetChangeOptions): NetChangeRow[] {
  const zCrit = zForLevel(o.level);
  const out: NetChangeRow[] = [];
  const items = indicatorList(codebook, o.indicators).filter(({ item }) => (item.negative ?? []).length > 0);
  for (const groupBy of [...new Set(groups.map((g) => g.groupBy))]) {
    const atLevel = groups.filter((g) => g.groupBy === groupBy && (g.wave === o.from || g.wave === o.to));
    const names = [...new Set(atLevel.map((g) => g.group))];
    for (const { item, index } of items) {
      const family = `${o.from}-${o.to}:${groupBy}:${item.id}:net`;
      const rows = names.map((group): NetChangeRow => {
        const t1 = atLevel.find((g) => g.wave === o.from && g.group === group)?.tallies[index] ?? emptyTally();
        const t2 = atLevel.find((g) => g.wave === o.to && g.group === group)?.tallies[index] ?? emptyTally();
        const f1 = baseFlag(t1.n, o);
        const f2 = baseFlag(t2.n, o);
        const head = { indicator: item.id, ni: item.ni ?? null, groupBy, group, from: o.from, to: o.to };
        const tail = { family, familySize: 0, significant: false };
        const flag: ComparisonFlag = [f1, f2].includes('no-data')
          ? 'no-data'
          : [f1, f2].includes('suppressed')
            ? 'suppressed'
            : [f1, f2].includes('indicative')
              ? 'indicative'
              : 'ok';
        const n1 = estimateNet(t1, f1, true, o.level);
        const n2 = estimateNet(t2, f2, true, o.level);
        if (n1.net === null || n2.net === null || n1.netSe === null || n2.netSe === null)
          return {
            ...head,
            net1: null,
            net2: null,
            changePp: null,
            ciLow: null,
            ciHigh: null,
            z: null,
            p: null,
            pAdjusted: null,
            ...tail,
            flag,
          };
        const d = differenceTest(n2.net - n1.net, Math.hypot(n1.netSe, n2.netSe), zCrit);
        return {
          ...head,
          net1: n1.net,
          net2: n2.net,
          changePp: d.diff,
          ciLow: d.ciLow,
          ciHigh: d.ciHigh,
          z: d.z,
          p: d.p,
          pAdjusted: null,
          ...tail,
          flag: d.z === null ? 'no-variance' : flag,
        };
      });
      out.push(...adjustRows(rows, o.adjust, o.alpha));
    }
  }
  return out;
}
