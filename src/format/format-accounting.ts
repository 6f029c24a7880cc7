import type { Accounting } from '../types/index.js';
import { formatCount } from './format-number.js';

const n = formatCount;

/**
 * One line: `rows: 3,400 read, 3,390 analysed, 10 set aside (unknown-area 6, …); 12 invalid cells …; 2 blank
 * lines skipped; duplicates not checked in a.csv (no respondent id column)`.
 */
export function formatAccountingLine(a: Accounting): string {
  const setAside = Object.values(a.setAside).reduce((s, k) => s + k, 0);
  const reasons = Object.entries(a.setAside)
    .filter(([, k]) => k > 0)
    .map(([r, k]) => `${r} ${n(k)}`)
    .join(', ');
  const cells = Object.values(a.cellIssues).reduce((s, k) => s + k, 0);
  const blank = a.blankLinesSkipped ?? 0;
  const unchecked = a.duplicatesUnchecked ?? [];
  return (
    `rows: ${n(a.read)} read, ${n(a.analysed)} analysed, ` +
    `${n(setAside)} set aside${reasons ? ` (${reasons})` : ''}` +
    (cells ? `; ${n(cells)} invalid cell(s) treated as missing` : '') +
    (blank ? `; ${n(blank)} blank line${blank === 1 ? '' : 's'} skipped` : '') +
    (unchecked.length ? `; duplicates not checked in ${unchecked.join(', ')} (no respondent id column)` : '') +
    (a.titleLinesSkipped ? `; ${n(a.titleLinesSkipped)} title line(s) above the header skipped` : '')
  );
}
