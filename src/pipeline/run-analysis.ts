import { loadCodebook } from '../codebook/load-codebook.js';
import type { Io } from '../io/console.js';
import type { AnalysisRequest } from '../options/request.js';
import type { AnalyseResult } from '../types/index.js';
import { fileInfos, SCHEMA_VERSION } from './analyse-result.js';
import {
  buildEstimates,
  groupReturns,
  groupSurvey,
  profileGroupings,
  selectIndicators,
  validateGroupings,
} from './build-estimates.js';
import { describeDesign } from './design.js';
import { groupLabeller } from './group-label.js';
import { buildInference, type InferenceRequest } from './inference.js';
import { loadSideFiles } from './load-side-files.js';
import { loadSurvey } from './load-survey.js';
import { planWaves } from './wave-plan.js';
import { areaCoverageWarnings, singleAreaGroupWarnings, surveyedByWave } from './area-coverage.js';
import { netInference } from './net-inference.js';
import { crossedGroupings, crosstabInference } from './crosstab-inference.js';

/**
 * The one driver behind analyse, compare, targets and report: side files first (so a mistyped one fails in
 * milliseconds), then ingest + aggregate, weighting, estimates and the tests asked for. No rendering.
 */
export async function runAnalysis(o: AnalysisRequest, io: Io, want: InferenceRequest) {
  const loaded = loadCodebook(o.codebook);
  const { codebook } = loaded;
  const groupings = validateGroupings(codebook, o.by);
  crossedGroupings(groupings, o.letters);
  const indicators = selectIndicators(codebook, o.indicators);
  const side = await loadSideFiles(o, codebook);
  const survey = await loadSurvey(o, io, {
    codebook: loaded,
    side,
    profileKeys: profileGroupings(codebook, groupings),
    ...(o.wave ? { waves: o.wave } : {}),
    poolAreas: true,
    ...(o.areaWeights ? { areaWeights: o.areaWeights } : {}),
  });
  const plan = planWaves(survey.waveCounts, o);
  // the pair compared: a suspect wave (a stray cell) or a wave outside the pair would only add noise
  const surveyed = surveyedByWave(survey.store.cells.values());
  for (const w of areaCoverageWarnings(surveyed, plan.pair ?? [], survey.registry)) io.stderr.write(`warning: ${w}\n`);
  for (const w of singleAreaGroupWarnings(surveyed, groupings, survey.registry)) io.stderr.write(`note: ${w}\n`);
  const grouped = groupSurvey(survey, groupings, plan.order);
  const estimateOptions = { ci: o.ci, level: o.level, minBase: o.minBase, indicativeBase: o.indicativeBase };
  const estimates = buildEstimates(survey.codebook, grouped, indicators, estimateOptions, o.net);
  const inference = buildInference(survey, grouped, indicators, estimateOptions, o, want, side, plan);
  const result: AnalyseResult = {
    schemaVersion: SCHEMA_VERSION,
    design: {
      ...describeDesign(survey, estimateOptions, groupings, o.areas),
      targetRule:
        o.targetRule === 'points'
          ? `points: +${o.uplift} percentage points on the baseline`
          : `relative: ×${1 + o.uplift / 100} of the baseline`,
      ...(survey.areaWeights ? { areaWeights: survey.areaWeights } : {}),
      adjustment: o.adjust,
      alpha: o.alpha,
    },
    accounting: survey.accounting,
    files: fileInfos(survey.files),
    waves: plan.order,
    waveOrder: { order: plan.order, basis: plan.basis },
    suspectWaves: plan.suspects.map(({ label, rows, lines, nearest, message }) => ({
      wave: label,
      rows,
      lines,
      nearest,
      message,
    })),
    estimates,
    returns: groupReturns(survey, grouped, o.areas !== undefined),
    ...(survey.weighting ? { weighting: survey.weighting } : {}),
    ...inference,
    ...(o.net ? netInference(survey.codebook, grouped, indicators, estimateOptions, o, inference) : {}),
    ...(o.letters ? crosstabInference(estimates, groupings, o) : {}),
  };
  return { result, survey, label: groupLabeller(survey.registry) };
}
