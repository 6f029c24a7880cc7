import type { Codebook } from '../codebook/schema.js';
import type { Finding, GroupLabel } from '../types/index.js';
import { formatChange, formatPercent } from '../format/format-number.js';

/**
 * "the share who feel they belong to their neighbourhood": the codebook's `phrase`, else the short label
 * (so a codebook without phrases still reads).
 */
export function shareWords(cb: Codebook): (id: string) => string {
  const byId = new Map(cb.items.map((it) => [it.id, it]));
  return (id) => {
    const it = byId.get(id);
    if (it?.phrase) return `the share who ${it.phrase}`;
    return `the share positive on “${it?.shortLabel ?? id}”`;
  };
}

/** The opening phrase for a group, always about the surveyed areas, never the county or the area type at large. */
export function whereWords(groupBy: string, group: string, label: GroupLabel): string {
  if (groupBy === 'all') return 'In the surveyed areas';
  if (groupBy === 'type') return `In the surveyed ${group} areas`;
  if (groupBy === 'district') return `In the surveyed areas of ${group}`;
  if (groupBy === 'neighbourhood') return `In ${label('neighbourhood', group)} (a surveyed area)`;
  return `Among respondents in the surveyed areas with ${groupBy.replace(/_/g, ' ')} ${group}`;
}

const pct = (x: number | undefined) => `${formatPercent(x ?? null)}%`;
const points = (d: number | null) => `${formatChange(d)} points`;

/**
 * One finding in plain English, e.g. "In the surveyed areas, the share who feel they belong to their neighbourhood
 * rose from 73.9% in 2006 to 77.6% in 2009 (+3.7 points)." Worded for the surveyed areas, which were chosen on
 * purpose, not sampled.
 */
export function findingText(f: Finding, cb: Codebook, label: GroupLabel): string {
  const share = shareWords(cb)(f.indicator);
  const [a, b] = f.percents;
  const [g0 = '', g1 = ''] = f.groups;
  const d = f.diffPp ?? 0;
  switch (f.kind) {
    case 'change':
      return (
        `${whereWords(f.groupBy, g0, label)}, ${share} ${d > 0 ? 'rose' : 'fell'} from ${pct(a)} in ` +
        `${f.waves[0]} to ${pct(b)} in ${f.waves[1]} (${points(f.diffPp)}).`
      );
    case 'type-difference': {
      // from the area-type test (areas as clusters): about the area types, not only the surveyed areas
      const [hi, lo, pHi, pLo] = d > 0 ? [g0, g1, a, b] : [g1, g0, b, a];
      return (
        `In ${f.waves[0]}, ${share} was higher in ${hi} areas than in ${lo} areas (${pct(pHi)} vs ${pct(pLo)}, ` +
        `${points(Math.abs(d))}).`
      );
    }
    case 'surveyed-type-difference': {
      const [hi, lo, pHi, pLo] = d > 0 ? [g0, g1, a, b] : [g1, g0, b, a];
      return (
        `In ${f.waves[0]}, ${share} was higher in the surveyed ${hi} areas than in the surveyed ${lo} areas ` +
        `(${pct(pHi)} vs ${pct(pLo)}, ${points(Math.abs(d))}).`
      );
    }
    case 'area-difference':
      return (
        `In ${f.waves[0]}, ${share} was ${d > 0 ? 'higher' : 'lower'} in ${label('neighbourhood', g0)} than in ` +
        `the rest of the surveyed areas (${pct(a)} vs ${pct(b)}, ${points(f.diffPp)}).`
      );
    case 'no-type-difference':
      return `In ${f.waves[0]}, ${share} did not differ significantly between the area types (${f.groups.join(', ')}).`;
  }
}

/** The findings with their sentences, as JSON output carries them. */
export function withFindingText(
  findings: readonly Finding[] | undefined,
  cb: Codebook,
  label: GroupLabel,
): Finding[] | undefined {
  return findings?.map((f) => ({ ...f, text: findingText(f, cb, label) }));
}
