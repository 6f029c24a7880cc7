import type { FindingKind, Finding } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import { formatChange, formatP, formatPercent } from '../format/format-number.js';
import type { Area } from '../types/index.js';
import type { AreaTestRow } from '../types/index.js';
import type { ComparisonRow } from '../types/index.js';
import type { TypeTestRow } from '../types/index.js';

export interface FindingsInput {
  comparisons?: readonly ComparisonRow[];
  typeTests?: readonly TypeTestRow[];
  areaTests?: readonly AreaTestRow[];
}

export interface FindingsOptions {
  /** the adjustment in force (the sentences say "adjusted p" unless none) */
  adjust: 'bh' | 'holm' | 'none';
}

/**
 * Short sentences from the tests that support them: significant wave changes, then pairs of area types (the
 * area-type test, areas as clusters: "rural areas …"), then pairs of the surveyed areas' respondents (the
 * surveyed-areas test: "the surveyed rural areas …"), then neighbourhoods that differ from the rest, each
 * strongest (smallest adjusted p) first; then "No significant difference between area types on …" for each
 * area-type test that was run and is not significant. A pair is named only when its omnibus p < alpha and its
 * adjusted p < alpha (its `significant`). Changes, neighbourhoods and targets are about the surveyed areas.
 */
export function findings(input: FindingsInput, codebook: Codebook, areas: readonly Area[], o: FindingsOptions): Finding[] {
  const label = labeller(codebook);
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const pWords = (p: number) => `p ${formatP(p).startsWith('<') ? formatP(p) : `= ${formatP(p)}`}`;
  const pText = (p: number) => `${o.adjust !== 'none' ? 'adjusted ' : ''}${pWords(p)}`;
  const strong: (Finding & { effect: number })[] = [];

  for (const c of input.comparisons ?? []) {
    if (!c.significant || c.pAdjusted === null || c.p1 === null || c.p2 === null || c.changePp === null) continue;
    const verb = c.changePp > 0 ? 'rose' : 'fell';
    strong.push({
      kind: 'change', indicator: c.indicator, groups: [c.group], p: c.p, pAdjusted: c.pAdjusted, effect: Math.abs(c.changePp),
      text: `${where(c.groupBy, c.group, names)}, ${label(c.indicator)} ${verb} from ${formatPercent(c.p1)}% in ${c.from} to ${formatPercent(c.p2)}% in ${c.to} (${formatChange(c.changePp)} points, ${pText(c.pAdjusted)}).`,
    });
  }

  for (const t of input.typeTests ?? []) {
    if (!t.significant) continue;
    for (const pr of t.pairs) {
      if (!pr.significant || pr.pAdjusted === null || pr.diffPp === null || pr.percentA === null || pr.percentB === null) continue;
      const [hi, lo, pHi, pLo] = pr.diffPp > 0 ? [pr.a, pr.b, pr.percentA, pr.percentB] : [pr.b, pr.a, pr.percentB, pr.percentA];
      const figures = `(${formatPercent(pHi)}% vs ${formatPercent(pLo)}%, ${pText(pr.pAdjusted)})`;
      strong.push(
        t.test === 'area-type'
          ? {
              kind: 'type-difference', indicator: t.indicator, groups: [pr.a, pr.b], p: pr.p, pAdjusted: pr.pAdjusted, effect: Math.abs(pr.diffPp),
              text: `In ${t.wave}, ${hi} areas were more positive than ${lo} areas on ${label(t.indicator)} ${figures}.`,
            }
          : {
              kind: 'surveyed-type-difference', indicator: t.indicator, groups: [pr.a, pr.b], p: pr.p, pAdjusted: pr.pAdjusted, effect: Math.abs(pr.diffPp),
              text: `In ${t.wave}, respondents in the surveyed ${hi} areas were more positive than those in the surveyed ${lo} areas on ${label(t.indicator)} ${figures}.`,
            },
      );
    }
  }

  for (const a of input.areaTests ?? []) {
    if (!a.significant || a.pAdjusted === null || a.diffPp === null || a.percent === null || a.restPercent === null) continue;
    strong.push({
      kind: 'area-difference', indicator: a.indicator, groups: [a.area], p: a.p, pAdjusted: a.pAdjusted, effect: Math.abs(a.diffPp),
      text: `In ${a.wave}, ${a.areaName} was ${a.diffPp > 0 ? 'above' : 'below'} the rest of the surveyed areas on ${label(a.indicator)} (${formatPercent(a.percent)}% vs ${formatPercent(a.restPercent)}%, ${pText(a.pAdjusted)}).`,
    });
  }

  const kindOrder: FindingKind[] = ['change', 'type-difference', 'surveyed-type-difference', 'area-difference'];
  strong.sort(
    (x, y) => kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind) || x.pAdjusted! - y.pAdjusted! || y.effect - x.effect || x.text.localeCompare(y.text),
  );
  const out: Finding[] = strong.map(({ effect: _effect, ...f }) => f);

  for (const t of input.typeTests ?? []) {
    if (t.test !== 'area-type' || t.significant || t.pAdjusted === null) continue;
    out.push({
      kind: 'no-type-difference', indicator: t.indicator, groups: t.types, p: t.p, pAdjusted: t.pAdjusted,
      text: `No significant difference between the area types on ${label(t.indicator)} in ${t.wave} (${pWords(t.pAdjusted)}).`,
    });
  }
  return out;
}

/** An item's short label, first letter lower-cased for use mid-sentence ("Belong to England" → "belong to England"). */
function labeller(codebook: Codebook): (id: string) => string {
  const labels = new Map(codebook.items.map((it) => [it.id, it.shortLabel]));
  return (id) => {
    const s = labels.get(id) ?? id;
    return s.charAt(0).toLowerCase() + s.slice(1);
  };
}

/** The opening phrase for a group, always about the surveyed areas, never the county or the area type at large. */
function where(groupBy: string, group: string, names: ReadonlyMap<string, string>): string {
  if (groupBy === 'all') return 'In the surveyed areas';
  if (groupBy === 'type') return `In the surveyed ${group} areas`;
  if (groupBy === 'district') return `In the surveyed areas of ${group}`;
  if (groupBy === 'neighbourhood') return `In ${names.get(group) ?? group} (a surveyed area)`;
  return `Among respondents in the surveyed areas with ${groupBy.replace(/_/g, ' ')} ${group}`;
}
