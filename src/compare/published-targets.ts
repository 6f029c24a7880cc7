import type { Codebook } from '../codebook/schema.js';
import { estimateTally } from '../estimate/estimate-tally.js';
import { minimumDetectableChange } from '../estimate/minimum-detectable-change.js';
import { publishedTargetCheck } from '../estimate/target-arithmetic.js';
import { differenceTest } from '../estimate/two-proportion-change.js';
import { zForLevel } from '../estimate/z-for-level.js';
import type { Area, GroupTallies } from '../types/index.js';
import type { PublishedBaseline } from '../types/index.js';
import type { TargetOptions } from './survey-targets.js';
import { undetectableNote } from './target-row.js';
import { decidingTarget } from './deciding-target.js';
import { type TargetRow } from '../types/index.js';

export interface PublishedTargetOptions extends TargetOptions {
  currentWave: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which grouping a file's group names: all, an area type, a district, or an area code/name/alias. */
export function resolveGroup(group: string, areas: readonly Area[]): { groupBy: string; group: string } | null {
  const g = norm(group);
  if (g === 'all' || g === 'allsurveyedareas') return { groupBy: 'all', group: 'all' };
  const type = areas.find((a) => norm(a.type) === g);
  if (type) return { groupBy: 'type', group: type.type };
  const district = areas.find((a) => norm(a.district) === g);
  if (district) return { groupBy: 'district', group: district.district };
  const area = areas.find((a) => norm(a.code) === g || norm(a.name) === g || a.aliases.some((x) => norm(x) === g));
  if (area) return { groupBy: 'neighbourhood', group: area.code };
  return null;
}

/**
 * A published baseline (e.g. the Place Survey figure) is a fixed number with no sampling error, so the
 * verdict compares the current estimate's CI with the target: d = p2 − target, CI = d ± z·se2. The
 * change is significant when |p2 − baseline|/se2 is beyond the two-sided alpha; MDE uses the current
 * wave's n only: (z_{1−α/2} + z_{0.8})·√(b(1−b)/n2). `groups` must hold the current wave at each grouping
 * the file names (`all`, `type`, `district`, `neighbourhood`).
 */
export function publishedTargets(
  groups: readonly GroupTallies[], codebook: Codebook, areas: readonly Area[], baselines: readonly PublishedBaseline[], o: PublishedTargetOptions,
): TargetRow[] {
  const zCrit = zForLevel(o.level);
  return baselines.map((b): TargetRow => {
    const item = codebook.items[b.index]!;
    const where = resolveGroup(b.group, areas) ?? { groupBy: 'unknown', group: b.group };
    const tally = groups.find((g) => g.wave === o.currentWave && g.groupBy === where.groupBy && g.group === where.group)?.tallies[b.index];
    const row = {
      indicator: item.id, ni: item.ni ?? null, groupBy: where.groupBy, group: where.group, mode: 'published-baseline' as const,
      rule: o.rule, baselineWave: null, currentWave: o.currentWave, baseline: b.baseline, uplift: o.uplift,
    };
    const decides = decidingTarget(b.baseline, b.target, o.uplift, o.rule);
    const e = tally ? estimateTally(tally, o) : null;
    if (!e || e.flag === 'no-data' || e.flag === 'suppressed' || e.p === null || e.se === null) {
      const check = publishedTargetCheck(b.baseline, b.target, 0, 0, o.uplift, o.rule, zCrit);
      return {
        ...row, current: null, targetPoints: check.targetPoints, targetRelative: check.targetRelative, target: check.target,
        targetSource: decides.source, d: null, ciLow: null, ciHigh: null, verdict: null, changeSignificant: null, changeP: null, mde: null, detectable: null,
        note: !tally ? `No data for group "${b.group}" in wave ${o.currentWave}.` : `Not assessed: the base is below ${o.minBase}.`,
        flag: e?.flag === 'suppressed' ? 'suppressed' : 'no-data',
      };
    }
    const check = publishedTargetCheck(b.baseline, b.target, 100 * e.p, 100 * e.se, o.uplift, o.rule, zCrit);
    const change = differenceTest(100 * e.p - b.baseline, 100 * e.se, zCrit);
    const mde = minimumDetectableChange(b.baseline / 100, Infinity, e.nEff, 1 - o.level);
    // the change to the target that decides (a file's own target may lie below the baseline): its size, not its sign
    const detectable = mde <= decides.changeNeeded;
    return {
      ...row, current: 100 * e.p, targetPoints: check.targetPoints, targetRelative: check.targetRelative, target: check.target,
      targetSource: decides.source, d: check.d, ciLow: check.ciLow, ciHigh: check.ciHigh, verdict: check.verdict,
      changeSignificant: change.p === null ? false : change.p < o.alpha, changeP: change.p,
      mde, detectable, note: detectable ? null : undetectableNote(decides.changeNeeded, mde), flag: e.flag,
    };
  });
}
