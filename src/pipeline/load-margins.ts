import type { AreaRegistry } from '../areas/area-registry.js';
import type { Codebook } from '../codebook/schema.js';
import { DataError, UsageError } from '../errors.js';
import type { Issue } from '../types/index.js';
import { parseMarginsFile, type MarginsFile } from '../weighting/margins-file.js';
import { checkWeightingOptions, type WeightingOptions } from '../options/weighting-options.js';
import { readSideText } from '../io/small-csv.js';

export const issueLine = (i: Issue) =>
  `  ${i.file}${i.line > 0 ? `:${i.line}` : ''}: ${i.message}${i.suggestion ? ` (${i.suggestion})` : ''}`;

/** Check the --rake options and read the margins file; every problem in it is listed with its line. */
export async function loadMargins(
  o: WeightingOptions,
  codebook: Codebook,
  registry: AreaRegistry,
): Promise<MarginsFile> {
  const problems = checkWeightingOptions(o, Object.keys(codebook.profiles));
  if (problems.length) throw new UsageError(problems.join('; '));
  const text = readSideText(o.margins ?? '', 'margins');
  const categories = Object.fromEntries(
    Object.entries(codebook.profiles).map(([k, cats]) => [k, cats.map((c) => c.label)]),
  );
  const parsed = parseMarginsFile(text, o.margins ?? '', {
    variables: o.rake ?? [],
    areas: registry.areas,
    categories,
  });
  if (!parsed.margins)
    throw new DataError(
      `the margins file ${o.margins} has ${parsed.issues.length} error(s); nothing was ` +
        `weighted:\n${parsed.issues.map(issueLine).join('\n')}`,
    );
  return parsed.margins;
}
