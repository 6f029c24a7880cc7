import type { AreaRegistry } from '../areas/load-areas.js';
import {
  CLASS_EXCLUDED,
  CLASS_NEGATIVE,
  CLASS_POSITIVE,
  CODE_OFFSET,
  type CompiledCodebook,
} from '../codebook/compile-codebook.js';
import { CODE_INVALID, CODE_NA_TEXT, type FrequencyRow } from '../types/index.js';
import { groupKeyer, groupOrder } from './group-tallies.js';
import { CODES, type TallyStore } from './tally-store.js';

/**
 * The missing codes to list, in the codebook's order: each missing value (blank shown as `blank`) under its
 * internal code, values of one reason together; then `invalid` and `NA` text, only when some answer had them.
 */
function missingCodes(cb: CompiledCodebook): { code: number; shown: string; always: boolean }[] {
  const byCode = new Map<number, string[]>();
  for (const [value, code] of cb.missingValues)
    byCode.set(code, [...(byCode.get(code) ?? []), value === '' ? 'blank' : value]);
  return [
    ...[...byCode].map(([code, values]) => ({ code, shown: values.join(' / '), always: true })),
    ...[CODE_INVALID, CODE_NA_TEXT]
      .filter((c) => !byCode.has(c))
      .map((code) => ({ code, shown: code === CODE_INVALID ? 'invalid' : 'NA text', always: false })),
  ];
}

interface GroupCounts {
  wave: string;
  group: string;
  returns: number;
  sumW: number;
  /** (count, Σw) by item × CODES + code + CODE_OFFSET */
  perCode: Float64Array;
}

/**
 * Every answer code of every chosen item, with its count and weighted count, per wave and group of each
 * grouping level: the scale's codes (positive, not positive, excluded), then the missing codes, then the
 * returns whose file had no column for the item. `% of returns` divides by the weighted returns of the group,
 * `% of base` by the weighted base (the positive and not-positive answers); excluded and missing codes have
 * no share of the base. Needs a store made with `perCode`.
 */
export function codeFrequencies(
  store: TallyStore,
  cb: CompiledCodebook,
  registry: AreaRegistry,
  groupings: string[],
  indicators: number[],
  waveOrder: readonly string[] = [],
): FrequencyRow[] {
  const out: FrequencyRow[] = [];
  for (const groupBy of groupings) {
    const groupOf = groupKeyer(store, registry, groupBy);
    const groups = new Map<string, GroupCounts>();
    for (const cell of store.cells.values()) {
      if (!cell.perCode) throw new Error('codeFrequencies needs a tally store made with perCode');
      const group = groupOf(cell.area, cell.profile);
      const key = `${cell.wave}\u0001${group}`;
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = { wave: cell.wave, group, returns: 0, sumW: 0, perCode: new Float64Array(cell.perCode.length) }),
        );
      g.returns += cell.returns;
      g.sumW += cell.sumW;
      for (let j = 0; j < cell.perCode.length; j++) g.perCode[j]! += cell.perCode[j]!;
    }
    const order = groupOrder(registry, cb.codebook, groupBy);
    // waves in the resolved order (wave-order.ts), others as they first appear: never alphabetically
    const waves = [...new Set([...waveOrder, ...[...groups.values()].map((g) => g.wave)])];
    const sorted = [...groups.values()].sort(
      (a, b) =>
        waves.indexOf(a.wave) - waves.indexOf(b.wave) ||
        order(a.group) - order(b.group) ||
        a.group.localeCompare(b.group),
    );
    for (const g of sorted) for (const k of indicators) out.push(...itemRows(g, groupBy, cb, k));
  }
  return out;
}

function itemRows(g: GroupCounts, groupBy: string, cb: CompiledCodebook, k: number): FrequencyRow[] {
  const ci = cb.items[k]!;
  const item = ci.item;
  // internal code i + 1 is the scale's i-th answer (compile-codebook)
  const scale = ci.scale.map((s, i) => ({ ...s, internal: i + 1 }));
  const at = (code: number) => {
    const j = (k * CODES + code + CODE_OFFSET) * 2;
    return { n: g.perCode[j]!, w: g.perCode[j + 1]! };
  };
  let baseW = 0;
  for (const s of scale) {
    const cls = ci.classOf[s.internal + CODE_OFFSET];
    if (cls === CLASS_POSITIVE || cls === CLASS_NEGATIVE) baseW += at(s.internal).w;
  }
  const key = { wave: g.wave, groupBy, group: g.group, indicator: item.id, ni: item.ni ?? null };
  const row = (
    code: string,
    label: string,
    cls: FrequencyRow['class'],
    reason: string | null,
    n: number,
    w: number,
    inBase: boolean,
  ): FrequencyRow => ({
    ...key,
    code,
    label,
    class: cls,
    reason,
    unweighted: n,
    weighted: w,
    percentOfReturns: g.sumW > 0 ? (100 * w) / g.sumW : null,
    percentOfBase: inBase && baseW > 0 ? (100 * w) / baseW : null,
  });
  const rows: FrequencyRow[] = [];
  let answered = 0;
  let answeredW = 0;
  for (const s of scale) {
    const { n, w } = at(s.internal);
    answered += n;
    answeredW += w;
    const cls = ci.classOf[s.internal + CODE_OFFSET];
    if (cls === CLASS_EXCLUDED)
      rows.push(
        row(
          String(s.code),
          s.label,
          'excluded',
          (ci.reasonOf[s.internal + CODE_OFFSET] ?? '').replace(/^excluded:/, ''),
          n,
          w,
          false,
        ),
      );
    else
      rows.push(row(String(s.code), s.label, cls === CLASS_POSITIVE ? 'positive' : 'not positive', null, n, w, true));
  }
  for (const m of missingCodes(cb)) {
    const { n, w } = at(m.code);
    answered += n;
    answeredW += w;
    if (!m.always && n === 0) continue;
    const reason = (ci.reasonOf[m.code + CODE_OFFSET] ?? 'missing:unknown').replace(/^missing:/, '');
    rows.push(row(m.shown, reason.replace(/-/g, ' '), 'missing', reason, n, w, false));
  }
  // rows whose file had no column for this item: returns, but no answer at all
  const absent = g.returns - answered;
  if (absent > 0)
    rows.push(row('—', 'not in the file', 'absent', 'item-absent', absent, Math.max(0, g.sumW - answeredW), false));
  return rows;
}
