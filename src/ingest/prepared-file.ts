import type { CsvRecord } from './byte-scanner.js';
import type { EncodingInfo } from './detect-encoding.js';
import type { HeaderMap } from './map-header.js';
import type { Separator } from './sniff-separator.js';

export type FileFormat = 'csv' | 'sav' | 'xlsx';

/** A survey file whose format, encoding, separator and header have been checked, ready to stream. */
export interface PreparedFile {
  path: string;
  label: string;
  format: FileFormat;
  info: EncodingInfo;
  /** the encoding as reported: a CSV's detected encoding, an SPSS file's declared one, `utf8` for a workbook */
  encoding: string;
  /** a CSV's separator; a comma for the other formats (how --rejects joins their cells) */
  separator: Separator;
  header: HeaderMap;
  /** the wave of every row, for a file without a wave column (`--assign-wave`) */
  assignedWave?: string;
  /** the physical line (CSV) or Excel row (.xlsx) of the header; 0 for an SPSS file, whose header is its dictionary */
  headerLine: number;
  /** lines or rows above the header that were skipped */
  titleLinesSkipped: number;
  /** what a record's `line` counts, when not a physical line: SPSS cases, Excel rows */
  unit?: 'case' | 'row';
  /** weights may be written with a decimal comma (`0,99`): a `;`-separated CSV, or text cells of a workbook */
  decimalComma: 'semicolon' | 'workbook' | null;
  /** the weight column used (null: none); for an SPSS file it may be the file's WEIGHT BY variable */
  weightColumn: string | null;
  /** the workbook sheet read */
  sheet?: string;
  /**
   * Hands every record to `onRecord` in order: for a CSV every record from line 1 (the header and any title lines
   * too; the caller skips them), for the other formats the data records only. `onProgress` gets bytes done.
   * Resolves to the blank lines the reader skipped below the header (a CSV reader's; the others hand empty rows on).
   */
  readRecords(onRecord: (r: CsvRecord) => void, onProgress: (bytes: number) => void): Promise<number>;
}
