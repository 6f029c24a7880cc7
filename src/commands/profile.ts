import { matchArea, suggestArea, type AreaRegistry } from '../areas/area-registry.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import { EXIT, UsageError } from '../errors.js';
import { emit, outputWidth, useColour, widthOf, type Io } from '../io/console.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { loadSideFiles } from '../pipeline/load-side-files.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { areaProfile, profileTable, renderProfileMd, renderProfileText } from '../render/render-profile.js';
import { renderProfileHtml } from '../report/html-profile.js';
import { SAMPLES_NOTICE } from '../report/render-report-html.js';
import type { Area } from '../types/index.js';

/** The registry area named by code, name or alias; a usage error with a suggestion otherwise. */
export function resolveArea(registry: AreaRegistry, name: string): Area {
  const area = matchArea(registry, name);
  if (area) return area;
  const guess = suggestArea(registry, name);
  throw new UsageError(
    `unknown area "${name}"${guess ? `; did you mean "${guess}"?` : '.'} ` +
      `Give a code, name or alias from ${registry.source}.`,
  );
}

/** The inference a profile (and report --profile) needs: changes and area tests at the neighbourhood level. */
export const PROFILE_GROUPINGS = ['all', 'neighbourhood'];

/**
 * `profile <area> [files…]`: every indicator for one surveyed area, both waves, the change with its CI and the
 * area against the rest of the surveyed areas, from the same inference as analyse --by neighbourhood.
 */
export async function runProfile(raw: Record<string, unknown>, io: Io): Promise<number> {
  const [name, ...files] = (raw.files as string[] | undefined) ?? [];
  if (!name) throw new UsageError('profile needs an area: sc-survey profile <area> [files…]');
  const out = parseCommandOptions('profile', { ...raw, files });
  const { request: o } = analysisRequest({ ...raw, files });
  const side = await loadSideFiles(o, loadCodebook(o.codebook).codebook);
  const wanted = resolveArea(side.registry, name);
  const want = { comparisons: true, typeTests: false, areaTests: true, targets: false, findings: false };
  const { result, survey } = await runAnalysis({ ...o, by: PROFILE_GROUPINGS }, io, want);
  const area = survey.registry.areas.find((a) => a.code === wanted.code) ?? wanted;
  const pr = areaProfile(result, area);
  if (!pr.estimates.length) throw new UsageError(`no returns from ${area.name} (${area.code}) in the data`);
  const t = profileTable(pr, survey.codebook, o.level);
  let text: string;
  if (out.format === 'json') {
    const { schemaVersion, design, accounting, comparisonDesign } = result;
    text = `${JSON.stringify({ schemaVersion, design, accounting, comparisonDesign, ...pr }, null, 2)}\n`;
  } else if (out.format === 'md') text = renderProfileMd(t);
  else if (out.format === 'html')
    text = renderProfileHtml(pr, t, survey.codebook, o.level, survey.usedSamples ? SAMPLES_NOTICE : undefined);
  else text = renderProfileText(t, useColour(io, out.color), widthOf(outputWidth(io, out.output)).width);
  await emit(io, text, out.output);
  return EXIT.ok;
}
