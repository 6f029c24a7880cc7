import type { Estimate } from '../types/index.js';
import { formatCount, formatPercent } from '../format/format-number.js';

export interface CellOptions {
  showCi: boolean;
  showBase: boolean;
}

/** `78.0 (75.3–80.5)`, `*` when suppressed, `–` with no data; `†` marks an indicative figure. */
export function estimateCell(e: Estimate | undefined, o: CellOptions): string {
  if (!e || e.flag === 'no-data') return '–';
  const base = o.showBase ? ` n=${formatCount(e.unweightedBase)}` : '';
  if (e.flag === 'suppressed' || e.percent === null) return `*${base}`;
  const ci = o.showCi ? ` (${formatPercent(e.ciLow)}–${formatPercent(e.ciHigh)})` : '';
  return `${formatPercent(e.percent)}${ci}${e.flag === 'indicative' ? '†' : ''}${base}`;
}
