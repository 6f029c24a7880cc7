import type { Codebook } from '../codebook/schema.js';
import type { FrequencyRow, GroupLabel } from '../types/index.js';
import { toCsv } from '../format/csv.js';
import { formatCount, formatPercent } from '../format/format-number.js';
import { mdTable } from './markdown.js';
import { noteLines, textTable } from './text-table.js';
import { indicatorLabel } from '../format/indicator-label.js';

export const FREQUENCY_COLUMNS = [
  'wave',
  'groupBy',
  'group',
  'indicator',
  'ni',
  'code',
  'label',
  'class',
  'reason',
  'unweighted',
  'weighted',
  'percentOfReturns',
  'percentOfBase',
] as const;

export interface FreqRenderOptions {
  format: string;
  colour: boolean;
  width?: number;
  codebook: Codebook;
  label: GroupLabel;
  /** the JSON's header: schema version, design and accounting */
  json: Record<string, unknown>;
  notes: string[];
}

const HEADER = ['Code', 'Answer', 'Counts as', 'n', 'Weighted', '% returns', '% base'];
const ALIGN: ('l' | 'r')[] = ['r', 'l', 'l', 'r', 'r', 'r', 'r'];
/** the columns without `Weighted`, when every weight is 1 */
const UNWEIGHTED = [0, 1, 2, 3, 5, 6];

const weightText = (w: number) => formatCount(w, Number.isInteger(w) ? 0 : 1);

function classText(r: FrequencyRow): string {
  if (r.class === 'absent') return 'no column';
  return r.class;
}

/** One table per item, wave and group: every code with its counts and shares. */
export function frequencyTables(rows: readonly FrequencyRow[], o: Pick<FreqRenderOptions, 'codebook' | 'label'>) {
  const items = new Map(o.codebook.items.map((it) => [it.id, it]));
  const tables: { title: string; rows: string[][] }[] = [];
  let key = '';
  for (const r of rows) {
    const k = `${r.wave}|${r.groupBy}|${r.group}|${r.indicator}`;
    if (k !== key) {
      key = k;
      const it = items.get(r.indicator);
      const name = indicatorLabel({ shortLabel: it?.shortLabel ?? r.indicator, ni: r.ni });
      tables.push({ title: `${name} — wave ${r.wave}, ${o.label(r.groupBy, r.group)}`, rows: [] });
    }
    tables
      .at(-1)!
      .rows.push([
        r.code,
        r.label,
        classText(r),
        formatCount(r.unweighted),
        weightText(r.weighted),
        formatPercent(r.percentOfReturns),
        r.percentOfBase === null ? '' : formatPercent(r.percentOfBase),
      ]);
  }
  return tables;
}

/** Pure: (rows, options) → text in the chosen format. */
export function renderFreq(rows: readonly FrequencyRow[], o: FreqRenderOptions): string {
  if (o.format === 'json') return `${JSON.stringify({ ...o.json, frequencies: rows }, null, 2)}\n`;
  if (o.format === 'csv') return toCsv(FREQUENCY_COLUMNS, rows as unknown as Record<string, unknown>[]);
  const weighted = rows.some((r) => r.weighted !== r.unweighted);
  const pick = <T>(xs: readonly T[]) => (weighted ? [...xs] : UNWEIGHTED.map((i) => xs[i]!));
  const tables = frequencyTables(rows, o).map((t) => ({ ...t, rows: t.rows.map(pick) }));
  const notes = weighted
    ? o.notes
    : [...o.notes, 'Every weight is 1, so the weighted counts equal n (the JSON and CSV give both).'];
  if (o.format === 'md') {
    const sections = tables.map((t) => `### ${t.title}\n\n${mdTable(pick(HEADER), t.rows, pick(ALIGN))}`);
    return `${sections.join('\n')}\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
  }
  const parts = tables.map((t) =>
    textTable(pick(HEADER), t.rows, {
      colour: o.colour,
      title: t.title,
      align: pick(ALIGN),
      keyColumns: 2,
      ...(o.width ? { width: o.width } : {}),
    }),
  );
  return `${parts.join('\n')}\n${noteLines(notes, o.colour, o.width)}\n`;
}
