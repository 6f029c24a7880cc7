import { AREA_GROUPINGS } from '../aggregate/group-tallies.js';
import { planWaves } from './wave-plan.js';
import type { LoadedSurvey } from './load-survey.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import type { PlanBaseline } from '../compare/plan-returns.js';
import { targetIndicators } from '../compare/survey-targets.js';
import { UsageError } from '../errors.js';
import { formatPercent } from '../format/format-number.js';
import type { Io } from '../io/console.js';
import type { PlanRequest } from '../options/plan-request.js';
import type { Accounting, GroupLabel } from '../types/index.js';
import { buildEstimates, groupReturns, groupSurvey, selectIndicators } from './build-estimates.js';
import { groupLabeller } from './group-label.js';
import { loadSideFiles } from './load-side-files.js';
import { loadSurvey } from './load-survey.js';

export interface PlanBaselines {
  baselines: PlanBaseline[];
  fromWave: string | null;
  /** the design effect and the response rate in words, for the design block */
  deffWords: string;
  rateWords: string;
  groupings: string[];
  label: GroupLabel;
  /** with files: the row accounting and the codebook's short labels */
  accounting?: Accounting;
  itemLabel: (id: string) => string;
}

/** `--baseline 73.9`: one figure, no survey files; anything that only makes sense with files is refused. */
function givenBaseline(o: PlanRequest & { baseline: number }): PlanBaselines {
  const clash = [
    o.files.length ? 'survey files' : '',
    o.from !== undefined ? '--from' : '',
    o.indicators ? '--indicators' : '',
    o.by.some((g) => g !== 'all') ? `--by ${o.by.join(',')}` : '',
    o.rake ? '--rake' : '',
  ].filter(Boolean);
  if (clash.length)
    throw new UsageError(
      `--baseline gives one figure, so it cannot be combined with ${clash.join(', ')}; give either ` +
        `--baseline or survey files (with --from)`,
    );
  const baseline: PlanBaseline = {
    indicator: null,
    ni: null,
    groupBy: 'all',
    group: 'all',
    percent: o.baseline,
    nEff: null,
    unweightedBase: null,
    deff: o.deff ?? 1,
    responseRate: o.responseRate ?? null,
  };
  return {
    baselines: [baseline],
    fromWave: null,
    groupings: ['all'],
    deffWords:
      o.deff === undefined ? '1 (the default with --baseline: no weighting, no clustering)' : `${o.deff} (--deff)`,
    rateWords:
      o.responseRate === undefined
        ? 'none given (--response-rate), so no mailing figure'
        : `${formatPercent(100 * o.responseRate)}% (--response-rate)`,
    label: () => `Baseline ${formatPercent(o.baseline)}%`,
    itemLabel: (id) => id,
  };
}

/**
 * The baselines `plan` starts from: the --baseline figure, or each group's estimate in the --from wave of the
 * survey files (the bundled samples when none are named), with its effective n, the level's mean Kish design
 * effect and the group's response rate (returns ÷ mailed) unless --deff and --response-rate say otherwise.
 */
/** The first wave in order, refused when the labels give no order or it is a suspect (stray) wave. */
function firstWave(counts: LoadedSurvey['waveCounts'], waveOrder: string | undefined): string | undefined {
  const plan = planWaves(counts, { waveOrder });
  const first = plan.order[0];
  const stray = plan.suspects.find((s) => s.label === first);
  if (stray && waveOrder === undefined)
    throw new UsageError(
      `${stray.message} It would be the baseline wave by default. Fix the cell, or choose the wave with --from`,
    );
  return first;
}

export async function planBaselines(o: PlanRequest, io: Io): Promise<PlanBaselines> {
  if (o.baseline !== undefined) return givenBaseline({ ...o, baseline: o.baseline });
  const loaded = loadCodebook(o.codebook);
  const { codebook } = loaded;
  for (const g of o.by)
    if (!(AREA_GROUPINGS as readonly string[]).includes(g))
      throw new UsageError(`plan --by ${g}: plan works on area groupings only. Valid: ${AREA_GROUPINGS.join(', ')}`);
  const groupings = o.by.length ? [...new Set(o.by)] : ['all'];
  const indicators = o.indicators ? selectIndicators(codebook, o.indicators) : targetIndicators(codebook);
  const side = await loadSideFiles(o, codebook);
  const survey = await loadSurvey(o, io, { codebook: loaded, side });
  const waves = survey.waveCounts.map((w) => w.label);
  if (o.from !== undefined && !waves.includes(o.from))
    throw new UsageError(`--from ${o.from}: no such wave in the data (waves: ${waves.join(', ')})`);
  // the default is the first wave of the resolved order (wave-order.ts): a refusal when the labels give none
  const fromWave = o.from ?? firstWave(survey.waveCounts, o.waveOrder);
  if (fromWave === undefined)
    throw new UsageError('plan found no wave in the data; give survey files with returns, or --baseline');
  const grouped = groupSurvey(survey, groupings);
  grouped.levels.forEach((l) => (l.groups = l.groups.filter((g) => g.wave === fromWave)));
  const estimates = buildEstimates(codebook, grouped, indicators, {
    ci: 'wilson',
    level: 0.95,
    minBase: o.minBase,
    indicativeBase: o.minBase,
  });
  const returns = groupReturns(survey, grouped, o.areas !== undefined);
  const meanDeff = new Map<string, number>();
  for (const groupBy of groupings)
    for (const k of indicators) {
      const id = codebook.items[k]!.id;
      const ds = estimates.filter(
        (e) => e.groupBy === groupBy && e.indicator === id && e.percent !== null && e.deff !== null,
      );
      meanDeff.set(`${groupBy}|${id}`, ds.length ? ds.reduce((s, e) => s + e.deff!, 0) / ds.length : 1);
    }
  const baselines = estimates
    .filter((e) => e.flag !== 'no-data')
    .map((e): PlanBaseline => {
      const rr = returns.find((r) => r.groupBy === e.groupBy && r.group === e.group)?.responseRate ?? null;
      return {
        indicator: e.indicator,
        ni: e.ni,
        groupBy: e.groupBy,
        group: e.group,
        percent: e.percent,
        nEff: e.nEff,
        unweightedBase: e.unweightedBase,
        deff: o.deff ?? meanDeff.get(`${e.groupBy}|${e.indicator}`) ?? 1,
        responseRate: o.responseRate ?? (rr === null ? null : rr / 100),
      };
    });
  const anyRate = baselines.some((b) => b.responseRate !== null);
  const byId = new Map(codebook.items.map((it) => [it.id, it]));
  return {
    baselines,
    fromWave,
    groupings,
    label: groupLabeller(survey.registry),
    accounting: survey.accounting,
    deffWords:
      o.deff === undefined
        ? `the mean Kish design effect (n ÷ n_eff) of the groups of each level in wave ${fromWave}`
        : `${o.deff} (--deff)`,
    rateWords:
      o.responseRate !== undefined
        ? `${formatPercent(100 * o.responseRate)}% (--response-rate)`
        : anyRate
          ? `each group's returns ÷ questionnaires mailed in wave ${fromWave} (the registry's mailed column)`
          : 'unknown: the registry has no mailed column for these files and no --response-rate was ' +
            'given, so no mailing figure',
    itemLabel: (id) => {
      const it = byId.get(id);
      return it ? `${it.shortLabel}${it.ni ? ` (${it.ni})` : ''}` : id;
    },
  };
}
