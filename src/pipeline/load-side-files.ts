import { loadAreas, type AreaRegistry } from '../areas/load-areas.js';
import type { Codebook } from '../codebook/schema.js';
import { parseTargetsFile } from '../compare/parse-targets-file.js';
import { type PublishedBaseline } from '../types/index.js';
import { readSideText } from '../io/small-csv.js';
import type { InputRequest } from '../options/request.js';
import type { MarginsFile } from '../weighting/margins-file.js';
import { loadMargins } from './load-margins.js';

/** Every side file of a run, read and validated before the first survey row. */
export interface SideFiles {
  registry: AreaRegistry;
  /** with --rake: the population margins */
  margins?: MarginsFile;
  /** with --targets: the published baselines */
  targets?: { file: string; baselines: PublishedBaseline[] };
}

/**
 * Read the area registry, the margins and the targets file up front, so that a mistyped side file fails in
 * milliseconds instead of after the whole survey has been read.
 */
export async function loadSideFiles(
  o: InputRequest & { targets?: string | undefined },
  codebook: Codebook,
): Promise<SideFiles> {
  const registry = loadAreas(o.areas);
  const side: SideFiles = { registry };
  if (o.rake || o.margins) side.margins = await loadMargins(o, codebook, registry);
  if (o.targets) {
    const text = readSideText(o.targets, 'targets');
    side.targets = { file: o.targets, baselines: parseTargetsFile(text, o.targets, codebook, registry.areas) };
  }
  return side;
}
