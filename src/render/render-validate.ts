import type { Accounting, FileInfo, Issue } from '../types/index.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { formatCount } from '../format/format-number.js';
import { palette } from './text-table.js';

export interface ValidateResult {
  schemaVersion: number;
  files: FileInfo[];
  /** headers read under another name: a spelling from the codebook's "columns", or --columns */
  columns: { file: string; header: string; column: string }[];
  accounting: Accounting;
  /** the first --max-issues of each reason */
  issues: Issue[];
  /** issues of each reason not listed */
  issuesOmitted: Record<string, number>;
  totals: { errors: number; warnings: number };
  /** a problem that stopped the run (unreadable, empty, binary, missing column) */
  fatal: string | null;
}

export function issueLocation(i: Issue): string {
  // an SPSS case or an Excel row is no line of text: "file: case 1,234, column 5"
  if (i.unit !== undefined) {
    const where = i.line > 0 ? `: ${i.unit} ${formatCount(i.line)}` : '';
    return `${i.file}${where}${i.column > 0 ? `${i.line > 0 ? ',' : ':'} column ${i.column}` : ''}`;
  }
  return `${i.file}${i.line > 0 ? `:${i.line}` : ''}${i.line > 0 && i.column > 0 ? `:${i.column}` : ''}`;
}

/** The accounting, then each issue with file:line:column, then the totals. */
export function renderValidateText(r: ValidateResult, colour: boolean): string {
  const p = palette(colour);
  const a = r.accounting;
  const lines: string[] = [p.bold('Row accounting')];
  if (r.fatal) lines.push(`  ${p.bad('fatal:')} ${r.fatal.split('\n').join('\n  ')}`);
  else {
    lines.push(`  ${formatAccountingLine(a)}`);
    for (const f of r.files) {
      const layout =
        f.separator !== null
          ? `separator ${JSON.stringify(f.separator)}`
          : f.format === 'xlsx'
            ? `sheet "${f.sheet ?? ''}"`
            : 'SPSS file';
      const absent = f.itemsAbsent.length ? `, ${f.itemsAbsent.length} item(s) not in this file` : '';
      lines.push(`  ${f.file}: ${f.rows} ${f.format === 'sav' ? 'cases' : 'rows'}, ${f.encoding}, ${layout}${absent}`);
    }
    if (r.columns.length)
      lines.push(
        '  columns read under another name:',
        ...r.columns.map((c) => `    ${c.file}: "${c.header}" as ${c.column}`),
      );
    const setAside = Object.entries(a.setAside);
    if (setAside.length) lines.push('  set aside by reason:', ...setAside.map(([k, n]) => `    ${k.padEnd(28)} ${n}`));
    const cells = Object.entries(a.cellIssues);
    if (cells.length) lines.push('  invalid cells by column:', ...cells.map(([k, n]) => `    ${k.padEnd(28)} ${n}`));
    const missing = Object.entries(a.answers).filter(([, rs]) => Object.keys(rs).length);
    if (missing.length) {
      lines.push('  answers left out of the base (missing:, excluded:) or read by a rule (read-as-code:), by column:');
      for (const [item, rs] of missing)
        lines.push(
          `    ${item.padEnd(22)} ${Object.entries(rs)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
        );
    }
  }
  if (r.issues.length) {
    lines.push('', p.bold('Issues'));
    for (const i of r.issues) {
      const sev = i.severity === 'error' ? p.bad('error') : p.warn('warning');
      lines.push(
        `  ${issueLocation(i)}: ${sev} [${i.reason}]${i.columnName ? ` ${i.columnName}:` : ''} ` +
          `${i.message}${i.suggestion ? ` — ${i.suggestion}` : ''}`,
      );
    }
  }
  const omitted = Object.entries(r.issuesOmitted).filter(([, n]) => n > 0);
  if (omitted.length)
    lines.push(`  … and ${omitted.map(([k, n]) => `${n} more ${k}`).join(', ')} (raise --max-issues to see them)`);
  lines.push(
    '',
    `${p.bold('Totals')}: ${r.totals.errors} error(s), ${r.totals.warnings} warning(s)${r.fatal ? ', 1 fatal' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
