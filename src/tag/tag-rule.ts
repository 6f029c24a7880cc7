import type { DeprivationCriterion, ImdMethod } from './deprivation-criterion.js';

export type AreaType = 'rural' | 'deprived' | 'average';
export type Precedence = readonly ['rural', 'deprived'] | readonly ['deprived', 'rural'];

/** The resolved rule, printed with every result. */
export interface TagRule {
  /** most deprived share of LSOAs nationally, 0–1 */
  share: number;
  method: ImdMethod;
  precedence: Precedence;
  /** population: the neighbourhoods file's population column; lsoas: each LSOA counts once */
  weighting: 'population' | 'lsoas';
  criterion: DeprivationCriterion;
  imdEdition: string;
  rucEdition: string;
}
