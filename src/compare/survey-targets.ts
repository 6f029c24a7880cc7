import type { Codebook } from '../codebook/schema.js';
import { adjustPValues, type AdjustMethod } from '../estimate/adjust-p-values.js';
import { estimateTally, type EstimateOptions } from '../estimate/estimate-tally.js';
import { emptyTally } from '../aggregate/tally.js';
import { targetValues } from '../estimate/target-arithmetic.js';
import { targetDistanceVerdict } from '../estimate/target-distance-verdict.js';
import { targetPower } from '../estimate/target-power.js';
import { type TargetRule } from '../types/index.js';
import { twoProportionChange } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { GroupTallies } from '../types/index.js';
import { familyName } from './adjust-family.js';
import { pairFlag } from './compare-waves.js';
import { indicatorList } from './indicator-list.js';
import { changeDirection, NOT_ASSESSED, verdictFields, verdictNote } from './target-row.js';
import { type TargetRow } from '../types/index.js';

/** The LAA indicators the delivery plan sets "+5%" targets for. */
export const TARGET_NIS = ['NI1', 'NI2', 'NI4'] as const;

export interface TargetOptions extends EstimateOptions {
  uplift: number;
  rule: TargetRule;
  /** the verdict's interval is the (1 − alpha) one, and the change is significant when its adjusted p < alpha */
  alpha: number;
  /** the adjustment of the change within its family */
  adjust: AdjustMethod;
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
 * Survey uplift: the baseline wave's estimate is itself uncertain, so the verdict tests the change
 * (targetDistanceVerdict: met when d − zσ ≥ 0, missed when d + zσ < 0, else inconclusive with a lean; z at
 * alpha), with the power of the design (targetPower: MDC₀ and Δ₈₀). The change p2 − p1 is tested as `compare`
 * tests it and adjusted within the same family (the indicator's groups at the level, for the pair of waves), so
 * the targets table and the compare table agree.
 */
export function surveyTargets(
  groups: readonly GroupTallies[],
  codebook: Codebook,
  o: SurveyTargetOptions,
): TargetRow[] {
  const zCrit = zForLevel(o.level);
  const groupBys = o.groupBys ?? ['all', 'type'];
  const out: TargetRow[] = [];
  for (const { item, index } of indicatorList(codebook, o.indicators ?? targetIndicators(codebook))) {
    for (const groupBy of groupBys) {
      const atLevel = groups.filter(
        (g) => g.groupBy === groupBy && (g.wave === o.baselineWave || g.wave === o.currentWave),
      );
      const changeFamily = familyName(item, groupBy, o.baselineWave, o.currentWave);
      const family: TargetRow[] = [];
      for (const group of [...new Set(atLevel.map((g) => g.group))]) {
        const t1 = atLevel.find((g) => g.wave === o.baselineWave && g.group === group)?.tallies[index] ?? emptyTally();
        const t2 = atLevel.find((g) => g.wave === o.currentWave && g.group === group)?.tallies[index] ?? emptyTally();
        const e1 = estimateTally(t1, o);
        const e2 = estimateTally(t2, o);
        const flag = pairFlag(e1, e2);
        const row = {
          indicator: item.id,
          ni: item.ni ?? null,
          groupBy,
          group,
          mode: 'survey-uplift' as const,
          rule: o.rule,
          baselineWave: o.baselineWave,
          currentWave: o.currentWave,
          uplift: o.uplift,
          changeFamily,
        };
        if (
          flag === 'no-data' ||
          flag === 'suppressed' ||
          e1.p === null ||
          e2.p === null ||
          e1.se === null ||
          e2.se === null
        ) {
          family.push({
            ...row,
            baseline: null,
            current: null,
            targetPoints: null,
            targetRelative: null,
            target: null,
            targetSource: o.rule,
            ...NOT_ASSESSED,
            note: `Not assessed: a base is below ${o.minBase}.`,
            flag: flag === 'no-data' ? 'no-data' : 'suppressed',
          });
          continue;
        }
        const p1 = 100 * e1.p;
        const p2 = 100 * e2.p;
        const values = targetValues(p1, o.uplift);
        const dist = targetDistanceVerdict(p1, 100 * e1.se, p2, 100 * e2.se, o.uplift, o.rule, o.alpha);
        const power = targetPower(p1, e1.nEff, e2.nEff, o.uplift, o.rule, dist.se, o.alpha);
        const change = twoProportionChange(e1.p, e1.nEff, e2.p, e2.nEff, zCrit);
        family.push({
          ...row,
          baseline: p1,
          current: p2,
          ...values,
          target: o.rule === 'points' ? values.targetPoints : values.targetRelative,
          targetSource: o.rule,
          ...verdictFields(dist, power),
          change: p2 - p1,
          changeP: change.p,
          changePAdjusted: null,
          changeDirection: null,
          note: verdictNote(dist, power),
          flag,
        });
      }
      const adjusted = adjustPValues(
        family.map((r) => r.changeP),
        o.adjust,
      );
      family.forEach((r, i) => {
        if (r.change === null) return;
        r.changePAdjusted = adjusted[i] ?? null;
        r.changeDirection = changeDirection(r.change, r.changePAdjusted, o.alpha);
      });
      out.push(...family);
    }
  }
  return out;
}
