import type { AreaRegistry } from '../areas/area-registry.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import type { RejectWriter } from './reject-writer.js';

export interface IngestOptions {
  codebook: CompiledCodebook;
  registry: AreaRegistry;
  /** label every row of a file without a wave column */
  assignWave?: string;
  /** null: ignore weights (every weight is 1) */
  weightColumn: string | null;
  /** the user named the weight column, so it must exist */
  weightRequired: boolean;
  /** keep only these waves; others are set aside as filtered-out */
  waves?: ReadonlySet<string>;
  rejects?: RejectWriter;
  /** profile columns every analysed row must have (the raking variables); others are set aside */
  requiredProfiles?: readonly string[];
  /** called with bytes consumed, for a progress bar */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}
