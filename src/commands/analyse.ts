import { EXIT } from '../errors.js';
import { emit, useColour, type Io } from '../io.js';
import type { AnalyseResult } from '../pipeline/analyse-result.js';
import { fileInfos, SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { buildEstimates, groupReturns, groupSurvey, profileGroupings, selectIndicators, validateGroupings } from '../pipeline/build-estimates.js';
import { describeDesign } from '../pipeline/design.js';
import { formatAccountingLine } from '../pipeline/format-accounting.js';
import { groupLabeller } from '../pipeline/group-label.js';
import { buildInference, type InferenceRequest } from '../pipeline/inference.js';
import { loadSurvey } from '../pipeline/load-survey.js';
import { parseOptions, targetOptionsSchema, type TargetCliOptions } from '../pipeline/parse-options.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import { compareWaves } from '../aggregate/group-tallies.js';
import { inferenceSections, sectionMarkdown, sectionText } from '../render/render-inference.js';
import { renderAnalyse } from '../render/render-analyse.js';

/** `--no-ci` and `--ci <method>` share one commander key: false hides intervals, a string picks the method. */
export function parseAnalyseOptions(raw: Record<string, unknown>): { o: TargetCliOptions; showCi: boolean } {
  return { o: parseOptions(targetOptionsSchema, { ...raw, ci: raw.ci === false ? 'wilson' : raw.ci }), showCi: raw.ci !== false };
}

/** `analyse`: every indicator by wave and group, then (with two waves) changes, targets, type tests and findings. */
export async function runAnalyse(raw: Record<string, unknown>, io: Io): Promise<number> {
  const { o, showCi } = parseAnalyseOptions(raw);
  const { result, survey, label } = await analyseSurvey(o, io, { comparisons: true, typeTests: true, areaTests: true, targets: true, findings: true });
  const sections = inferenceSections(result, survey.codebook, label, o.level).map((s) => ({ table: (c: boolean) => sectionText(s, c), md: () => sectionMarkdown(s) }));
  const text = renderAnalyse(result, {
    format: o.format, colour: useColour(io, o.color), showCi, showBase: raw.showBase === true,
    codebook: survey.codebook, label, accountingLine: formatAccountingLine(result.accounting), sections,
  });
  await emit(io, text, o.output);
  return targetExit(result, o);
}

/** Exit 3 only with --fail-on-missed-target and only when some verdict is `missed`. */
export function targetExit(result: { targets?: { verdict: string | null }[] }, o: { failOnMissedTarget: boolean }): number {
  return o.failOnMissedTarget && (result.targets ?? []).some((t) => t.verdict === 'missed') ? EXIT.targetMissed : EXIT.ok;
}

/** The shared front half of analyse, compare, targets and report: load, group, estimate, test. */
export async function analyseSurvey(o: TargetCliOptions, io: Io, want: InferenceRequest) {
  const loaded = loadCodebook(o.codebook);
  const { codebook } = loaded;
  const groupings = validateGroupings(codebook, o.by);
  const indicators = selectIndicators(codebook, o.indicators);
  const survey = await loadSurvey(o, io, { codebook: loaded, profileKeys: profileGroupings(codebook, groupings), ...(o.wave ? { waves: o.wave } : {}) });
  const grouped = groupSurvey(survey, groupings);
  const estimateOptions = { ci: o.ci, level: o.level, minBase: o.minBase, indicativeBase: o.indicativeBase };
  const estimates = buildEstimates(survey.codebook, grouped, indicators, estimateOptions);
  const waves = [...new Set(estimates.map((e) => e.wave))].sort(compareWaves);
  const inference = buildInference(survey, grouped, indicators, estimateOptions, o, want);
  const result: AnalyseResult = {
    schemaVersion: SCHEMA_VERSION,
    design: {
      ...describeDesign(survey, estimateOptions, groupings, o.areas),
      targetRule: o.targetRule === 'points' ? `points: +${o.uplift} percentage points on the baseline` : `relative: ×${1 + o.uplift / 100} of the baseline`,
      adjustment: o.adjust ? 'holm' : 'none',
      alpha: o.alpha,
    },
    accounting: survey.accounting,
    files: fileInfos(survey.files),
    waves,
    estimates,
    returns: groupReturns(survey, grouped, o.areas !== undefined),
    ...(survey.weighting ? { weighting: survey.weighting } : {}),
    ...inference,
  };
  return { result, survey, grouped, indicators, estimateOptions, label: groupLabeller(survey.registry) };
}
