import { EXIT } from '../errors.js';
import { emit, useColour, type Io } from '../io.js';
import type { AnalyseResult } from '../pipeline/analyse-result.js';
import { SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { buildEstimates, groupReturns, groupSurvey, profileGroupings, selectIndicators, validateGroupings } from '../pipeline/build-estimates.js';
import { describeDesign } from '../pipeline/design.js';
import { formatAccountingLine } from '../pipeline/format-accounting.js';
import { groupLabeller } from '../pipeline/group-label.js';
import { loadSurvey } from '../pipeline/load-survey.js';
import { estimateOptionsSchema, parseOptions } from '../pipeline/parse-options.js';
import { compareWaves } from '../aggregate/group-tallies.js';
import { renderAnalyse } from '../render/render-analyse.js';

/** `analyse`: every indicator by wave and group, with bases, CIs and flags. */
export async function runAnalyse(raw: Record<string, unknown>, io: Io): Promise<number> {
  // `--no-ci` and `--ci <method>` share one commander key: false hides intervals, a string picks the method.
  const showCi = raw.ci !== false;
  const o = parseOptions(estimateOptionsSchema, { ...raw, ci: raw.ci === false ? 'wilson' : raw.ci });
  const { result, survey, label } = await analyseSurvey(o, io);
  const text = renderAnalyse(result, {
    format: o.format, colour: useColour(io, o.color), showCi, showBase: raw.showBase === true,
    codebook: survey.codebook, label, accountingLine: formatAccountingLine(result.accounting),
  });
  await emit(io, text, o.output);
  return EXIT.ok;
}

/** The shared front half of analyse, compare, targets and report: load, group, estimate. */
export async function analyseSurvey(o: ReturnType<typeof estimateOptionsSchema.parse>, io: Io) {
  const { loadCodebook } = await import('../codebook/load-codebook.js');
  const groupings = validateGroupings(loadCodebook(o.codebook).codebook, o.by);
  const codebookForSelection = loadCodebook(o.codebook).codebook;
  const indicators = selectIndicators(codebookForSelection, o.indicators);
  const survey = await loadSurvey(o, io, { profileKeys: profileGroupings(codebookForSelection, groupings), ...(o.wave ? { waves: o.wave } : {}) });
  const grouped = groupSurvey(survey, groupings);
  const estimateOptions = { ci: o.ci, level: o.level, minBase: o.minBase, indicativeBase: o.indicativeBase };
  const estimates = buildEstimates(survey.codebook, grouped, indicators, estimateOptions);
  const waves = [...new Set(estimates.map((e) => e.wave))].sort(compareWaves);
  const result: AnalyseResult = {
    schemaVersion: SCHEMA_VERSION,
    design: describeDesign(survey, estimateOptions, groupings, o.areas),
    accounting: survey.accounting,
    files: survey.files.map((f) => ({ file: f.label, encoding: f.encoding, separator: f.separator === '\t' ? 'tab' : f.separator, rows: f.read, itemsAbsent: f.itemsAbsent })),
    waves,
    estimates,
    returns: groupReturns(survey, grouped),
  };
  return { result, survey, grouped, indicators, estimateOptions, label: groupLabeller(survey.registry) };
}
