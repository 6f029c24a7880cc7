import { mdTable } from './markdown.js';
import { palette, textTable } from './text-table.js';

/** A titled table with notes under it, rendered the same way for the terminal and for Markdown. */
export interface TableSection {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
  /** rows drawn as headings (bold, spanning) */
  headingRows?: number[];
  align?: ('l' | 'r')[];
}

export function tableSectionText(s: TableSection, colour: boolean): string {
  const p = palette(colour);
  const table = textTable(s.header, s.rows, {
    colour,
    title: s.title,
    ...(s.headingRows ? { headingRows: s.headingRows } : {}),
    ...(s.align ? { align: s.align } : {}),
  });
  return `${table}${s.notes.map((n) => p.dim(n)).join('\n')}${s.notes.length ? '\n' : ''}`;
}

export function tableSectionMarkdown(s: TableSection): string {
  const heading = new Set(s.headingRows ?? []);
  const rows = s.rows.map((r, i) => (heading.has(i) ? [`**${r[0] ?? ''}**`, ...s.header.slice(1).map(() => '')] : r));
  const notes = s.notes.length ? `\n${s.notes.map((n) => `> ${n}`).join('\n>\n')}\n` : '';
  return `### ${s.title}\n\n${mdTable(s.header, rows, s.align)}${notes}`;
}
