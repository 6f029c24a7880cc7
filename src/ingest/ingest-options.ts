import type { AreaRegistry } from '../areas/area-registry.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import type { IdScope } from './id-checker.js';
import type { RejectWriter } from './reject-writer.js';

export interface IngestOptions {
  codebook: CompiledCodebook;
  registry: AreaRegistry;
  /**
   * `--assign-wave`: given each file's label (as named; `-` for standard input) and whether its header has a wave
   * column, once every header is read and before any row is, the wave of each file without one (by label). It
   * throws (a usage error) when the assignments cannot be honoured. Every row of such a file gets its wave.
   */
  assignWaves?: (files: readonly { label: string; hasWaveColumn: boolean }[]) => ReadonlyMap<string, string>;
  /** null: ignore weights (every weight is 1) */
  weightColumn: string | null;
  /** the user named the weight column, so it must exist */
  weightRequired: boolean;
  /** keep only these waves; others are set aside as filtered-out */
  waves?: ReadonlySet<string>;
  /** told the wave of each row set aside by `waves`, so the caller can list the waves present */
  onFilteredOut?: (wave: string) => void;
  rejects?: RejectWriter;
  /** --columns: normalised header → target column (structural, profile or item id) */
  columnMap?: ReadonlyMap<string, string>;
  /** the same headers as the user wrote them, for messages */
  columnNames?: ReadonlyMap<string, string>;
  /** profile columns the run groups by: a file without one is a usage error (raking variables are required too) */
  profilesNeeded?: readonly string[];
  /** within what a respondent id must be unique (default wave) */
  idScope?: IdScope;
  /** the workbook sheet to read (a name, else a 1-based number); the first sheet when absent */
  sheet?: string;
  /** the 1-based line (or workbook row) of the header; found among the first lines when absent */
  headerRow?: number;
  /** profile columns every analysed row must have (the raking variables); others are set aside */
  requiredProfiles?: readonly string[];
  /** called with bytes consumed, for a progress bar */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}
