import type { Accounting, Estimate } from '../types.js';
import type { GroupReturns } from './build-estimates.js';
import type { Design } from './design.js';
import type { Inference } from './inference.js';
import type { WeightingReport } from '../weighting/weighting-report.js';

export const SCHEMA_VERSION = 1;

export interface FileInfo {
  file: string;
  encoding: string;
  separator: string;
  rows: number;
  itemsAbsent: string[];
}

/** Everything `analyse` reports; every renderer (table, md, csv, json, html) reads only this. */
export interface AnalyseResult extends Inference {
  schemaVersion: number;
  design: Design;
  accounting: Accounting;
  files: FileInfo[];
  waves: string[];
  estimates: Estimate[];
  returns: GroupReturns[];
  /** with --rake: the raking report */
  weighting?: WeightingReport;
}
