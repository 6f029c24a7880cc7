/** Public shapes of a read SPSS system file (see read-sav.ts). */

export type SavValue = number | string | null;
/** One case: a value per variable, in variable order; null is system-missing. */
export type SavCase = SavValue[];

export type SavCompression = 'none' | 'bytecode' | 'zlib';

export interface SavMissing {
  /** discrete user-missing values (numbers for numeric variables, right-trimmed strings for string ones) */
  values: (number | string)[];
  /** numeric user-missing range, inclusive; LO/HI ends are -Infinity/Infinity */
  range?: [number, number];
}

export interface SavVariable {
  /** the long variable name when the file has one (record 7/13), else the short name */
  name: string;
  label: string | null;
  type: 'numeric' | 'string';
  /** 0 for numeric; the string width in bytes for strings (the full width for very long strings) */
  width: number;
  valueLabels: Map<number | string, string>;
  missing: SavMissing;
}

export interface SavFile {
  variables: SavVariable[];
  /** the case count the file declares, or null when it says "unknown" (-1) */
  caseCount: number | null;
  weightVariable: string | null;
  /** the character encoding used to decode names, labels and string values */
  encoding: string;
  compression: SavCompression;
  /** reads the data section afresh on every call, a chunk at a time */
  cases(): AsyncIterable<SavCase>;
}

export interface OpenSavOptions {
  /** bytes per read of the data section (default 64 KiB); tiny values are for tests */
  chunkSize?: number;
}
