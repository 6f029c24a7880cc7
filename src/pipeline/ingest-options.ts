import type { AreaRegistry } from '../areas/area-registry.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import type { RejectWriter } from '../ingest/reject-writer.js';
import type { InputRequest } from '../options/request.js';
import { resolveColumnMap } from './column-map.js';

/** The ingest options every reading command derives the same way from its command-line options. */
export function ingestOptions(o: InputRequest, codebook: CompiledCodebook, registry: AreaRegistry, rejects: RejectWriter | undefined): IngestOptions {
  const columns = o.columns !== undefined ? resolveColumnMap(o.columns, codebook.codebook) : undefined;
  return {
    codebook,
    registry,
    idScope: o.idScope,
    ...(columns ? { columnMap: columns.map, columnNames: columns.names } : {}),
    ...(o.assignWave !== undefined ? { assignWave: o.assignWave } : {}),
    weightColumn: o.weights ? o.weight : null,
    // the default name may be absent (every weight is then 1); a column the user named must exist
    weightRequired: o.weights && o.weight !== 'weight',
    ...(rejects ? { rejects } : {}),
  };
}
