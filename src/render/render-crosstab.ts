import type { Codebook } from '../codebook/schema.js';
import type { Estimate, GroupLabel, LetterTest, LettersDesign } from '../types/index.js';
import { estimateCell, type CellOptions } from './estimate-cell.js';
import type { TableSection } from './table-section.js';
import { indicatorLabel } from '../format/indicator-label.js';

/** The letters of one cell: the columns of its row it is significantly above, in letter order. */
export function cellLetters(
  tests: readonly LetterTest[],
  columns: Record<string, string>,
  cell: Estimate,
  groupBy: string,
): string {
  const [first, second] = groupBy.split('*') as [string, string];
  const row = cell.groups?.[first];
  const col = cell.groups?.[second];
  return tests
    .filter(
      (t) =>
        t.significant &&
        t.groupBy === groupBy &&
        t.wave === cell.wave &&
        t.indicator === cell.indicator &&
        t.row === row,
    )
    .flatMap((t) => (t.a === col && t.diffPp > 0 ? [t.b] : t.b === col && t.diffPp < 0 ? [t.a] : []))
    .map((c) => columns[c] ?? '?')
    .sort()
    .join('');
}

export function lettersLegend(d: LettersDesign): string {
  const adj = d.adjustment === 'bh' ? 'Benjamini–Hochberg' : d.adjustment === 'holm' ? 'Holm' : 'no adjustment (raw p)';
  return (
    `Letters: a cell's letters name the columns of its row whose percentage it is significantly above ` +
    `(two-proportion z on Kish effective n; ${adj} within each row's k(k − 1)/2 pairs of columns; α ${d.alpha}). ` +
    'Cells under the minimum base are suppressed (*), get no letters and are not compared; † marks an indicative base.'
  );
}

/**
 * Two-way tables (`--by a*b`): one per indicator × wave, rows = the first grouping's groups, columns = the
 * second's; each cell as in the one-way tables, with its significance letters under --letters.
 */
export function crosstabSections(
  estimates: readonly Estimate[],
  cb: Codebook,
  waves: readonly string[],
  groupings: readonly string[],
  label: GroupLabel,
  o: CellOptions,
  letters?: { tests: readonly LetterTest[]; design: LettersDesign },
): TableSection[] {
  const out: TableSection[] = [];
  for (const groupBy of groupings.filter((g) => g.includes('*'))) {
    const [first, second] = groupBy.split('*') as [string, string];
    const cells = estimates.filter((e) => e.groupBy === groupBy && e.groups);
    const rowNames = [...new Set(cells.map((e) => e.groups![first]!))];
    const colNames = [...new Set(cells.map((e) => e.groups![second]!))];
    const columns = letters?.design.columns[groupBy] ?? {};
    const index = new Map(cells.map((e) => [`${e.wave}|${e.indicator}|${e.groups![first]}|${e.groups![second]}`, e]));
    const sections: TableSection[] = [];
    for (const it of cb.items.filter((x) => cells.some((e) => e.indicator === x.id)))
      for (const wave of waves) {
        if (!cells.some((e) => e.wave === wave && e.indicator === it.id)) continue;
        sections.push({
          title: `${indicatorLabel(it)}, wave ${wave} — ${first} × ${second}`,
          header: [
            `${first} \\ ${second}`,
            ...colNames.map((c) => `${label(second, c)}${letters ? ` (${columns[c] ?? '?'})` : ''}`),
          ],
          rows: rowNames.map((r) => [
            label(first, r),
            ...colNames.map((c) => {
              const e = index.get(`${wave}|${it.id}|${r}|${c}`);
              const l = letters && e ? cellLetters(letters.tests, columns, e, groupBy) : '';
              return `${estimateCell(e, o)}${l ? ` ${l}` : ''}`;
            }),
          ]),
          notes: [],
        });
      }
    const last = sections[sections.length - 1];
    if (last) last.notes = letters ? [lettersLegend(letters.design)] : [];
    out.push(...sections);
  }
  return out;
}
