/** Shared shapes that cross module boundaries. Module-private types live beside their code. */

export type Severity = 'error' | 'warning';

/** Reasons a whole row is set aside. Errors unless noted. */
export type SetAsideReason =
  | 'unknown-area'
  | 'missing-wave'
  | 'bad-weight'
  | 'wrong-field-count'
  | 'duplicate-id'
  | 'filtered-out' // warning: the user's own filter (e.g. --wave)
  | 'missing-weighting-variable'
  | 'label-too-long'; // a wave or area cell longer than 200 characters

export const WARNING_SET_ASIDE: ReadonlySet<SetAsideReason> = new Set(['filtered-out']);

/** One problem found in the input, located to file:line:column (1-based). */
export interface Issue {
  file: string;
  line: number;
  /** 1-based field index; 0 when the problem is the whole row or file. */
  column: number;
  columnName: string;
  reason: string;
  severity: Severity;
  value: string;
  message: string;
  suggestion?: string;
  /** what `line` counts when it is not a physical line of text: an SPSS case or an Excel row number */
  unit?: 'case' | 'row';
}

/** Row accounting: read = analysed + Σ setAside. */
export interface Accounting {
  read: number;
  analysed: number;
  setAside: Record<string, number>;
  /** key `${columnName}:${reason}` → count of cells */
  cellIssues: Record<string, number>;
  /**
   * item id → reason (e.g. `missing:no-reply`, `excluded:dont-know`, `read-as-code:decimal`) → count; also `wave`
   * when wave cells were written as integral decimals (`2006.0`)
   */
  answers: Record<string, Record<string, number>>;
  /** blank lines and lines of separators only (`,,,,`): neither rows nor errors, but counted */
  blankLinesSkipped: number;
  /** files read without a respondent id column, so duplicates could not be checked in them */
  duplicatesUnchecked: string[];
  /** lines (or workbook rows) above the header that were skipped: a title, a blank line; present when > 0 */
  titleLinesSkipped?: number;
}

/**
 * Item answer codes as ingest hands them on (internal, not the questionnaire's own numbers). A positive value p is
 * the p-th answer of the item's scale (1-based), whatever code the questionnaire gives it (0–10 scales, negative
 * codes); negative values are missing answers; 0 is an absent column. The reasons of codebook-declared missing
 * values other than the built-in ones get codes -4, -5, … (see compileCodebook).
 */
export const CODE_ABSENT = 0; // the item's column is not in this file
export const CODE_BLANK = -1; // no reply
export const CODE_INVALID = -2; // an unknown code or label (reported as invalid-code)
export const CODE_NA_TEXT = -3; // written "not available" (NA, N/A, #N/A, ., -)
export const CODE_MULTIPLE = -98; // more than one box ticked
export const CODE_NOT_STATED = -99; // refused / not stated
/** the lowest code a codebook's own missing reason may take */
export const CODE_LOWEST_MISSING = -97;

export const MISSING_REASON: Readonly<Record<number, string>> = {
  [CODE_BLANK]: 'no-reply',
  [CODE_MULTIPLE]: 'multiple-ticks',
  [CODE_NOT_STATED]: 'not-stated',
  [CODE_INVALID]: 'invalid-code',
  [CODE_NA_TEXT]: 'na-text',
};

/** One analysable questionnaire, after ingest has validated it. */
export interface SurveyRow {
  file: string;
  line: number;
  respondentId: string | undefined;
  wave: string;
  /** registry code of the neighbourhood */
  area: string;
  weight: number;
  /** profile columns (age_band, sex, …) normalised to their canonical label; undefined = not stated */
  profile: Record<string, string | undefined>;
  /** one internal code per codebook item, in codebook order (see CODE_* above) */
  codes: Int16Array;
}

/** Weighted and unweighted sums for one indicator in one cell (wave × area × …). Tallies merge by addition. */
export interface Tally {
  /** unweighted base (answers neither missing nor excluded) */
  n: number;
  /** unweighted positive answers */
  nPos: number;
  /** Σw over the base */
  sw: number;
  /** Σw² over the base */
  sw2: number;
  /** Σw over positive answers */
  swPos: number;
  /** Σw² over positive answers */
  sw2Pos: number;
  /** unweighted answers the codebook lists as `negative` (0 for an item without a negative list) */
  nNeg: number;
  /** Σw over those negative answers, for the net score */
  swNeg: number;
  /** counts by `missing:<reason>` or `excluded:<reason>` */
  reasons: Record<string, number>;
}

export type Flag = 'ok' | 'indicative' | 'suppressed' | 'no-data';

export type GroupBy = 'all' | 'type' | 'district' | 'neighbourhood' | string;

export type CiMethod = 'wilson' | 'wald' | 'beta';

export interface Estimate {
  wave: string;
  groupBy: GroupBy;
  group: string;
  /** two-way groupings only (`type*age_band`): each grouping's group, e.g. {"type": "rural", "age_band": "16-24"} */
  groups?: Record<string, string>;
  indicator: string;
  ni: string | null;
  domain: string;
  positive: number | null;
  base: number;
  unweightedPositive: number | null;
  unweightedBase: number;
  percent: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  nEff: number;
  deff: number | null;
  flag: Flag;
  /** with --net: the net score (positive − negative, points), its SE and CI; null for items without negatives */
  net?: number | null;
  netSe?: number | null;
  netCiLow?: number | null;
  netCiHigh?: number | null;
}

/** One entry of the area registry (data/areas.csv or a user's --areas file). */
export interface Area {
  code: string;
  name: string;
  aliases: string[];
  district: string;
  /** rural | deprived | average (or a user's own types) */
  type: string;
  typeSource: string;
  /** questionnaires sent, for the response rate */
  mailed?: number;
}

/**
 * The tallies of one wave and one group, one Tally per codebook item in codebook order.
 * groupBy 'neighbourhood' has group = area code; 'type' the type; 'district' the district name; 'all' → 'all'.
 */
export interface GroupTallies {
  wave: string;
  groupBy: GroupBy;
  group: string;
  /** returns (rows analysed) in this wave and group */
  returns: number;
  tallies: Tally[];
}

export type TargetRule = 'points' | 'relative';

export type Verdict = 'met' | 'met-within-margin' | 'missed-within-margin' | 'missed';

export type RakeStatus = 'converged' | 'not-converged' | 'infeasible-bounds';
