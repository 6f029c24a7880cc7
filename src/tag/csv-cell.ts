/**
 * One CSV cell, safe to open in a spreadsheet: text starting with = + - @ tab or CR gets a leading
 * single quote (so it is not read as a formula), then RFC 4180 quoting when needed.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
