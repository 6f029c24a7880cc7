import type { Codebook } from '../codebook/schema.js';
import { fdrCaveat } from '../format/significance.js';
import type { AdjustMethod } from '../types/index.js';
import type { GroupLabel, Inference, TargetRow } from '../types/index.js';
import { strongestFirst } from '../format/finding-order.js';
import { formatChange, formatPercent } from '../format/format-number.js';
import { findingText } from './finding-text.js';
import type { Section } from './render-inference.js';
import { verdictWords } from './verdict-words.js';
import { indicatorLabel } from '../format/indicator-label.js';

/** How many findings the summary lists. */
export const SUMMARY_FINDINGS = 10;

const niNumber = (ni: string | null) => (ni ? Number(ni.replace(/^NI/, '')) : Infinity);

/** The target rows of the headline: the NI indicators (else every judged one) for all surveyed areas. */
export function headlineRows(inf: Inference): TargetRow[] {
  const all = (inf.targets ?? []).filter((r) => r.groupBy === 'all');
  const ni = all.filter((r) => r.ni);
  return [...(ni.length ? ni : all)].sort((a, b) => niNumber(a.ni) - niNumber(b.ni));
}

/**
 * "Belong to neighbourhood (NI2): 73.9% in 2006 → 77.6% in 2009, +3.7 points; target 78.9%: inconclusive,
 * leaning below the target." One line per NI indicator, for all surveyed areas.
 */
export function headlineSection(inf: Inference, cb: Codebook): Section[] {
  const d = inf.targetDesign;
  const rows = headlineRows(inf);
  if (!d || !rows.length) return [];
  const items = new Map(cb.items.map((it) => [it.id, it]));
  const lines = rows.map((r) => {
    const it = items.get(r.indicator);
    const name = indicatorLabel({ shortLabel: it?.shortLabel ?? r.indicator, ni: r.ni });
    const from = r.baselineWave ? `${pct(r.baseline)} in ${r.baselineWave}` : `${pct(r.baseline)} (published baseline)`;
    const change = r.baseline !== null && r.current !== null ? `, ${formatChange(r.current - r.baseline)} points` : '';
    const lean = (r as { lean?: string | null }).lean;
    return [
      '',
      `${name}: ${from} → ${pct(r.current)} in ${r.currentWave}${change}; target ${pct(r.target)}: ` +
        `${verdictWords(r.verdict, lean, r.flag)}.`,
    ];
  });
  const rule = d.rule === 'points' ? `+${d.uplift} points` : `×${formatPercent(1 + d.uplift / 100, 2)}`;
  const on = d.baselineWave ? `on the ${d.baselineWave} baseline` : 'on the published baseline';
  return [
    {
      title: `Targets, all surveyed areas (${rule} ${on})`,
      header: ['#', 'Target'],
      rows: lines,
      notes: [
        'Met or missed: the whole margin of error is on one side of the target; inconclusive: it reaches both sides.',
      ],
    },
  ];
}

const pct = (x: number | null) => (x === null ? 'suppressed' : `${formatPercent(x)}%`);

/** The strongest findings of any kind (smallest adjusted p, then largest difference), then how many more. */
export function topFindingsSection(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  n = SUMMARY_FINDINGS,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  if (!inf.findings) return [];
  const ranked = inf.findings.filter((f) => f.kind !== 'no-type-difference').sort(strongestFirst);
  const shown = ranked.slice(0, n);
  const more = ranked.length - shown.length;
  const plural = (k: number) => `${k} finding${k === 1 ? '' : 's'}`;
  return [
    {
      title:
        ranked.length > shown.length
          ? `The ${shown.length} strongest of ${plural(ranked.length)}`
          : `Findings (${ranked.length})`,
      header: ['#', 'Finding'],
      rows: shown.length
        ? shown.map((f, i) => [String(i + 1), findingText(f, cb, label)])
        : [['', 'No test supports a finding after the correction in force.']],
      notes: [
        ...(more
          ? [
              `${more} more finding${more === 1 ? '' : 's'}: --detail full shows them all, with every table (or ` +
                `--format json).`,
            ]
          : []),
        'Each rests on a test that is significant after the correction in force; strongest first (adjusted p, then ' +
          'size).',
        fdrCaveat(adjust, alpha),
      ],
    },
  ];
}
