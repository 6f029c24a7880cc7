import type { Inference } from '../types/index.js';
import { AREA_GROUPINGS, groupTallies } from '../aggregate/group-tallies.js';
import { areaTests } from '../compare/area-tests.js';
import { compareWaves } from '../compare/compare-waves.js';
import { findings } from '../compare/findings.js';
import { publishedTargets } from '../compare/published-targets.js';
import { surveyTargets, targetIndicators } from '../compare/survey-targets.js';
import { SURVEY_UPLIFT_LABEL } from '../format/target-labels.js';
import { typeTests } from '../compare/type-tests.js';
import type { EstimateOptions } from '../estimate/estimate-tally.js';
import type { GroupTallies } from '../types/index.js';
import type { GroupedSurvey } from './build-estimates.js';
import type { LoadedSurvey } from './load-survey.js';
import type { AnalysisRequest } from '../options/request.js';
import type { SideFiles } from './load-side-files.js';
import type { WavePlan } from './wave-plan.js';

export interface InferenceRequest {
  comparisons: boolean;
  typeTests: boolean;
  areaTests: boolean;
  targets: boolean;
  findings: boolean;
  /** the area groupings to judge targets for; default all and type (issue 5); `targets` passes its --by */
  targetGroupBys?: string[];
}

/**
 * The tests of issue 5 on top of the estimates: wave changes, type and area differences, target verdicts and
 * the findings that the significant ones support. Pure arithmetic lives in src/compare and src/estimate.
 */
export function buildInference(
  s: LoadedSurvey,
  grouped: GroupedSurvey,
  indicators: number[],
  eo: EstimateOptions,
  o: AnalysisRequest,
  want: InferenceRequest,
  side: SideFiles,
  plan: WavePlan,
): Inference {
  const out: Inference = {};
  const allGroups: GroupTallies[] = grouped.levels.flatMap((l) => l.groups);
  const level = (groupBy: string) =>
    grouped.levels.find((l) => l.groupBy === groupBy)?.groups ??
    groupTallies(s.store, s.registry, s.codebook, groupBy, plan.order);
  const neighbourhoods = level('neighbourhood');
  const tests = { ...eo, alpha: o.alpha, adjust: o.adjust, indicators };
  const pair = plan.pair;
  if (want.comparisons && pair) {
    out.comparisons = compareWaves(allGroups, s.codebook, { ...tests, from: pair[0], to: pair[1] });
    out.comparisonDesign = {
      from: pair[0],
      to: pair[1],
      alpha: o.alpha,
      adjustment: o.adjust,
      family: 'one indicator × one grouping level × one pair of waves',
    };
  }
  const types = new Set(s.registry.areas.map((a) => a.type));
  if (want.typeTests && types.size >= 2) out.typeTests = typeTests(neighbourhoods, s.codebook, s.registry.areas, tests);
  if (want.areaTests) out.areaTests = areaTests(neighbourhoods, s.codebook, s.registry.areas, tests);
  if (want.targets)
    Object.assign(out, buildTargets(s, level, plan, eo, o, indicators, want.targetGroupBys ?? ['all', 'type'], side));
  if (want.findings)
    out.findings = findings({ comparisons: out.comparisons, typeTests: out.typeTests, areaTests: out.areaTests });
  return out;
}

function buildTargets(
  s: LoadedSurvey,
  level: (groupBy: string) => GroupTallies[],
  plan: WavePlan,
  eo: EstimateOptions,
  o: AnalysisRequest,
  indicators: number[],
  groupBys: string[],
  side: SideFiles,
): Pick<Inference, 'targets' | 'targetDesign'> {
  const areaLevels = ['all', 'type', 'district', 'neighbourhood'].flatMap(level);
  const targetOpts = { ...eo, uplift: o.uplift, rule: o.targetRule, alpha: o.alpha, adjust: o.adjust };
  const ruleWords =
    o.targetRule === 'points'
      ? `+${o.uplift} percentage points on the baseline`
      : `×${1 + o.uplift / 100} of the baseline (+${o.uplift}% relative)`;
  if (side.targets) {
    // the plan has checked --to against the data and kept a suspect wave from being the current one by default
    const currentWave = plan.pair?.[1] ?? o.to ?? plan.order.at(-1);
    if (!currentWave) return {};
    const { baselines, file } = side.targets;
    return {
      targets: publishedTargets(areaLevels, s.codebook, s.registry.areas, baselines, { ...targetOpts, currentWave }),
      targetDesign: {
        mode: 'published-baseline',
        label: `Published baselines from ${file} (fixed values with no sampling error of their own)`,
        rule: o.targetRule,
        uplift: o.uplift,
        baselineWave: null,
        currentWave,
        note: `target rule: ${ruleWords}`,
      },
    };
  }
  const pair = plan.pair;
  if (!pair) return {};
  // NI1, NI2 and NI4 by default; any indicator the user names with --indicators instead
  const chosen = o.indicators ? indicators : targetIndicators(s.codebook);
  return {
    targets: surveyTargets(areaLevels, s.codebook, {
      ...targetOpts,
      baselineWave: pair[0],
      currentWave: pair[1],
      indicators: chosen,
      groupBys,
    }),
    targetDesign: {
      mode: 'survey-uplift',
      label: SURVEY_UPLIFT_LABEL,
      rule: o.targetRule,
      uplift: o.uplift,
      baselineWave: pair[0],
      currentWave: pair[1],
      note: `target rule: ${ruleWords}; the verdict tests the change, since the baseline wave is itself an estimate`,
    },
  };
}

/** Targets are for the area groupings asked for with --by (all and type by default), never profile groups. */
export function targetGroupBys(by: string[]): string[] {
  // --by matches case-insensitively (validateGroupings); the area groupings are spelt in lower case
  const levels = [...new Set(by.map((g) => g.trim().toLowerCase()))].filter((g) =>
    (AREA_GROUPINGS as readonly string[]).includes(g),
  );
  return levels.length ? levels : ['all', 'type'];
}
