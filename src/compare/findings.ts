import { strongestFirst } from '../format/finding-order.js';
import type { FindingKind, Finding } from '../types/index.js';
import type { AreaTestRow } from '../types/index.js';
import type { ComparisonRow } from '../types/index.js';
import type { TypeTestRow } from '../types/index.js';

export interface FindingsInput {
  comparisons?: readonly ComparisonRow[];
  typeTests?: readonly TypeTestRow[];
  areaTests?: readonly AreaTestRow[];
}

/**
 * The findings that the tests support, as numbers and keys (src/render/finding-text.ts words them): significant
 * wave changes, then pairs of area types (the area-type test, areas as clusters: `type-difference`), then pairs of
 * the surveyed areas of the types (the surveyed-areas test: `surveyed-type-difference`), then neighbourhoods that
 * differ from the rest, each strongest (smallest adjusted p, then largest difference) first; then each area-type
 * test that was run and is not significant. A pair is named only when its omnibus p < alpha and its adjusted
 * p < alpha (its `significant`).
 */
export function findings(input: FindingsInput): Finding[] {
  const strong: Finding[] = [];
  for (const c of input.comparisons ?? []) {
    if (!c.significant || c.pAdjusted === null || c.p1 === null || c.p2 === null || c.changePp === null) continue;
    strong.push({
      kind: 'change',
      indicator: c.indicator,
      groupBy: c.groupBy,
      groups: [c.group],
      waves: [c.from, c.to],
      percents: [c.p1, c.p2],
      diffPp: c.changePp,
      p: c.p,
      pAdjusted: c.pAdjusted,
    });
  }
  for (const t of input.typeTests ?? []) {
    if (!t.significant) continue;
    for (const pr of t.pairs) {
      if (
        !pr.significant ||
        pr.pAdjusted === null ||
        pr.diffPp === null ||
        pr.percentA === null ||
        pr.percentB === null
      )
        continue;
      strong.push({
        kind: t.test === 'area-type' ? 'type-difference' : 'surveyed-type-difference',
        indicator: t.indicator,
        groupBy: 'type',
        groups: [pr.a, pr.b],
        waves: [t.wave],
        percents: [pr.percentA, pr.percentB],
        diffPp: pr.diffPp,
        p: pr.p,
        pAdjusted: pr.pAdjusted,
      });
    }
  }
  for (const a of input.areaTests ?? []) {
    if (!a.significant || a.pAdjusted === null || a.diffPp === null || a.percent === null || a.restPercent === null)
      continue;
    strong.push({
      kind: 'area-difference',
      indicator: a.indicator,
      groupBy: 'neighbourhood',
      groups: [a.area],
      waves: [a.wave],
      percents: [a.percent, a.restPercent],
      diffPp: a.diffPp,
      p: a.p,
      pAdjusted: a.pAdjusted,
    });
  }
  const kindOrder: FindingKind[] = ['change', 'type-difference', 'surveyed-type-difference', 'area-difference'];
  strong.sort((x, y) => kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind) || strongestFirst(x, y));
  for (const t of input.typeTests ?? []) {
    if (t.test !== 'area-type' || t.significant || t.pAdjusted === null) continue;
    strong.push({
      kind: 'no-type-difference',
      indicator: t.indicator,
      groupBy: 'type',
      groups: t.types,
      waves: [t.wave],
      percents: [],
      diffPp: null,
      p: t.p,
      pAdjusted: t.pAdjusted,
    });
  }
  return strong;
}
