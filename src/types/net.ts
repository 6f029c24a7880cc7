import type { WaveChangeTest } from './inference.js';

/** The wave change of one item's net score in one group (`--net`). Points throughout. */
export interface NetChangeRow extends WaveChangeTest {
  /** net score in each wave, −100 to 100; changePp is net2 − net1, and the family is one item's net score */
  net1: number | null;
  net2: number | null;
}

export interface NetChangeDesign {
  from: string;
  to: string;
  alpha: number;
  adjustment: 'bh' | 'holm' | 'none';
  family: string;
}
