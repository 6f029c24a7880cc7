/** A GitHub-flavoured Markdown table; `align` per column: 'l' or 'r'. */
export function mdTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : ':---'));
  return [header, sep, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(esc)).join(' | ')} |`).join('\n') + '\n';
}

/** A titled table whose heading rows (a domain's name, say) are set in bold across an otherwise empty row. */
export function headedTableMarkdown(t: { title: string; header: string[]; rows: string[][]; headingRows: number[] }) {
  const rows = t.rows.map((row, i) =>
    t.headingRows.includes(i) ? [`**${row[0]}**`, ...t.header.slice(1).map(() => '')] : row,
  );
  return `### ${t.title}\n\n${mdTable(t.header, rows)}`;
}
