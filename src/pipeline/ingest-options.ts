import type { AreaRegistry } from '../areas/area-registry.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import type { RejectWriter } from '../ingest/reject-writer.js';
import type { InputRequest } from '../options/request.js';
import { normaliseHeader } from '../codebook/column-synonyms.js';
import { UsageError } from '../errors.js';
import { resolveAssignWaves } from './assign-wave.js';
import { resolveColumnMap } from './column-map.js';

/** A weight column that is also the wave, area, id, a profile or an item would use 2006 or 2009 as weights: refuse. */
function checkWeightColumn(name: string, codebook: CompiledCodebook): void {
  const k = normaliseHeader(name);
  const role =
    k === 'wave'
      ? 'the wave'
      : k === 'neighbourhood'
        ? 'the area'
        : k === normaliseHeader('respondent_id')
          ? 'the respondent id'
          : Object.keys(codebook.codebook.profiles).some((p) => normaliseHeader(p) === k)
            ? `the profile "${name}"`
            : codebook.columns.has(k)
              ? 'an item'
              : undefined;
  if (role)
    throw new UsageError(
      `--weight ${name} names ${role} column, not a weight; name the weight column (e.g. --weight ` +
        `weight), or use --no-weights`,
    );
}

/**
 * The hook ingest calls once the headers are read: `--assign-wave` values matched to the files (by path, symlink
 * or bare name), every refusal a usage error (exit 2) before any row is read.
 */
function assignWavesFor(values: readonly string[]): NonNullable<IngestOptions['assignWaves']> {
  return (files) => {
    const { waves, refusals } = resolveAssignWaves(
      values,
      files.map((f) => ({ path: f.label, hasWaveColumn: f.hasWaveColumn })),
    );
    if (refusals.length) throw new UsageError(refusals.join('\n'));
    return waves;
  };
}

/** The ingest options every reading command derives the same way from its command-line options. */
export function ingestOptions(
  o: InputRequest,
  codebook: CompiledCodebook,
  registry: AreaRegistry,
  rejects: RejectWriter | undefined,
): IngestOptions {
  if (o.weights) checkWeightColumn(o.weight, codebook);
  const columns = o.columns !== undefined ? resolveColumnMap(o.columns, codebook.codebook) : undefined;
  return {
    codebook,
    registry,
    idScope: o.idScope,
    ...(columns ? { columnMap: columns.map, columnNames: columns.names } : {}),
    ...(o.assignWave !== undefined ? { assignWaves: assignWavesFor(o.assignWave) } : {}),
    weightColumn: o.weights ? o.weight : null,
    // the default name may be absent (every weight is then 1); a column the user named must exist
    weightRequired: o.weights && o.weight !== 'weight',
    ...(rejects ? { rejects } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(o.headerRow !== undefined ? { headerRow: o.headerRow } : {}),
  };
}
