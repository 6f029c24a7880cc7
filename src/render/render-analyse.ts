import type { Codebook } from '../codebook/schema.js';
import type { AnalyseResult } from '../types/index.js';
import { toCsv } from '../format/csv.js';
import { layoutEstimates } from './estimates-layout.js';
import { type GroupLabel } from '../types/index.js';
import { formatPercent } from '../format/format-number.js';
import { mdTable } from './markdown.js';
import { NET_COLUMNS } from './render-net.js';
import { textTable } from './text-table.js';

export const ESTIMATE_COLUMNS = [
  'wave', 'groupBy', 'group', 'indicator', 'ni', 'domain', 'positive', 'base', 'unweightedPositive', 'unweightedBase',
  'percent', 'ciLow', 'ciHigh', 'nEff', 'deff', 'flag',
] as const;

export interface RenderOptions {
  format: string;
  colour: boolean;
  showCi: boolean;
  showBase: boolean;
  codebook: Codebook;
  label: GroupLabel;
  accountingLine: string;
  /** extra sections (comparisons, targets, findings) rendered by their own modules */
  sections?: { table: (colour: boolean) => string; md: () => string }[];
}

/** Pure: (result, options) → text. */
export function renderAnalyse(r: AnalyseResult, o: RenderOptions): string {
  if (o.format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  if (o.format === 'csv') {
    const columns = r.estimates.some((e) => e.net !== undefined) ? [...ESTIMATE_COLUMNS, ...NET_COLUMNS] : ESTIMATE_COLUMNS;
    return toCsv(columns, r.estimates as unknown as Record<string, unknown>[]);
  }
  const returns = (wave: string, groupBy: string, group: string) => {
    const rr = r.returns.find((x) => x.wave === wave && x.groupBy === groupBy && x.group === group);
    if (!rr) return '';
    return rr.responseRate === null ? String(rr.returns) : `${rr.returns} (${formatPercent(rr.responseRate, 0)}%)`;
  };
  const suspect = new Map(r.suspectWaves.map((s) => [s.wave, `${s.rows} row${s.rows === 1 ? '' : 's'}${s.nearest !== null ? `; ${s.nearest}?` : ''}`]));
  const tables = layoutEstimates(r.estimates, o.codebook, r.waves, r.design.groupings, o.label, returns, o, suspect);
  const footer = [
    `${Math.round(r.design.level * 100)}% CIs: ${r.design.ciMethod}. Weights: ${r.design.weights}.`,
    `Percent = weighted positive ÷ weighted base; the base leaves out missing answers (blank, 98, 99) and excluded codes (don't know; for NI1 also "too few people" and "all same background").`,
    r.design.suppression,
    `"All surveyed areas" means ${r.design.population} together (chosen on purpose, not sampled), not the county.`,
    o.accountingLine,
  ];
  if (o.format === 'md') {
    const parts = tables.map((t) => `### ${t.title}\n\n${mdTable(t.header, t.rows.map((row, i) => (t.headingRows.includes(i) ? [`**${row[0]}**`, ...t.header.slice(1).map(() => '')] : row)))}`);
    return `## Indicators\n\n${parts.join('\n')}\n${footer.map((f) => `- ${f.replace(/^\*/, '\\*')}`).join('\n')}\n${(o.sections ?? []).map((s) => `\n${s.md()}`).join('')}`;
  }
  const parts = tables.map((t) => textTable(t.header, t.rows, { colour: o.colour, title: t.title, headingRows: t.headingRows }));
  return `${parts.join('\n')}\n${footer.join('\n')}\n${(o.sections ?? []).map((s) => `\n${s.table(o.colour)}`).join('')}`;
}
