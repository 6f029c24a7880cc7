import type { GroupLabel } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import type { Estimate } from '../types/index.js';
import { estimateCell, type CellOptions } from './estimate-cell.js';
import { indicatorLabel } from '../format/indicator-label.js';

export interface EstimatesTable {
  title: string;
  header: string[];
  rows: string[][];
  /** rows that are domain headings */
  headingRows: number[];
  /** per column, when not the default (first left, others right) */
  align?: ('l' | 'r')[];
  /** the same estimates one row per group × indicator, for a width the wide table does not fit */
  long: () => EstimatesTable;
}

export interface LayoutOptions extends CellOptions {
  /** split wide levels into tables of MAX_COLUMNS columns (later ones titled "(continued)"); default true */
  chunk?: boolean;
  /** per suspect wave (a probable stray label), the words that mark its tables */
  suspect?: ReadonlyMap<string, string>;
}

type Column = { groupBy: string; group: string };

/** Group columns per table (the `all` column included): about 130 characters wide with CIs. */
const MAX_COLUMNS = 5;

/**
 * Lay estimates out as tables: one per wave and grouping level (the `all` column leads the next level),
 * rows = indicators grouped by domain, columns = groups; wide levels are split unless `o.chunk` is false,
 * the later parts titled "(continued)".
 */
export function layoutEstimates(
  estimates: Estimate[],
  codebook: Codebook,
  waves: string[],
  groupings: string[],
  label: GroupLabel,
  returns: (wave: string, groupBy: string, group: string) => string,
  o: LayoutOptions,
): EstimatesTable[] {
  const index = new Map(estimates.map((e) => [`${e.wave}|${e.groupBy}|${e.group}|${e.indicator}`, e]));
  const items = codebook.items.filter((it) => estimates.some((e) => e.indicator === it.id));
  const tables: EstimatesTable[] = [];
  for (const wave of waves) {
    const columns: { cols: Column[]; part: number }[] = [];
    let pendingAll: Column | undefined;
    for (const groupBy of groupings) {
      const groups = [
        ...new Set(estimates.filter((e) => e.wave === wave && e.groupBy === groupBy).map((e) => e.group)),
      ];
      const cols = groups.map((group) => ({ groupBy, group }));
      if (groupBy === 'all' && groupings.length > 1) {
        pendingAll = cols[0];
        continue;
      }
      const lead = pendingAll ? [pendingAll] : [];
      pendingAll = undefined;
      const width = o.chunk === false ? Math.max(cols.length, 1) : MAX_COLUMNS - lead.length;
      for (let i = 0; i < Math.max(cols.length, 1); i += width)
        columns.push({ cols: [...lead, ...cols.slice(i, i + width)], part: i / width });
    }
    if (pendingAll) columns.push({ cols: [pendingAll], part: 0 });
    for (const { cols, part } of columns) {
      const levels = [...new Set(cols.map((c) => c.groupBy))].filter((g) => g !== 'all');
      const header = ['Indicator', ...cols.map((c) => label(c.groupBy, c.group))];
      const { rows, headingRows } = byDomain(codebook, items, (it) => [
        [
          indicatorLabel(it),
          ...cols.map((c) => estimateCell(index.get(`${wave}|${c.groupBy}|${c.group}|${it.id}`), o)),
        ],
      ]);
      const cells = cols.map((c) => returns(wave, c.groupBy, c.group));
      rows.push([returnsLabel(cells), ...cells]);
      const mark = o.suspect?.has(wave) ? ` [suspect wave: ${o.suspect.get(wave)}]` : '';
      const title =
        `Wave ${wave}${mark} — ` +
        `${levels.length ? `by ${levels.join(', ')}` : 'all surveyed areas'}${part ? ' (continued)' : ''}`;
      const long = () =>
        longTable(
          title,
          items,
          codebook,
          cols,
          (c, id) => index.get(`${wave}|${c.groupBy}|${c.group}|${id}`),
          label,
          (c) => returns(wave, c.groupBy, c.group),
          o,
        );
      tables.push({ title, header, rows, headingRows, long });
    }
  }
  return tables;
}

/** One row per group × indicator (indicator named on its first row), grouped by domain; then the returns. */
function longTable(
  title: string,
  items: Codebook['items'],
  codebook: Codebook,
  cols: Column[],
  get: (c: Column, id: string) => Estimate | undefined,
  label: GroupLabel,
  returns: (c: Column) => string,
  o: CellOptions,
): EstimatesTable {
  const { rows, headingRows } = byDomain(codebook, items, (it) =>
    cols.map((c, i) => [i === 0 ? indicatorLabel(it) : '', label(c.groupBy, c.group), estimateCell(get(c, it.id), o)]),
  );
  const cells = cols.map(returns);
  const first = returnsLabel(cells);
  cols.forEach((c, i) => rows.push([i === 0 ? first : '', label(c.groupBy, c.group), cells[i] ?? '']));
  const header = ['Indicator', 'Group', o.showCi ? 'Percent (CI)' : 'Percent'];
  const self: EstimatesTable = { title, header, rows, headingRows, align: ['l', 'l', 'r'], long: () => self };
  return self;
}

/** Each domain's heading row, then the rows of its items, in the codebook's order; headings remembered by index. */
function byDomain(codebook: Codebook, items: Codebook['items'], rowsOf: (it: Codebook['items'][number]) => string[][]) {
  const rows: string[][] = [];
  const headingRows: number[] = [];
  for (const domain of codebook.domains) {
    const inDomain = items.filter((it) => it.domain === domain);
    if (!inDomain.length) continue;
    headingRows.push(rows.length);
    rows.push([capitalise(domain)]);
    for (const it of inDomain) rows.push(...rowsOf(it));
  }
  return { rows, headingRows };
}

const returnsLabel = (cells: string[]) => (cells.some((x) => x.includes('%')) ? 'Returns (response rate)' : 'Returns');

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
