import type { Inference } from '../types/index.js';
import { AREA_GROUPINGS, compareWaves as sortWaves, groupTallies } from '../aggregate/group-tallies.js';
import { areaTests } from '../compare/area-tests.js';
import { compareWaves } from '../compare/compare-waves.js';
import { findings } from '../compare/findings.js';
import { publishedTargets } from '../compare/published-targets.js';
import { surveyTargets, targetIndicators } from '../compare/survey-targets.js';
import { SURVEY_UPLIFT_LABEL } from '../format/target-labels.js';
import { typeTests } from '../compare/type-tests.js';
import { UsageError } from '../errors.js';
import type { EstimateOptions } from '../estimate/estimate-tally.js';
import type { GroupTallies } from '../types/index.js';
import type { GroupedSurvey } from './build-estimates.js';
import type { LoadedSurvey } from './load-survey.js';
import type { AnalysisRequest } from '../options/request.js';
import type { SideFiles } from './load-side-files.js';

export interface InferenceRequest {
  comparisons: boolean;
  typeTests: boolean;
  areaTests: boolean;
  targets: boolean;
  findings: boolean;
  /** the area groupings to judge targets for; default all and type (issue 5); `targets` passes its --by */
  targetGroupBys?: string[];
}

/** Resolve the two waves to compare: the named ones, else the earliest and the latest present. */
export function resolveWaves(waves: string[], from: string | undefined, to: string | undefined, what: [string, string] = ['--from', '--to']): [string, string] | undefined {
  const sorted = [...waves].sort(sortWaves);
  for (const [w, name] of [[from, what[0]], [to, what[1]]] as const)
    if (w !== undefined && !sorted.includes(w)) throw new UsageError(`${name} ${w}: no such wave in the data (waves: ${sorted.join(', ')})`);
  if (from !== undefined && from === to) throw new UsageError(`${what[0]} and ${what[1]} both name wave ${from}; name two different waves`);
  const a = from ?? sorted[0];
  const b = to ?? sorted[sorted.length - 1];
  if (a === undefined || b === undefined || a === b) return undefined;
  // Changes are later minus earlier; numbered waves given the wrong way round would flip every sign.
  if (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) && Number(a) > Number(b))
    throw new UsageError(`${what[0]} ${a} comes after ${what[1]} ${b}; give the earlier wave first`);
  return [a, b];
}

/**
 * The tests of issue 5 on top of the estimates: wave changes, type and area differences, target verdicts and
 * the findings that the significant ones support. Pure arithmetic lives in src/compare and src/estimate.
 */
export function buildInference(
  s: LoadedSurvey, grouped: GroupedSurvey, indicators: number[], eo: EstimateOptions, o: AnalysisRequest, want: InferenceRequest, side: SideFiles,
): Inference {
  const out: Inference = {};
  const allGroups: GroupTallies[] = grouped.levels.flatMap((l) => l.groups);
  const level = (groupBy: string) => grouped.levels.find((l) => l.groupBy === groupBy)?.groups ?? groupTallies(s.store, s.registry, s.codebook, groupBy);
  const neighbourhoods = level('neighbourhood');
  const waves = [...new Set(neighbourhoods.map((g) => g.wave))].sort(sortWaves);
  const tests = { ...eo, alpha: o.alpha, adjust: o.adjust, indicators };
  const pair = resolveWaves(waves, o.from, o.to);
  if (want.comparisons && pair) {
    out.comparisons = compareWaves(allGroups, s.codebook, { ...tests, from: pair[0], to: pair[1] });
    out.comparisonDesign = { from: pair[0], to: pair[1], alpha: o.alpha, adjustment: o.adjust, family: 'one indicator × one grouping level × one pair of waves' };
  }
  const types = new Set(s.registry.areas.map((a) => a.type));
  if (want.typeTests && types.size >= 2) out.typeTests = typeTests(neighbourhoods, s.codebook, s.registry.areas, tests);
  if (want.areaTests) out.areaTests = areaTests(neighbourhoods, s.codebook, s.registry.areas, tests);
  if (want.targets) Object.assign(out, buildTargets(s, level, waves, eo, o, indicators, want.targetGroupBys ?? ['all', 'type'], side));
  if (want.findings)
    out.findings = findings({ comparisons: out.comparisons, typeTests: out.typeTests, areaTests: out.areaTests });
  return out;
}

function buildTargets(
  s: LoadedSurvey, level: (groupBy: string) => GroupTallies[], waves: string[], eo: EstimateOptions, o: AnalysisRequest, indicators: number[],
  groupBys: string[], side: SideFiles,
): Pick<Inference, 'targets' | 'targetDesign'> {
  const areaLevels = ['all', 'type', 'district', 'neighbourhood'].flatMap(level);
  const targetOpts = { ...eo, uplift: o.uplift, rule: o.targetRule, alpha: o.alpha, adjust: o.adjust };
  const ruleWords = o.targetRule === 'points' ? `+${o.uplift} percentage points on the baseline` : `×${1 + o.uplift / 100} of the baseline (+${o.uplift}% relative)`;
  if (side.targets) {
    const currentWave = o.currentWave ?? [...waves].sort(sortWaves).at(-1);
    if (!currentWave) return {};
    if (!waves.includes(currentWave)) throw new UsageError(`--current-wave ${currentWave}: no such wave in the data (waves: ${waves.join(', ')})`);
    const { baselines, file } = side.targets;
    return {
      targets: publishedTargets(areaLevels, s.codebook, s.registry.areas, baselines, { ...targetOpts, currentWave }),
      targetDesign: {
        mode: 'published-baseline', label: `Published baselines from ${file} (fixed values with no sampling error of their own)`,
        rule: o.targetRule, uplift: o.uplift, baselineWave: null, currentWave, note: `target rule: ${ruleWords}`,
      },
    };
  }
  const pair = resolveWaves(waves, o.baselineWave, o.currentWave, ['--baseline-wave', '--current-wave']);
  if (!pair) return {};
  // NI1, NI2 and NI4 by default; any indicator the user names with --indicators instead
  const chosen = o.indicators ? indicators : targetIndicators(s.codebook);
  return {
    targets: surveyTargets(areaLevels, s.codebook, { ...targetOpts, baselineWave: pair[0], currentWave: pair[1], indicators: chosen, groupBys }),
    targetDesign: {
      mode: 'survey-uplift', label: SURVEY_UPLIFT_LABEL, rule: o.targetRule, uplift: o.uplift, baselineWave: pair[0], currentWave: pair[1],
      note: `target rule: ${ruleWords}; the verdict tests the change, since the baseline wave is itself an estimate`,
    },
  };
}

/** Targets are for the area groupings asked for with --by (all and type by default), never profile groups. */
export function targetGroupBys(by: string[]): string[] {
  const levels = by.filter((g) => (AREA_GROUPINGS as readonly string[]).includes(g));
  return levels.length ? levels : ['all', 'type'];
}
