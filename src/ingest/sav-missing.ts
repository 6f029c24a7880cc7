import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import { CODE_NOT_STATED } from '../types/index.js';
import type { IngestOptions } from './ingest-options.js';

/**
 * The cell text an SPSS user-missing item value becomes when the codebook has no missing reason for its code: it
 * is read as not-stated. A NUL cannot stand in a text survey file (the file would be refused as binary), so this
 * spelling never meets a real cell.
 */
export const SAV_USER_MISSING = '\u0000user-missing';

/** The ingest options for an SPSS file: the codebook's missing values plus SAV_USER_MISSING as not-stated. */
export function withSavMissing(o: IngestOptions): IngestOptions {
  const missingValues = new Map(o.codebook.missingValues);
  missingValues.set(SAV_USER_MISSING, CODE_NOT_STATED);
  const codebook: CompiledCodebook = { ...o.codebook, missingValues };
  return { ...o, codebook };
}
