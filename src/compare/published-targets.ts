import type { Codebook } from '../codebook/schema.js';
import { estimateTally } from '../estimate/estimate-tally.js';
import { targetValues } from '../estimate/target-arithmetic.js';
import { fixedTargetDistanceVerdict } from '../estimate/target-distance-verdict.js';
import { targetPower } from '../estimate/target-power.js';
import { differenceTest } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { Area, GroupTallies } from '../types/index.js';
import type { PublishedBaseline } from '../types/index.js';
import type { TargetOptions } from './survey-targets.js';
import { changeDirection, NOT_ASSESSED, verdictFields, verdictNote } from './target-row.js';
import { decidingTarget } from './deciding-target.js';
import { type TargetRow } from '../types/index.js';

export interface PublishedTargetOptions extends TargetOptions {
  currentWave: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

type GroupReading = { groupBy: string; group: string };

/**
 * Every grouping a file's group name could mean, in the order they are tried: all, an area type, a district, then
 * each area whose code, name or alias it is. More than one (Blaby the district and Blaby the area) is ambiguous.
 */
export function groupReadings(group: string, areas: readonly Area[]): GroupReading[] {
  const g = norm(group);
  if (g === 'all' || g === 'allsurveyedareas') return [{ groupBy: 'all', group: 'all' }];
  const type = areas.find((a) => norm(a.type) === g);
  const district = areas.find((a) => norm(a.district) === g);
  return [
    ...(type ? [{ groupBy: 'type', group: type.type }] : []),
    ...(district ? [{ groupBy: 'district', group: district.district }] : []),
    ...areas
      .filter((a) => norm(a.code) === g || norm(a.name) === g || a.aliases.some((x) => norm(x) === g))
      .map((a) => ({ groupBy: 'neighbourhood', group: a.code })),
  ];
}

/** Which grouping a file's group names: the first of its readings, or null when it names none. */
export function resolveGroup(group: string, areas: readonly Area[]): GroupReading | null {
  return groupReadings(group, areas)[0] ?? null;
}

/** A reading in words, for the message that asks which one a group name means. */
export function readingWords(r: GroupReading): string {
  return r.groupBy === 'type' ? 'an area type' : r.groupBy === 'district' ? 'a district' : `the area ${r.group}`;
}

/**
 * A published baseline (e.g. the Place Survey figure) against the current estimate: d = p2 − T, verdict by
 * fixedTargetDistanceVerdict at alpha. σ = se2 when the baseline has no standard error of its own (it is then
 * treated as exact) or when the file gives the target; when the target is built from a baseline with a
 * standard error (baseline_se, or baseline_n and baseline_deff), that error is carried into σ. The change
 * p2 − b is tested on √(se2² + se_b²) and is a family of one. Power (targetPower) on the target's change
 * u = T − b, with the baseline's effective n from its se (infinite when exact). `groups` must hold the current
 * wave at each grouping the file names (`all`, `type`, `district`, `neighbourhood`).
 */
export function publishedTargets(
  groups: readonly GroupTallies[],
  codebook: Codebook,
  areas: readonly Area[],
  baselines: readonly PublishedBaseline[],
  o: PublishedTargetOptions,
): TargetRow[] {
  const zCrit = zForLevel(o.level);
  return baselines.map((b): TargetRow => {
    const item = codebook.items[b.index]!;
    const where = resolveGroup(b.group, areas) ?? { groupBy: 'unknown', group: b.group };
    const tally = groups.find((g) => g.wave === o.currentWave && g.groupBy === where.groupBy && g.group === where.group)
      ?.tallies[b.index];
    const values = targetValues(b.baseline, o.uplift);
    const target = b.target ?? (o.rule === 'points' ? values.targetPoints : values.targetRelative);
    const row = {
      indicator: item.id,
      ni: item.ni ?? null,
      groupBy: where.groupBy,
      group: where.group,
      mode: 'published-baseline' as const,
      rule: o.rule,
      baselineWave: null,
      currentWave: o.currentWave,
      baseline: b.baseline,
      uplift: o.uplift,
      changeFamily:
        `${item.ni ?? item.id} × ${where.group} × published baseline→${o.currentWave} ` + '(a family of one)',
      ...values,
      target,
    };
    const decides = decidingTarget(b.baseline, b.target, o.uplift, o.rule);
    const e = tally ? estimateTally(tally, o) : null;
    if (!e || e.flag === 'no-data' || e.flag === 'suppressed' || e.p === null || e.se === null) {
      return {
        ...row,
        current: null,
        targetSource: decides.source,
        ...NOT_ASSESSED,
        note: !tally
          ? `No data for group "${b.group}" in wave ${o.currentWave}.`
          : `Not assessed: the base is below ${o.minBase}.`,
        flag: e?.flag === 'suppressed' ? 'suppressed' : 'no-data',
      };
    }
    const p2 = 100 * e.p;
    const se2 = 100 * e.se;
    const seB = b.baselineSe;
    const carried =
      seB !== undefined && b.target === undefined ? { se: seB, uplift: o.uplift, rule: o.rule } : undefined;
    const dist = fixedTargetDistanceVerdict(p2, se2, target, o.alpha, carried);
    const bp = b.baseline / 100;
    const baselineNEff = seB !== undefined && seB > 0 ? (bp * (1 - bp)) / (seB / 100) ** 2 : Infinity;
    const power = targetPower(b.baseline, baselineNEff, e.nEff, target - b.baseline, 'points', dist.se, o.alpha);
    const change = differenceTest(p2 - b.baseline, Math.hypot(se2, seB ?? 0), zCrit);
    const notes = [
      verdictNote(dist, power),
      seB === undefined ? 'Baseline treated as exact (the file gives no baseline_se or baseline_n).' : null,
      (b.baselinePopulation ?? '').trim().toLowerCase() === 'surveyed areas'
        ? null
        : 'The baseline measured ' +
          `${b.baselinePopulation ? `"${b.baselinePopulation}"` : 'a population the file does not name'}, ` +
          'not necessarily the surveyed areas: read the comparison with care.',
    ].filter((n): n is string => n !== null);
    return {
      ...row,
      current: p2,
      targetSource: decides.source,
      ...verdictFields(dist, power),
      change: p2 - b.baseline,
      changeP: change.p,
      changePAdjusted: change.p,
      changeDirection: changeDirection(p2 - b.baseline, change.p, o.alpha),
      note: notes.length ? notes.join(' ') : null,
      flag: e.flag,
    };
  });
}
