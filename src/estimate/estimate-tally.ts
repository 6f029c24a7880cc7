import type { CiMethod, Estimate, Flag, Tally } from '../types/index.js';
import { designEffectiveN } from './design-effective-n.js';
import { kishEffectiveN } from './kish-effective-n.js';
import { kornGraubardInterval } from './korn-graubard-interval.js';
import { waldInterval } from './wald-interval.js';
import { wilsonInterval } from './wilson-interval.js';
import { zForLevel } from './z-for-level.js';

export interface EstimateOptions {
  ci: CiMethod;
  /** confidence level, 0 < level < 1 */
  level: number;
  /** unweighted base below which the percentage is suppressed */
  minBase: number;
  /** unweighted base below which the percentage is flagged indicative */
  indicativeBase: number;
}

/** The estimate fields of one tally (see Estimate in src/types.ts), plus what tests need unrounded. */
export type TallyEstimate = Pick<
  Estimate,
  | 'positive'
  | 'base'
  | 'unweightedPositive'
  | 'unweightedBase'
  | 'percent'
  | 'ciLow'
  | 'ciHigh'
  | 'nEff'
  | 'deff'
  | 'flag'
> & {
  /** standard error of the proportion on the 0–1 scale, √(p(1−p)/nEff); null when no data */
  se: number | null;
  /**
   * p on the 0–1 scale, NOT suppressed (for tests that need it even when the display is suppressed); null when
   * base is 0
   */
  p: number | null;
};

/** The small-base rule: no-data, suppressed, indicative or ok, from the unweighted base. */
export function baseFlag(unweightedBase: number, o: Pick<EstimateOptions, 'minBase' | 'indicativeBase'>): Flag {
  if (unweightedBase <= 0) return 'no-data';
  if (unweightedBase < o.minBase) return 'suppressed';
  if (unweightedBase < o.indicativeBase) return 'indicative';
  return 'ok';
}

/**
 * Weighted percentage, its CI on the effective n, and the small-base flag, from one tally.
 * p = Σw·pos / Σw; nEff = Kish (Σw)²/Σw²; deff = n / nEff (Kish); se = √(p(1−p)/nEff).
 * CI: Wilson or Wald (clipped) on Kish's n; "beta" is Korn–Graubard on svyciprop's design effective n.
 * Source: Kish (1965); Lumley (2010) Complex Surveys; R survey `svymean`, `svyciprop`.
 */
export function estimateTally(t: Tally, o: EstimateOptions): TallyEstimate {
  const flag = baseFlag(t.n, o);
  if (flag === 'no-data' || !(t.sw > 0)) {
    return {
      positive: 0,
      base: 0,
      unweightedPositive: 0,
      unweightedBase: t.n,
      percent: null,
      ciLow: null,
      ciHigh: null,
      nEff: 0,
      deff: null,
      flag: 'no-data',
      se: null,
      p: null,
    };
  }
  const p = t.swPos / t.sw;
  const nEff = kishEffectiveN(t.sw, t.sw2);
  const se = Math.sqrt((p * (1 - p)) / nEff);
  const deff = t.n / nEff;
  if (flag === 'suppressed') {
    return {
      positive: null,
      base: t.sw,
      unweightedPositive: null,
      unweightedBase: t.n,
      percent: null,
      ciLow: null,
      ciHigh: null,
      nEff,
      deff,
      flag,
      se,
      p,
    };
  }
  const [lo, hi] =
    o.ci === 'wald'
      ? waldInterval(p, nEff, zForLevel(o.level))
      : o.ci === 'beta'
        ? kornGraubardInterval(p, designEffectiveN(t), o.level)
        : wilsonInterval(p, nEff, zForLevel(o.level));
  return {
    positive: t.swPos,
    base: t.sw,
    unweightedPositive: t.nPos,
    unweightedBase: t.n,
    percent: 100 * p,
    ciLow: 100 * lo,
    ciHigh: 100 * hi,
    nEff,
    deff,
    flag,
    se,
    p,
  };
}
