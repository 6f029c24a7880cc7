import type { ComparisonFlag } from './inference.js';

/** The wave change of one item's net score in one group (`--net`). Points throughout. */
export interface NetChangeRow {
  indicator: string;
  ni: string | null;
  groupBy: string;
  group: string;
  from: string;
  to: string;
  /** net score in each wave, −100 to 100 */
  net1: number | null;
  net2: number | null;
  /** net2 − net1 */
  changePp: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** e.g. "2006-2009:type:belong_neighbourhood:net": one item's net × one grouping level × one pair of waves */
  family: string;
  familySize: number;
  significant: boolean;
  flag: ComparisonFlag;
}

export interface NetChangeDesign {
  from: string;
  to: string;
  alpha: number;
  adjustment: 'bh' | 'holm' | 'none';
  family: string;
}
