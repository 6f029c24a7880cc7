import type { AdjustMethod, TargetRow } from '../types/index.js';
import { formatChange, formatP, formatPercent } from './format-number.js';

/** The adjustment's short name for column heads and legends: "BH", "Holm", or "" for none. */
export function adjustShort(adjust: AdjustMethod): string {
  return adjust === 'bh' ? 'BH' : adjust === 'holm' ? 'Holm' : '';
}

/** What "significant" means under the adjustment in force, as every table legend says it. */
export function significanceLegend(adjust: AdjustMethod, alpha: number): string {
  const pct = `${formatPercent(alpha * 100, Number.isInteger(alpha * 100) ? 0 : 1)}%`;
  if (adjust === 'bh') return `significant (${pct} false discovery rate within the family)`;
  if (adjust === 'holm') return `significant (${pct} family-wise error rate within the family)`;
  return `significant (p < ${String(alpha)}, not adjusted for multiple testing)`;
}

/** What BH controls, and what it does not, for the findings and the methodology. */
export function fdrCaveat(adjust: AdjustMethod, alpha: number): string {
  const pct = `${formatPercent(alpha * 100, Number.isInteger(alpha * 100) ? 0 : 1)}%`;
  const chance = 'Across the many families, some listed differences are expected to be chance.';
  if (adjust === 'bh') return `Each family controls the false discovery rate at ${pct}. ${chance}`;
  if (adjust === 'holm') return `Each family controls the family-wise error rate at ${pct}. ${chance}`;
  return `No adjustment for multiple testing (--adjust none): many listed differences may be chance.`;
}

/** "adj. p 0.001", "adj. p < 0.001", or "p 0.04" without adjustment. */
export function pLabel(p: number, adjust: AdjustMethod): string {
  return `${adjust === 'none' ? 'p' : 'adj. p'} ${formatP(p)}`;
}

/**
 * A change with its sign and its significance, never a bare "yes": "+3.7 ▲ (adj. p 0.001)", "−4.4 ▼ (adj. p
 * < 0.001)" when significant, "+1.1 n.s." when not; '' when there is no change to show.
 */
export function signedChangeText(
  change: number | null,
  pAdjusted: number | null,
  significant: boolean,
  adjust: AdjustMethod,
): string {
  if (change === null) return '';
  if (!significant || pAdjusted === null) return `${formatChange(change)} n.s.`;
  return `${formatChange(change)} ${change > 0 ? '▲' : '▼'} (${pLabel(pAdjusted, adjust)})`;
}

/** "inconclusive (lean below)", "met", "missed", or why there is no verdict. */
export function verdictText(t: Pick<TargetRow, 'verdict' | 'lean' | 'flag'>): string {
  if (t.verdict === null) return t.flag === 'suppressed' ? 'suppressed' : 'no data';
  return t.verdict === 'inconclusive' && t.lean ? `inconclusive (lean ${t.lean})` : t.verdict;
}

/**
 * The two power statements, always together: "could detect a rise of 5 points (smallest detectable 3.1); would
 * confirm the target only if the true rise were at least 8.1 points". A target below its baseline is "a change
 * of the target's size".
 */
export function powerText(
  t: Pick<TargetRow, 'target' | 'baseline' | 'detectableRise' | 'detectsTarget' | 'confirmableRise'>,
): string {
  if (t.confirmableRise === null || t.target === null || t.baseline === null) return '';
  const u = t.target - t.baseline;
  const rise = u >= 0;
  const whole = (x: number) => formatPercent(x).replace(/\.0$/, '');
  const size = rise ? `a rise of ${whole(u)} points` : `a change of the target's size, ${whole(Math.abs(u))} points,`;
  const detect =
    t.detectableRise === null
      ? `could not test ${size}: the target is at or above 100%`
      : (
          `${t.detectsTarget ? 'could' : 'could not reliably'} detect ${size} ` +
          `(smallest detectable ${formatPercent(t.detectableRise)})`
        ).replace(', (', ' (');
  const confirmable = rise ? formatPercent(t.confirmableRise) : formatChange(t.confirmableRise);
  return (
    `${detect}; would confirm the target only if the true ${rise ? 'rise' : 'change'} ` +
    `were at least ${confirmable} points`
  );
}
