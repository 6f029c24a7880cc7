import type { AnalyseResult, ComparisonRow } from '../types/index.js';
import type { Estimate } from '../types/index.js';
import { formatChange, formatCount, formatP, formatPercent } from '../format/format-number.js';
import { pLabel } from '../format/significance.js';
import type { AdjustMethod } from '../types/index.js';

/** What each target verdict means, in words a reader outside statistics can follow. */
export const VERDICT_WORDS: Record<string, { short: string; long: string }> = {
  met: { short: 'Met', long: 'the whole margin of error is at or above the target' },
  missed: { short: 'Missed', long: 'the whole margin of error is below the target' },
  inconclusive: {
    short: 'Inconclusive',
    long: 'the margin of error reaches both sides of the target; the lean says which side the estimate is on',
  },
};

/** `78.3` or, for a figure that cannot be shown, why not. Never 0 for a suppressed cell. */
export function percentText(e: Estimate | undefined): string {
  if (!e || e.flag === 'no-data') return 'no data';
  if (e.flag === 'suppressed' || e.percent === null) return 'suppressed';
  return `${formatPercent(e.percent)}${e.flag === 'indicative' ? '†' : ''}`;
}

export function ciText(lo: number | null | undefined, hi: number | null | undefined): string {
  if (lo === null || lo === undefined || hi === null || hi === undefined) return '';
  return `${formatPercent(lo)}–${formatPercent(hi)}`;
}

export function changeCiText(lo: number | null | undefined, hi: number | null | undefined): string {
  if (lo === null || lo === undefined || hi === null || hi === undefined) return '';
  return `${formatChange(lo)} to ${formatChange(hi)}`;
}

/** Half the width of the interval: "about ±1.5 points" (Wilson intervals are not quite symmetric). */
export function marginText(e: Estimate | undefined): string {
  if (!e || e.ciLow === null || e.ciHigh === null) return '';
  return `±${formatPercent((e.ciHigh - e.ciLow) / 2)} points`;
}

/** "78.3% (95% CI 76.8–79.7%, about ±1.5 points; n = 1,512)". */
export function estimateSentence(e: Estimate | undefined, level: number): string {
  if (!e || e.flag === 'no-data') return 'no data';
  if (e.flag === 'suppressed' || e.percent === null) return `suppressed (base ${formatCount(e.unweightedBase)})`;
  return (
    `${formatPercent(e.percent)}% (${levelText(level)} CI ${ciText(e.ciLow, e.ciHigh)}%, about ${marginText(e)}; ` +
    `n = ${formatCount(e.unweightedBase)})${e.flag === 'indicative' ? ', indicative' : ''}`
  );
}

export function levelText(level: number): string {
  return `${formatPercent(level * 100, Number.isInteger(level * 100) ? 0 : 1)}%`;
}

/**
 * The change in words, its CI, then whether it is significant: "+3.7 points (CI +1.6 to +5.9), a significant rise ▲
 * (adj. p 0.012)", "+1.1 points (CI −0.9 to +3.1), not significant (adj. p 0.41)", or why it cannot be given.
 */
export function changeSentence(c: ComparisonRow | undefined, adjust: AdjustMethod): string {
  if (!c) return '';
  if (c.changePp === null)
    return c.flag === 'suppressed'
      ? 'change not assessed: a base is below the minimum'
      : 'change not assessed: no data';
  const change = `${formatChange(c.changePp)} points (CI ${changeCiText(c.ciLow, c.ciHigh)})`;
  const p = c.pAdjusted === null ? '' : ` (${pLabel(c.pAdjusted, adjust)})`;
  if (!c.significant) return `${change}, not significant${p}`;
  return `${change}, a significant ${c.changePp > 0 ? 'rise ▲' : 'fall ▼'}${p}`;
}

/** How significance was judged, for notes under tables: "after Benjamini–Hochberg adjustment within each family". */
export function adjustPhrase(adjust: AdjustMethod): string {
  if (adjust === 'bh') return ' after Benjamini–Hochberg adjustment within each family';
  if (adjust === 'holm') return ' after Holm adjustment within each family';
  return ' (no adjustment)';
}

/** "= 0.012" or "< 0.001". */
export function pText(p: number | null): string {
  const s = formatP(p);
  return s.startsWith('<') ? s : `= ${s}`;
}

/** "Verdict: inconclusive, leaning below (the margin of error reaches both sides …)". */
export function verdictSentence(verdict: string, lean: string | null = null): string {
  const w = VERDICT_WORDS[verdict];
  const leanText = lean ? `, leaning ${lean} the target` : '';
  return w ? `Verdict: ${w.short.toLowerCase()}${leanText} (${w.long})` : `Verdict: ${verdict}${leanText}`;
}

/** The report shows the strongest findings of each kind, then a count of the rest and all of them folded away. */
export const REPORT_FINDINGS_PER_KIND = 5;

export const FINDING_HEADINGS: Record<string, string> = {
  change: 'Changes between waves',
  'type-difference': 'Differences between area types',
  'surveyed-type-difference': 'Differences between the surveyed areas of each type',
  'area-difference': 'Neighbourhoods that differ from the rest of the surveyed areas',
  'no-type-difference': 'No difference between area types',
};

/**
 * Findings grouped by kind, in the order of first appearance; the result's order (strongest first) is kept within
 * each.
 */
export function groupFindings<T extends { kind: string }>(
  findings: readonly T[],
): { kind: string; heading: string; items: T[] }[] {
  const out: { kind: string; heading: string; items: T[] }[] = [];
  for (const f of findings) {
    let g = out.find((x) => x.kind === f.kind);
    if (!g) out.push((g = { kind: f.kind, heading: FINDING_HEADINGS[f.kind] ?? f.kind, items: [] }));
    g.items.push(f);
  }
  return out;
}

/** The small-base rule as the report shows it (words, where tables print `*`). */
export function smallBaseRule(d: { minBase: number; indicativeBase: number }): string {
  return (
    `Suppressed: unweighted base under ${d.minBase} (no percent, no positive count); ` +
    `† indicative: base under ${d.indicativeBase}`
  );
}

/**
 * Each wave with its returns and response rate: "2009 (3,162 returns, 32.0% of 9,880 mailed)". A suspect wave (a
 * stray label such as `06`) is marked so, since the report's other sections leave it out of the comparison.
 */
export function waveSummaries(r: Pick<AnalyseResult, 'waves' | 'returns' | 'suspectWaves'>): string[] {
  return r.waves.map((w) => {
    const suspect = r.suspectWaves.find((s) => s.wave === w);
    const mark = suspect ? `; suspect wave${suspect.nearest !== null ? `: did you mean ${suspect.nearest}?` : ''}` : '';
    const ret = r.returns.find((x) => x.wave === w && x.groupBy === 'all');
    if (!ret) return suspect ? `${w} (${mark.slice(2)})` : w;
    const rate =
      ret.responseRate !== null && ret.mailed !== null
        ? `, ${formatPercent(ret.responseRate)}% of ${formatCount(ret.mailed)} mailed`
        : '';
    const returns = `${formatCount(ret.returns)} return${ret.returns === 1 ? '' : 's'}`;
    return `${w} (${returns}${rate}${mark})`;
  });
}

/** The waves a report is about: every wave but the suspect ones. */
export function reportedWaves(r: Pick<AnalyseResult, 'waves' | 'suspectWaves'>): string[] {
  return r.waves.filter((w) => !r.suspectWaves.some((s) => s.wave === w));
}
