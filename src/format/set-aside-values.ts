import type { Issue } from '../types/index.js';
import { formatCount } from './format-number.js';

const SHOWN = 5;

/**
 * The rows set aside for one reason and the values behind them, most frequent first, with their counts and
 * suggestions: `131 row(s) set aside as unknown-area: "Sharnfrod" 131 (did you mean Sharnford?)`. The counts per value
 * come from the issues the log kept (the first 10,000 of a reason). Null when none was set aside.
 */
export function setAsideValues(issues: readonly Issue[], reason: string, total: number): string | null {
  const byValue = new Map<string, { n: number; suggestion: string | undefined }>();
  for (const i of issues) {
    if (i.reason !== reason) continue;
    const v = byValue.get(i.value) ?? { n: 0, suggestion: i.suggestion };
    v.n += 1;
    byValue.set(i.value, v);
  }
  if (!byValue.size || total === 0) return null;
  const top = [...byValue].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, SHOWN);
  const listed = top
    .map(([value, v]) => `"${value}" ${formatCount(v.n)}${v.suggestion ? ` (${v.suggestion})` : ''}`)
    .join(', ');
  const more = byValue.size > SHOWN ? `, and ${byValue.size - SHOWN} more value(s)` : '';
  return `${formatCount(total)} row(s) set aside as ${reason}: ${listed}${more}`;
}
