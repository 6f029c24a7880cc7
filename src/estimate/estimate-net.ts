import type { Flag, Tally } from '../types/index.js';
import { kishEffectiveN } from './kish-effective-n.js';
import { netScore } from './net-score.js';

/** The net-score fields of an estimate row (`--net`), in points; null when suppressed, empty or not defined. */
export interface NetFields {
  net: number | null;
  netSe: number | null;
  netCiLow: number | null;
  netCiHigh: number | null;
}

export const NO_NET: NetFields = { net: null, netSe: null, netCiLow: null, netCiHigh: null };

/**
 * The net score of one tally (positive share − negative share of the base, points) with its SE and Wald CI
 * on Kish's effective n, as netScore computes it. Null fields when the item has no negative codes or the
 * percentage itself is suppressed or has no data (the same small-base rule as the percentage).
 * Example: Σw·pos 24.4, Σw·neg 9.6, Σw 40, Σw² 48.36 → net +37.0, SE 14.68 (see net-score.ts).
 */
export function estimateNet(t: Tally, flag: Flag, hasNegative: boolean, level: number): NetFields {
  if (!hasNegative || flag === 'suppressed' || flag === 'no-data') return NO_NET;
  const s = netScore(t.swPos, t.swNeg, t.sw, kishEffectiveN(t.sw, t.sw2), level);
  return s ? { net: s.net, netSe: s.se, netCiLow: s.ciLow, netCiHigh: s.ciHigh } : NO_NET;
}
