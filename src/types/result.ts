import type { Inference } from './inference.js';
import type { LetterTest, LettersDesign } from './crosstab.js';
import type { NetChangeDesign, NetChangeRow } from './net.js';
import type { Accounting, Estimate, RakeStatus } from './survey.js';

export interface FileInfo {
  file: string;
  /** what the file is, judged by its content: `csv` (any delimited text), `sav` (SPSS) or `xlsx` */
  format: 'csv' | 'sav' | 'xlsx';
  encoding: string;
  /** null for an SPSS file or a workbook */
  separator: string | null;
  /** the workbook sheet read (xlsx only) */
  sheet?: string;
  rows: number;
  itemsAbsent: string[];
}

/** Everything `analyse` reports; every renderer (table, md, csv, json, html) reads only this. */
export interface AnalyseResult extends Inference {
  schemaVersion: number;
  design: Design;
  accounting: Accounting;
  files: FileInfo[];
  /** the waves analysed, first to last (the resolved order) */
  waves: string[];
  /** the same order, and how it was known: the labels themselves, --wave-order, or --from/--to */
  waveOrder: { order: string[]; basis: string };
  /** waves so small beside the others that their label is probably a stray value; their rows still count */
  suspectWaves: SuspectWaveInfo[];
  estimates: Estimate[];
  returns: GroupReturns[];
  /** with --rake: the raking report */
  weighting?: WeightingReport;
  /** with --net and two waves: the net scores' wave changes */
  netChangeDesign?: NetChangeDesign;
  netChanges?: NetChangeRow[];
  /** with --letters: the column letters and the pairwise tests behind them */
  lettersDesign?: LettersDesign;
  letters?: LetterTest[];
}

export interface SuspectWaveInfo {
  wave: string;
  rows: number;
  /** where its first few rows are */
  lines: { file: string; line: number }[];
  /** the wave it was probably meant to be, or null */
  nearest: string | null;
  message: string;
}

export interface Design {
  codebook: string;
  areas: string;
  weights: string;
  ci: string;
  ciMethod: string;
  level: number;
  minBase: number;
  indicativeBase: number;
  suppression: string;
  groupings: string[];
  population: string;
  /** headers read under another name (a spelling of the codebook's "columns", or --columns); absent when none */
  columns?: { file: string; header: string; column: string }[];
  /** how "+5%" is read, and the uplift */
  targetRule?: string;
  /** how areas are pooled: by their population, mailed questionnaires, or returns (the weights as they are) */
  areaWeights?: AreaWeightsDesign;
  /** the multiple-testing correction in force, and alpha */
  adjustment?: 'bh' | 'holm' | 'none';
  alpha?: number;
}

export interface AreaWeightsDesign {
  scheme: 'population' | 'mailed' | 'returns';
  /** the registry column whose N_a the areas are weighted to (adults, households, mailed); null for returns */
  column: string | null;
  /** the same in words, as the note under every table says it */
  words: string;
}

export interface GroupReturns {
  wave: string;
  groupBy: string;
  group: string;
  /** questionnaires analysed */
  returns: number;
  /** questionnaires sent, when the registry has a `mailed` column */
  mailed: number | null;
  /** returns ÷ mailed, 0–100 */
  responseRate: number | null;
}

/** The weighting report: per wave and scope, how the raking went and what it did to the weights. */

export interface WeightingReportGroup {
  wave: string;
  /** `all`, an area code, `Blaby (district)`, `rural (type)` */
  scope: string;
  respondents: number;
  method: 'ipf' | 'bounded-raking';
  status: RakeStatus;
  message: string | null;
  iterations: number;
  /** the largest absolute margin error, as a share (0–1) */
  largestMarginError: number;
  weights: { min: number; max: number; maxOverMin: number; mean: number };
  /** Kish's effective n = (Σw)² / Σw² of the final weights */
  nEff: number;
  /** n_eff / n, as a proportion (0–1) */
  efficiency: number;
  /** the design effect from weighting, n / n_eff = 1 + CV² of the weights (Kish 1965) */
  designEffect: number;
  /** n_eff / n of the starting weights, for comparison */
  efficiencyBefore: number;
  bounds: [number, number] | null;
  /** respondents whose g = w / w0 sits at a bound */
  atBound: number;
  /** target and achieved shares, on a 0–100 scale */
  margins: { variable: string; category: string; targetPercent: number; beforePercent: number; afterPercent: number }[];
}

export interface WeightingReport {
  variables: string[];
  marginsFile: string;
  measure: 'share' | 'count';
  tolerance: number;
  maxIter: number;
  bounds: [number, number] | null;
  minEfficiency: number | null;
  groups: WeightingReportGroup[];
  /** problems that fail the run (exit 1): non-convergence, efficiency under --min-efficiency */
  failures: string[];
  /** things to know: efficiency under 70% without --min-efficiency, area figures weighted to the overall profile */
  warnings: string[];
}

export type GroupLabel = (groupBy: string, group: string) => string;
