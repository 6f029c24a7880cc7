import type { FileSummary } from '../ingest/read-survey.js';
import type { Accounting, Estimate } from '../types.js';
import type { GroupReturns } from './build-estimates.js';
import type { Design } from './design.js';
import type { Inference } from './inference.js';
import type { WeightingReport } from '../weighting/weighting-report.js';

export const SCHEMA_VERSION = 1;

/** What the JSON says about each file read. */
export function fileInfos(files: FileSummary[]): FileInfo[] {
  return files.map((f) => ({ file: f.label, encoding: f.encoding, separator: f.separator === '\t' ? 'tab' : f.separator, rows: f.read, itemsAbsent: f.itemsAbsent }));
}

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
