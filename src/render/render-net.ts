import type { Codebook } from '../codebook/schema.js';
import { formatChange, formatP } from '../format/format-number.js';
import type { Estimate, GroupLabel, NetChangeDesign, NetChangeRow } from '../types/index.js';
import type { TableSection } from './table-section.js';
import { indicatorLabels } from '../format/indicator-label.js';

/** Group columns per net-score table (the whole-survey column included). */
const MAX_COLUMNS = 5;

export const NET_COLUMNS = ['net', 'netSe', 'netCiLow', 'netCiHigh'] as const;

/** `+35.1 (+7.9 to +62.4)`; `*` suppressed, `–` no data; † indicative, as for percentages. */
export function netCell(e: Estimate | undefined, showCi: boolean): string {
  if (!e || e.flag === 'no-data') return '–';
  if (e.net === null || e.net === undefined) return e.flag === 'suppressed' ? '*' : '–';
  const ci = showCi ? ` (${formatChange(e.netCiLow)} to ${formatChange(e.netCiHigh)})` : '';
  return `${formatChange(e.net)}${ci}${e.flag === 'indicative' ? '†' : ''}`;
}

export const NET_NOTE =
  'Net = % positive − % negative of the base (points, −100 to +100); the rest of the base is neutral. Where an ' +
  'item has ' +
  'no neutral answer, net = 2 × percent − 100. SE = √((p₊ + p₋ − (p₊ − p₋)²)/n_eff), Wald CI on Kish n_eff, clipped ' +
  'to ±100.';

/** Net scores (`--net`): per wave and grouping level, rows = the items with negative codes, columns = groups. */
export function netEstimateSections(
  estimates: readonly Estimate[],
  cb: Codebook,
  waves: readonly string[],
  groupings: readonly string[],
  label: GroupLabel,
  showCi: boolean,
): TableSection[] {
  const withNet = estimates.filter((e) => e.net !== undefined);
  const items = cb.items.filter((it) => (it.negative ?? []).length > 0 && withNet.some((e) => e.indicator === it.id));
  if (!items.length) return [];
  const index = new Map(withNet.map((e) => [`${e.wave}|${e.groupBy}|${e.group}|${e.indicator}`, e]));
  const name = indicatorLabels(cb);
  const out: TableSection[] = [];
  for (const wave of waves)
    for (const groupBy of groupings) {
      const groups = [...new Set(withNet.filter((e) => e.wave === wave && e.groupBy === groupBy).map((e) => e.group))];
      for (let i = 0; i < groups.length; i += MAX_COLUMNS) {
        const cols = groups.slice(i, i + MAX_COLUMNS);
        out.push({
          title: `Net scores, wave ${wave} — ${groupBy === 'all' ? 'all surveyed areas' : `by ${groupBy}`}`,
          header: ['Indicator', ...cols.map((g) => label(groupBy, g))],
          rows: items.map((it) => [
            name(it.id),
            ...cols.map((g) => netCell(index.get(`${wave}|${groupBy}|${g}|${it.id}`), showCi)),
          ]),
          notes: [],
        });
      }
    }
  const last = out[out.length - 1];
  if (last) last.notes = [NET_NOTE];
  return out;
}

/** Wave changes of the net scores: one section per grouping level. */
export function netChangeSections(
  rows: readonly NetChangeRow[],
  d: NetChangeDesign | undefined,
  cb: Codebook,
  label: GroupLabel,
  levelPct: number,
): TableSection[] {
  if (!rows.length || !d) return [];
  const name = indicatorLabels(cb);
  const adjusted = d.adjustment !== 'none';
  return [...new Set(rows.map((r) => r.groupBy))].map((groupBy) => ({
    title: `Change in net score ${d.from} → ${d.to}, ${groupBy === 'all' ? 'all surveyed areas' : `by ${groupBy}`}`,
    header: [
      'Indicator',
      'Group',
      `Net ${d.from}`,
      `Net ${d.to}`,
      `Change, points (${levelPct}% CI)`,
      ...(adjusted ? ['p', `p (${d.adjustment === 'bh' ? 'BH' : 'Holm'})`] : ['p (raw)']),
      `Significant (α ${d.alpha})`,
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', ...(adjusted ? ['r' as const] : [])],
    rows: rows
      .filter((r) => r.groupBy === groupBy)
      .map((r) => {
        const gone = r.changePp === null;
        return [
          name(r.indicator),
          label(r.groupBy, r.group),
          gone ? '*' : formatChange(r.net1),
          gone ? '*' : formatChange(r.net2),
          gone ? '*' : `${formatChange(r.changePp)} (${formatChange(r.ciLow)} to ${formatChange(r.ciHigh)})`,
          ...(adjusted ? [formatP(r.p), formatP(r.pAdjusted)] : [formatP(r.p)]),
          r.flag === 'no-variance' ? 'no variance' : r.significant ? 'yes' : 'no',
        ];
      }),
    notes: [`z = (net₂ − net₁)/√(se₁² + se₂²), each se on its wave's Kish n_eff. Family: ${d.family}.`],
  }));
}
