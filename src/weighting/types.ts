import type { RakeStatus } from '../types/index.js';
/**
 * Shapes of the weighting core. Raking works on cells, not rows: a respondent's final weight depends
 * only on their starting weight w0 and their raking cell (one category per raking variable, within
 * one scope and one wave), so w = factor(cell) × w0.
 */

/** One raking cell: the respondents of one scope and wave who share a category on every raking variable. */
export interface RakingCell {
  /** one category per raking variable, in the order of the variables */
  key: string[];
  /** respondents in the cell */
  count: number;
  /** Σw0 over the cell's respondents */
  sumW0: number;
  /** Σw0² over the cell's respondents (for Kish's effective n) */
  sumW02: number;
  /** smallest and largest w0 in the cell (for the report's min and max weight) */
  minW0: number;
  maxW0: number;
}

/** A target for one category of one raking variable. Shares are proportions (0–1) and sum to 1 per variable. */
export interface Margin {
  variable: string;
  category: string;
  share: number;
}

export interface RakeOptions {
  /** stop when the largest absolute margin error, as a share (0–1), is below this */
  tolerance: number;
  /** iteration limit: IPF sweeps, or Newton steps when bounded */
  maxIter: number;
  /** bounds [lo, hi] on g = w / w0 (w0 rescaled to the target total), as R's calibrate(bounds = c(lo, hi)) */
  bounds?: [number, number] | undefined;
  /** the final weights sum to this (a count margin's population); default: the respondents, so their mean is 1 */
  total?: number | undefined;
}

/** Achieved and target share (proportions, 0–1) of one category. */
export interface MarginFit {
  variable: string;
  category: string;
  target: number;
  /** share under the starting weights w0 */
  before: number;
  /** share under the final weights */
  after: number;
}

export interface RakeResult {
  /** one per cell: the final weight is factors[i] × w0, after scaling to the mean 1 (or the count total) */
  factors: number[];
  /** one per cell: g = w / w0 before that scaling, with Σ g·w0 = Σ w0; the bounds apply to it */
  g: number[];
  method: 'ipf' | 'bounded-raking';
  iterations: number;
  /** the largest absolute margin error, as a share (0–1) */
  maxError: number;
  converged: boolean;
  status: RakeStatus;
  /** why it did not converge, in words; undefined when converged */
  message?: string | undefined;
  /** cells whose g sits at a bound, and the respondents in them */
  atBoundCells: number;
  atBound: number;
  margins: MarginFit[];
}
