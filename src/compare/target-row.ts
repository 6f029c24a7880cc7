import { distanceVerdict, type TargetDistance } from '../estimate/target-distance-verdict.js';
import type { TargetPower } from '../estimate/target-power.js';
import type { TargetRow } from '../types/index.js';

/** The verdict columns of a target row from its distance verdict and its power. */
export function verdictFields(
  dist: TargetDistance,
  power: TargetPower,
): Pick<
  TargetRow,
  | 'd'
  | 'se'
  | 'ciLow'
  | 'ciHigh'
  | 'verdict'
  | 'lean'
  | 'pMet'
  | 'pMissed'
  | 'detectableRise'
  | 'detectsTarget'
  | 'confirmableRise'
> {
  return {
    d: dist.d,
    se: dist.se,
    ciLow: dist.ciLow,
    ciHigh: dist.ciHigh,
    verdict: dist.verdict,
    lean: dist.lean,
    pMet: dist.pMet,
    pMissed: dist.pMissed,
    detectableRise: power.mdc0,
    detectsTarget: power.mdc0 === null ? null : power.detectsTarget,
    confirmableRise: power.deltaConfirm,
  };
}

/** The columns of a row that is not assessed (suppressed or no data): every figure null. */
export const NOT_ASSESSED = {
  d: null,
  se: null,
  ciLow: null,
  ciHigh: null,
  verdict: null,
  lean: null,
  pMet: null,
  pMissed: null,
  detectableRise: null,
  detectsTarget: null,
  confirmableRise: null,
  change: null,
  changeP: null,
  changePAdjusted: null,
  changeDirection: null,
} as const;

/** A note for the cases the verdict's arithmetic treats specially; null otherwise. */
export function verdictNote(dist: TargetDistance, power: TargetPower): string | null {
  const notes: string[] = [];
  if (!(dist.se > 0)) notes.push('No sampling variation (σ = 0): the verdict is the sign of d.');
  if (power.targetAbove100) notes.push('The target is at or above 100%: it cannot be reached.');
  return notes.length ? notes.join(' ') : null;
}

/** rose / fell when the adjusted p of the change is below alpha, else none. */
export function changeDirection(change: number, pAdjusted: number | null, alpha: number): 'rose' | 'fell' | 'none' {
  if (pAdjusted === null || !(pAdjusted < alpha) || change === 0) return 'none';
  return change > 0 ? 'rose' : 'fell';
}

export { distanceVerdict };
