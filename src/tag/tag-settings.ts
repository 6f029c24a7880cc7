import type { AreaType } from './tag-rule.js';
import type { ImdMethod } from './deprivation-criterion.js';
import type { Precedence } from './tag-rule.js';

export interface TagOptions {
  neighbourhoods: string;
  imd: string;
  ruc: string;
  share: number;
  method: ImdMethod;
  lsoaCount: number | undefined;
  precedence: Precedence;
  format: 'csv' | 'table' | 'json' | 'md';
  output: string | undefined;
  color: boolean | undefined;
}

/** The counts behind a decision. Weights are residents (population column) or 1 per LSOA. */
export interface AreaEvidence {
  lsoas: number;
  /** Σ weight over the area's LSOAs: residents, or the LSOA count */
  weight: number;
  ruralLsoas: number;
  ruralWeight: number;
  /** LSOAs among the most deprived (majority method; 0 under mean-rank) */
  deprivedLsoas: number;
  deprivedWeight: number;
  /** weighted mean IMD rank (mean-rank method only) */
  meanRank: number | undefined;
}

export interface AreaDecision {
  code: string;
  name: string;
  district: string;
  type: AreaType;
  rural: boolean;
  deprived: boolean;
  evidence: AreaEvidence;
  typeSource: string;
}
