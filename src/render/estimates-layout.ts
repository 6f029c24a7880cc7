import type { GroupLabel } from '../types/index.js';
import type { Codebook } from '../codebook/schema.js';
import type { Estimate } from '../types/index.js';
import { estimateCell, type CellOptions } from './estimate-cell.js';

export interface EstimatesTable {
  title: string;
  header: string[];
  rows: string[][];
  /** rows that are domain headings */
  headingRows: number[];
}

/** Group columns per table (the `all` column included): about 130 characters wide with CIs. */
const MAX_COLUMNS = 5;

/**
 * Lay estimates out as tables: one per wave and grouping level (the `all` column leads the next level),
 * rows = indicators grouped by domain, columns = groups; wide levels are split.
 */
export function layoutEstimates(
  estimates: Estimate[], codebook: Codebook, waves: string[], groupings: string[], label: GroupLabel,
  returns: (wave: string, groupBy: string, group: string) => string, o: CellOptions,
  /** per suspect wave (a probable stray label), the words that mark its tables */
  suspect: ReadonlyMap<string, string> = new Map(),
): EstimatesTable[] {
  const index = new Map(estimates.map((e) => [`${e.wave}|${e.groupBy}|${e.group}|${e.indicator}`, e]));
  const items = codebook.items.filter((it) => estimates.some((e) => e.indicator === it.id));
  const tables: EstimatesTable[] = [];
  for (const wave of waves) {
    const columns: { groupBy: string; group: string }[][] = [];
    let pendingAll: { groupBy: string; group: string } | undefined;
    for (const groupBy of groupings) {
      const groups = [...new Set(estimates.filter((e) => e.wave === wave && e.groupBy === groupBy).map((e) => e.group))];
      const cols = groups.map((group) => ({ groupBy, group }));
      if (groupBy === 'all' && groupings.length > 1) {
        pendingAll = cols[0];
        continue;
      }
      const lead = pendingAll ? [pendingAll] : [];
      pendingAll = undefined;
      const width = MAX_COLUMNS - lead.length;
      for (let i = 0; i < Math.max(cols.length, 1); i += width) columns.push([...lead, ...cols.slice(i, i + width)]);
    }
    if (pendingAll) columns.push([pendingAll]);
    for (const cols of columns) {
      const levels = [...new Set(cols.map((c) => c.groupBy))].filter((g) => g !== 'all');
      const header = ['Indicator', ...cols.map((c) => label(c.groupBy, c.group))];
      const rows: string[][] = [];
      const headingRows: number[] = [];
      for (const domain of codebook.domains) {
        const inDomain = items.filter((it) => it.domain === domain);
        if (!inDomain.length) continue;
        headingRows.push(rows.length);
        rows.push([capitalise(domain)]);
        for (const it of inDomain)
          rows.push([`${it.shortLabel}${it.ni ? ` (${it.ni})` : ''}`, ...cols.map((c) => estimateCell(index.get(`${wave}|${c.groupBy}|${c.group}|${it.id}`), o))]);
      }
      const cells = cols.map((c) => returns(wave, c.groupBy, c.group));
      rows.push([cells.some((x) => x.includes('%')) ? 'Returns (response rate)' : 'Returns', ...cells]);
      const mark = suspect.has(wave) ? ` [suspect wave: ${suspect.get(wave)}]` : '';
      tables.push({ title: `Wave ${wave}${mark} — ${levels.length ? `by ${levels.join(', ')}` : 'all surveyed areas'}`, header, rows, headingRows });
    }
  }
  return tables;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
