import Papa from 'papaparse';

/**
 * CSV with a header, safe to open in a spreadsheet: a text cell starting with =, +, -, @, tab or CR
 * is prefixed with a single quote so it is not run as a formula (OWASP CSV injection guidance).
 * Numbers are written unrounded; null is an empty cell.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const data = rows.map((r) => columns.map((c) => csvCell(r[c])));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n' })}\n`;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
