import type { Codebook } from '../codebook/schema.js';
import type { AnalyseResult } from '../types/index.js';
import { toCsv } from '../format/csv.js';
import { layoutEstimates, type EstimatesTable } from './estimates-layout.js';
import { withFindingText } from './finding-text.js';
import { type GroupLabel } from '../types/index.js';
import { formatCount, formatPercent } from '../format/format-number.js';
import { headedTableMarkdown } from './markdown.js';
import { NET_COLUMNS } from './render-net.js';
import { noteLines, textTable, tryTable } from './text-table.js';
import { baseDefinition } from './base-definition.js';

export const ESTIMATE_COLUMNS = [
  'wave',
  'groupBy',
  'group',
  'indicator',
  'ni',
  'domain',
  'positive',
  'base',
  'unweightedPositive',
  'unweightedBase',
  'percent',
  'ciLow',
  'ciHigh',
  'nEff',
  'deff',
  'flag',
] as const;

/** A section the command adds below the estimates, rendered by its own module. */
export interface ExtraSection {
  table: (colour: boolean, width?: number) => string;
  md: () => string;
}

export interface RenderOptions {
  format: string;
  colour: boolean;
  showCi: boolean;
  showBase: boolean;
  codebook: Codebook;
  label: GroupLabel;
  accountingLine: string;
  /** summary: estimates, then `summary` sections; full: estimates, every note, then `sections` */
  detail?: 'summary' | 'full';
  /** the widest a terminal line may be (none: no limit) */
  width?: number;
  /** the sections of --detail full (comparisons, targets, tests, findings) */
  sections?: ExtraSection[];
  /** the sections of --detail summary (the NI headline, the strongest findings) */
  summary?: ExtraSection[];
}

/** Pure: (result, options) → text. JSON and CSV carry everything, whatever --detail says. */
export function renderAnalyse(r: AnalyseResult, o: RenderOptions): string {
  if (o.format === 'json') {
    const findings = withFindingText(r.findings, o.codebook, o.label);
    return `${JSON.stringify(findings ? { ...r, findings } : r, null, 2)}\n`;
  }
  if (o.format === 'csv') {
    const columns = r.estimates.some((e) => e.net !== undefined)
      ? [...ESTIMATE_COLUMNS, ...NET_COLUMNS]
      : ESTIMATE_COLUMNS;
    return toCsv(columns, r.estimates as unknown as Record<string, unknown>[]);
  }
  const summary = o.detail === 'summary';
  const returns = (withRate: boolean) => (wave: string, groupBy: string, group: string) => {
    const rr = r.returns.find((x) => x.wave === wave && x.groupBy === groupBy && x.group === group);
    if (!rr) return '';
    return rr.responseRate === null || !withRate
      ? formatCount(rr.returns)
      : `${formatCount(rr.returns)} (${formatPercent(rr.responseRate, 0)}%)`;
  };
  const suspect = new Map(
    r.suspectWaves.map((s) => [
      s.wave,
      `${s.rows} row${s.rows === 1 ? '' : 's'}${s.nearest !== null ? `; ${s.nearest}?` : ''}`,
    ]),
  );
  // the narrow summary table (no CIs) also leaves out the response rates
  const layout = (showCi: boolean, chunk: boolean) =>
    layoutEstimates(r.estimates, o.codebook, r.waves, r.design.groupings, o.label, returns(showCi || !summary), {
      ...o,
      showCi,
      chunk,
      suspect,
    });
  const footer = [
    `${Math.round(r.design.level * 100)}% CIs: ${r.design.ciMethod}. Weights: ${r.design.weights}.`,
    ...(summary ? [] : [baseDefinition(o.codebook)]),
    r.design.suppression,
    `"All surveyed areas" means ${r.design.population} together (chosen on purpose, not sampled), not the county.`,
  ];
  const extra = (summary ? o.summary : o.sections) ?? [];
  if (o.format === 'md') {
    const tables = layout(o.showCi, true);
    const parts = tables.map(headedTableMarkdown);
    const bullets = [...footer, o.accountingLine].map((f) => `- ${f.replace(/^\*/, '\\*')}`).join('\n');
    return `## Indicators\n\n${parts.join('\n')}\n${bullets}\n${extra.map((s) => `\n${s.md()}`).join('')}`;
  }
  const { text, notes } = fittedEstimates(layout, o, summary);
  const sections = extra.map((s) => `\n${s.table(o.colour, o.width)}`).join('');
  return `${text}\n${noteLines([...notes, ...footer], o.colour, o.width)}\n${sections}`;
}

/**
 * The estimate tables within the width: wide (groups as columns) when they fit; in a summary, wide without the
 * CIs next; else one row per group × indicator. With no width, wide levels are cut into "(continued)" parts.
 */
function fittedEstimates(
  layout: (showCi: boolean, chunk: boolean) => EstimatesTable[],
  o: RenderOptions,
  summary: boolean,
): { text: string; notes: string[] } {
  const table = (t: EstimatesTable, width?: number) =>
    textTable(t.header, t.rows, {
      colour: o.colour,
      title: t.title,
      headingRows: t.headingRows,
      ...(width ? { width } : {}),
      ...(t.align ? { align: t.align } : {}),
    });
  if (o.width === undefined)
    return {
      text: layout(o.showCi, true)
        .map((t) => table(t))
        .join('\n'),
      notes: [],
    };
  const width = o.width;
  const wide = layout(o.showCi, false);
  const narrow = summary && o.showCi ? layout(false, false) : undefined;
  const notes: string[] = [];
  const attempt = (t: EstimatesTable) =>
    tryTable(t.header, t.rows, {
      colour: o.colour,
      title: t.title,
      headingRows: t.headingRows,
      width,
      ...(t.align ? { align: t.align } : {}),
    });
  const parts = wide.map((t, i) => {
    const shown = attempt(t);
    if (shown) return shown;
    const n = narrow?.[i];
    const withoutCi = n && attempt(n);
    if (withoutCi) {
      if (!notes.length)
        notes.push(
          `CIs and response rates left out to fit ${width} columns: --detail full or a wider terminal shows them.`,
        );
      return withoutCi;
    }
    return table(t.long(), width);
  });
  return { text: parts.join('\n'), notes };
}
