import Table from 'cli-table3';
import { palette } from './text-table.js';
import { describeRule } from './describe-tag-rule.js';
import { deprivedCell, shareCell } from './tag-evidence-cells.js';
import type { TagResult } from '../tag/tag-areas.js';
import type { AreaType } from '../tag/tag-rule.js';

/** A terminal table: one row per area, then the rule. Colour only when asked. */
export function renderTagTable(result: TagResult, colour: boolean): string {
  const p = palette(colour);
  const paint: Record<AreaType, (s: string) => string> = { rural: p.good, deprived: p.bad, average: (s) => s };
  const unit = result.rule.weighting === 'population' ? 'residents' : 'LSOAs';
  const table = new Table({
    head: [
      'code',
      'name',
      'district',
      'type',
      `rural ${unit}`,
      result.rule.criterion.kind === 'mean-rank' ? 'IMD mean rank' : `most deprived ${unit}`,
    ].map((h) => p.bold(h)),
    style: { head: [], border: [], compact: true },
  });
  for (const a of result.areas) {
    const both = a.rural && a.deprived ? ' *' : '';
    table.push([
      a.code,
      a.name,
      a.district,
      paint[a.type](a.type) + both,
      shareCell(a.evidence.ruralWeight, a.evidence, result.rule),
      deprivedCell(a.evidence, result.rule),
    ]);
  }
  const footnote = result.areas.some((a) => a.rural && a.deprived)
    ? ['* both rural and deprived; the precedence decided']
    : [];
  return (
    [table.toString(), ...footnote, '', 'Rule:', ...describeRule(result.rule).map((l) => `  ${l}`)].join('\n') + '\n'
  );
}
