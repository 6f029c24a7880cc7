import type { Codebook } from '../codebook/schema.js';
import { estimateTally, type EstimateOptions } from '../estimate/estimate-tally.js';
import { minimumDetectableChange } from '../estimate/minimum-detectable-change.js';
import { emptyTally } from '../estimate/merge-tallies.js';
import { surveyUpliftCheck, targetValues } from '../estimate/target-arithmetic.js';
import { type TargetRule } from '../types/index.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { GroupTallies } from '../types/index.js';
import { pairFlag } from './compare-waves.js';
import { indicatorList } from './indicator-list.js';
import { undetectableNote } from './target-row.js';
import { type TargetRow } from '../types/index.js';

/** The LAA indicators the delivery plan sets "+5%" targets for. */
export const TARGET_NIS = ['NI1', 'NI2', 'NI4'] as const;


export interface TargetOptions extends EstimateOptions {
  uplift: number;
  rule: TargetRule;
  /** for the significance of the change */
  alpha: number;
}

export interface SurveyTargetOptions extends TargetOptions {
  baselineWave: string;
  currentWave: string;
  /** codebook item indexes; default the items named NI1, NI2 and NI4 */
  indicators?: readonly number[];
  /** default all and type */
  groupBys?: readonly string[];
}

/** Codebook indexes of the NI1/NI2/NI4 items. */
export function targetIndicators(codebook: Codebook): number[] {
  return codebook.items.flatMap((it, i) => ((TARGET_NIS as readonly string[]).includes(it.ni ?? '') ? [i] : []));
}

/**
 * Survey uplift: the baseline wave's estimate is itself uncertain, so the verdict tests the change.
 * points: d = p2 − p1 − u, se = √(se1² + se2²); relative: d = p2 − (1 + u/100)·p1, se = √(se2² + (1 + u/100)²·se1²);
 * verdict from the CI of d. Also: whether p2 − p1 is significant, and the MDE
 * (z_{1−α/2} + z_{0.8})·√(p1(1−p1)(1/n1 + 1/n2)), with `detectable: false` when it exceeds the uplift in points.
 */
export function surveyTargets(groups: readonly GroupTallies[], codebook: Codebook, o: SurveyTargetOptions): TargetRow[] {
  const zCrit = zForLevel(o.level);
  const groupBys = o.groupBys ?? ['all', 'type'];
  const out: TargetRow[] = [];
  for (const { item, index } of indicatorList(codebook, o.indicators ?? targetIndicators(codebook))) {
    for (const groupBy of groupBys) {
      const atLevel = groups.filter((g) => g.groupBy === groupBy && (g.wave === o.baselineWave || g.wave === o.currentWave));
      for (const group of [...new Set(atLevel.map((g) => g.group))]) {
        const t1 = atLevel.find((g) => g.wave === o.baselineWave && g.group === group)?.tallies[index] ?? emptyTally();
        const t2 = atLevel.find((g) => g.wave === o.currentWave && g.group === group)?.tallies[index] ?? emptyTally();
        const e1 = estimateTally(t1, o);
        const e2 = estimateTally(t2, o);
        const flag = pairFlag(e1, e2);
        const row = {
          indicator: item.id, ni: item.ni ?? null, groupBy, group, mode: 'survey-uplift' as const, rule: o.rule,
          baselineWave: o.baselineWave, currentWave: o.currentWave, uplift: o.uplift,
        };
        if (flag === 'no-data' || flag === 'suppressed' || e1.p === null || e2.p === null || e1.se === null || e2.se === null) {
          out.push({
            ...row, baseline: null, current: null, targetPoints: null, targetRelative: null, target: null, targetSource: o.rule, d: null, ciLow: null,
            ciHigh: null, verdict: null, changeSignificant: null, changeP: null, mde: null, detectable: null,
            note: `Not assessed: a base is below ${o.minBase}.`, flag: flag === 'no-data' ? 'no-data' : 'suppressed',
          });
          continue;
        }
        const check = surveyUpliftCheck(100 * e1.p, 100 * e1.se, 100 * e2.p, 100 * e2.se, o.uplift, o.rule, zCrit);
        const change = twoProportionChange(e1.p, e1.nEff, e2.p, e2.nEff, zCrit);
        const mde = minimumDetectableChange(e1.p, e1.nEff, e2.nEff, 1 - o.level);
        const upliftPoints = check.target - 100 * e1.p;
        const detectable = mde <= upliftPoints;
        out.push({
          ...row, baseline: 100 * e1.p, current: 100 * e2.p, ...targetValues(100 * e1.p, o.uplift), target: check.target,
          targetSource: o.rule,
          d: check.d, ciLow: check.ciLow, ciHigh: check.ciHigh, verdict: check.verdict,
          changeSignificant: change.p === null ? false : change.p < o.alpha, changeP: change.p,
          mde, detectable, note: detectable ? null : undetectableNote(upliftPoints, mde), flag,
        });
      }
    }
  }
  return out;
}
