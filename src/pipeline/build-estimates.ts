import type { GroupReturns } from '../types/index.js';
import { crossParts, crossTallies } from '../aggregate/cross-tallies.js';
import { AREA_GROUPINGS, groupTallies } from '../aggregate/group-tallies.js';
import type { Codebook } from '../codebook/schema.js';
import { UsageError } from '../errors.js';
import { estimateNet } from '../estimate/estimate-net.js';
import { estimateTally, type EstimateOptions } from '../estimate/estimate-tally.js';
import type { Estimate, GroupTallies } from '../types/index.js';
import type { LoadedSurvey } from './load-survey.js';
import { surveyedByWave } from './area-coverage.js';

/** Resolve `--indicators` (ids or NI names) to codebook item indexes; unknown names are a usage error. */
export function selectIndicators(codebook: Codebook, wanted: string[] | undefined): number[] {
  if (!wanted || wanted.length === 0) return codebook.items.map((_, i) => i);
  const out: number[] = [];
  for (const w of wanted) {
    const i = codebook.items.findIndex(
      (it) => it.id.toLowerCase() === w.toLowerCase() || (it.ni ?? '').toLowerCase() === w.toLowerCase(),
    );
    if (i < 0)
      throw new UsageError(
        `unknown indicator "${w}". Valid: ` +
          `${codebook.items.map((it) => (it.ni ? `${it.id} (${it.ni})` : it.id)).join(', ')}`,
      );
    if (!out.includes(i)) out.push(i);
  }
  return out;
}

/**
 * Check `--by` against the area groupings and the codebook's profile columns, matching case-insensitively (as
 * `--indicators` does) and giving each the registry's spelling. A two-way grouping joins two of them with `*` (or
 * `:`), e.g. `type*age_band`, and is returned as `a*b`. An empty list is refused: reading it as `all` would be a
 * guess (the option schema refuses `--by ""` first; this guards other callers).
 */
export function validateGroupings(codebook: Codebook, by: string[]): string[] {
  const profiles = Object.keys(codebook.profiles);
  const valid = [...AREA_GROUPINGS, ...profiles];
  if (by.length === 0) throw new UsageError('--by needs at least one grouping, e.g. --by all,type');
  const canonical = (g: string) => valid.find((v) => v.toLowerCase() === g.trim().toLowerCase());
  const out = by.map((g) => {
    if (!/[*:]/.test(g)) {
      const hit = canonical(g);
      if (hit === undefined)
        throw new UsageError(
          `unknown grouping "${g}" in --by. Valid: ${valid.join(', ')}, or two of them as a*b (e.g. type*age_band)`,
        );
      return hit;
    }
    const parts = crossParts(g)?.map((p) => canonical(p) ?? p);
    if (!parts || parts.length !== 2)
      throw new UsageError(`--by ${g}: a two-way grouping joins exactly two groupings, e.g. type*age_band`);
    for (const p of parts)
      if (p === 'all' || !valid.includes(p))
        throw new UsageError(
          `--by ${g}: "${p}" cannot be one side of a two-way table. Valid: ` +
            `${valid.filter((v) => v !== 'all').join(', ')}`,
        );
    if (parts[0] === parts[1]) throw new UsageError(`--by ${g}: give two different groupings, e.g. type*age_band`);
    return `${parts[0]}*${parts[1]}`;
  });
  return [...new Set(out)];
}

/** The profile columns the tallies must be keyed by, including those inside two-way groupings. */
export function profileGroupings(codebook: Codebook, by: string[]): string[] {
  return [...new Set(by.flatMap((g) => crossParts(g) ?? [g]).filter((g) => g in codebook.profiles))];
}

export interface GroupedSurvey {
  /** per grouping level, in --by order */
  levels: { groupBy: string; groups: GroupTallies[] }[];
}

export function groupSurvey(s: LoadedSurvey, groupings: string[], waveOrder: readonly string[] = []): GroupedSurvey {
  return {
    levels: groupings.map((groupBy) => {
      const parts = crossParts(groupBy);
      const groups = parts
        ? crossTallies(s.store, s.registry, s.codebook, ...parts, waveOrder)
        : groupTallies(s.store, s.registry, s.codebook, groupBy, waveOrder);
      return { groupBy, groups };
    }),
  };
}

/** One estimate per indicator × wave × group, in the JSON contract's field order; with `net`, the net-score fields. */
export function buildEstimates(
  codebook: Codebook,
  grouped: GroupedSurvey,
  indicators: number[],
  o: EstimateOptions,
  net = false,
): Estimate[] {
  const out: Estimate[] = [];
  for (const { groupBy, groups } of grouped.levels) {
    for (const g of groups) {
      for (const k of indicators) {
        const item = codebook.items[k]!;
        const e = estimateTally(g.tallies[k]!, o);
        out.push({
          wave: g.wave,
          groupBy,
          group: g.group,
          ...('groups' in g ? { groups: g.groups as Record<string, string> } : {}),
          indicator: item.id,
          ni: item.ni ?? null,
          domain: item.domain,
          positive: e.positive,
          base: e.base,
          unweightedPositive: e.unweightedPositive,
          unweightedBase: e.unweightedBase,
          percent: e.percent,
          ciLow: e.ciLow,
          ciHigh: e.ciHigh,
          nEff: e.nEff,
          deff: e.deff,
          flag: e.flag,
          ...(net ? estimateNet(g.tallies[k]!, e.flag, (item.negative ?? []).length > 0, o.level) : {}),
        });
      }
    }
  }
  return out;
}

/**
 * Returns per group, and the response rate (returns ÷ mailed) for area groupings when the registry has
 * `mailed`. The bundled registry's `mailed` counts are synthetic and belong to the bundled sample waves,
 * so with a user's own files they count only when the user names a registry (`ownRegistry`). Only the
 * areas that returned questionnaires in that wave count as mailed: a file that covers some areas is not
 * divided by the mailings of all of them.
 */
export function groupReturns(s: LoadedSurvey, grouped: GroupedSurvey, ownRegistry: boolean): GroupReturns[] {
  const areas = s.registry.areas;
  const hasMailed = (ownRegistry || s.usedSamples) && areas.some((a) => a.mailed !== undefined);
  const surveyed = surveyedByWave(s.store.cells.values());
  const inGroup = (wave: string, groupBy: string, group: string) =>
    areas.filter(
      (a) =>
        surveyed.get(wave)?.has(a.code) === true &&
        (groupBy === 'all' || (groupBy === 'type' ? a.type : groupBy === 'district' ? a.district : a.code) === group),
    );
  const out: GroupReturns[] = [];
  for (const { groupBy, groups } of grouped.levels) {
    const isArea = (AREA_GROUPINGS as readonly string[]).includes(groupBy);
    for (const g of groups) {
      const mailed =
        hasMailed && isArea ? inGroup(g.wave, groupBy, g.group).reduce((sum, a) => sum + (a.mailed ?? 0), 0) : 0;
      out.push({
        wave: g.wave,
        groupBy,
        group: g.group,
        returns: g.returns,
        mailed: mailed > 0 ? mailed : null,
        responseRate: mailed > 0 ? (100 * g.returns) / mailed : null,
      });
    }
  }
  return out;
}
