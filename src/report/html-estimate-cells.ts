import type { ComparisonRow } from '../types/index.js';
import { formatChange, formatCount, formatP, formatPercent } from '../format/format-number.js';
import type { Estimate } from '../types/index.js';
import { dataKey, td } from './html-parts.js';
import { changeCiText, ciText } from './report-words.js';

type Key = { wave: string; groupBy: string; group: string; indicator: string };

/**
 * Percent, CI and unweighted base as three cells, and Kish's effective n as a fourth when `neff`; a
 * suppressed percent reads "suppressed", never 0.
 */
export function estimateCells(e: Estimate | undefined, key: Key, suffix = '', neff = false): string[] {
  return [
    ...percentCells(e, key, suffix),
    ...(neff
      ? [td(e && e.unweightedBase > 0 ? formatCount(e.nEff) : '', { class: 'num', ...dataKey('nEff', key) })]
      : []),
  ];
}

function percentCells(e: Estimate | undefined, key: Key, suffix: string): string[] {
  const n = td(e ? formatCount(e.unweightedBase) : '', { class: 'num', ...dataKey('unweightedBase', key) });
  if (!e || e.flag === 'no-data')
    return [td('no data', { class: 'num no-data', ...dataKey('percent', key) }), td('', { class: 'num' }), n];
  if (e.flag === 'suppressed' || e.percent === null)
    return [td('suppressed', { class: 'num suppressed', ...dataKey('percent', key) }), td('', { class: 'num' }), n];
  const ind = e.flag === 'indicative';
  return [
    td(`${formatPercent(e.percent)}${ind ? '†' : ''}${suffix}`, {
      class: `num${ind ? ' indicative' : ''}`,
      ...dataKey('percent', key),
      title: ind ? 'indicative: small base' : undefined,
    }),
    td(ciText(e.ciLow, e.ciHigh), { class: 'num', ...dataKey('ci', key) }),
    n,
  ];
}

/** Change, its CI and the (adjusted) p as three cells. */
export function changeCells(c: ComparisonRow | undefined, key: Omit<Key, 'wave'>): string[] {
  if (!c) return [td('', { class: 'num' }), td('', { class: 'num' }), td('', { class: 'num' })];
  if (c.changePp === null) {
    const why = c.flag === 'suppressed' ? 'suppressed' : 'no data';
    return [
      td(why, { class: `num ${c.flag === 'suppressed' ? 'suppressed' : 'no-data'}`, ...dataKey('changePp', key) }),
      td('', { class: 'num' }),
      td('', { class: 'num' }),
    ];
  }
  const sig = c.significant ? ' sig' : '';
  // Every significant change carries its sign: ▲ a significant rise, ▼ a significant fall, n.s. otherwise.
  const mark = c.significant ? (c.changePp > 0 ? ' ▲' : ' ▼') : ' n.s.';
  return [
    td(`${formatChange(c.changePp)}${mark}`, { class: `num${sig}`, ...dataKey('changePp', key) }),
    td(changeCiText(c.ciLow, c.ciHigh), { class: 'num', ...dataKey('changeCi', key) }),
    td(formatP(c.pAdjusted), { class: `num${sig}`, ...dataKey('pAdjusted', key) }),
  ];
}
