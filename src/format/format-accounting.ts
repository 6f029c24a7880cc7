import type { Accounting } from '../types/index.js';

/** One line: `rows: 3,400 read, 3,390 analysed, 10 set aside (unknown-area 6, …); 12 invalid cells`. */
export function formatAccountingLine(a: Accounting): string {
  const setAside = Object.values(a.setAside).reduce((s, n) => s + n, 0);
  const reasons = Object.entries(a.setAside)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} ${n.toLocaleString('en-GB')}`)
    .join(', ');
  const cells = Object.values(a.cellIssues).reduce((s, n) => s + n, 0);
  return (
    `rows: ${a.read.toLocaleString('en-GB')} read, ${a.analysed.toLocaleString('en-GB')} analysed, ` +
    `${setAside.toLocaleString('en-GB')} set aside${reasons ? ` (${reasons})` : ''}` +
    (cells ? `; ${cells.toLocaleString('en-GB')} invalid cell(s) treated as missing` : '')
  );
}
