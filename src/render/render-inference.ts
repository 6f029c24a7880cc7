import type { Codebook } from '../codebook/schema.js';
import type { Inference } from '../types/index.js';
import type { GroupLabel } from '../types/index.js';
import { formatChange, formatP, formatPercent } from '../format/format-number.js';
import {
  adjustShort,
  fdrCaveat,
  powerText,
  significanceLegend,
  signedChangeText,
  verdictText,
} from '../format/significance.js';
import type { AdjustMethod } from '../types/index.js';
import { mdTable } from './markdown.js';
import { noteLines, palette, textTable } from './text-table.js';
import { wrapText } from './text-width.js';
import { findingText } from './finding-text.js';
import { indicatorLabels } from '../format/indicator-label.js';

/** A section renders to the terminal and to Markdown from the same rows. */
export interface Section {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
  /** row indexes whose verdict or significance should stand out */
  emphasis?: Map<number, 'good' | 'bad'>;
  /** per column; default: the first two left, numbers right */
  align?: ('l' | 'r')[];
}

/** "BH within NI2 × neighbourhood × 2006→2009, 20 tests", or for several families of one level, each one's size. */
export function familyCaption(
  rows: readonly { family: string; familySize: number }[],
  adjust: AdjustMethod,
  pattern: string,
): string {
  const method = adjust === 'none' ? 'No adjustment' : adjustShort(adjust);
  const fams = new Map(rows.filter((r) => r.familySize > 0).map((r) => [r.family, r.familySize]));
  if (fams.size === 0) return `${method}: no test could be run`;
  const sizes = [...new Set(fams.values())].sort((x, y) => x - y);
  const tests = (n: number) => `${n} test${n === 1 ? '' : 's'}`;
  if (fams.size === 1) {
    const [[family, n]] = [...fams] as [[string, number]];
    return `${method} within ${family}, ${tests(n)}`;
  }
  const size = sizes.length === 1 ? `${tests(sizes[0]!)} each` : `${sizes[0]}–${tests(sizes.at(-1)!)} each`;
  return `${method} within each ${pattern}, ${size}`;
}

export function comparisonSections(inf: Inference, cb: Codebook, label: GroupLabel, levelPct: number): Section[] {
  const rows = inf.comparisons ?? [];
  const d = inf.comparisonDesign;
  if (!rows.length || !d) return [];
  const name = indicatorLabels(cb);
  const levels = [...new Set(rows.map((r) => r.groupBy))];
  const adjusted = d.adjustment !== 'none';
  return levels.map((groupBy) => {
    const inLevel = rows.filter((r) => r.groupBy === groupBy);
    const emphasis = new Map<number, 'good' | 'bad'>();
    const body = inLevel.map((r, i) => {
      if (r.significant && r.changePp !== null) emphasis.set(i, r.changePp > 0 ? 'good' : 'bad');
      const suppressed = r.flag === 'suppressed' || r.flag === 'no-data';
      return [
        name(r.indicator),
        label(r.groupBy, r.group),
        suppressed ? '*' : formatPercent(r.p1),
        suppressed ? '*' : formatPercent(r.p2),
        suppressed
          ? '*'
          : r.flag === 'no-variance'
            ? `${formatChange(r.changePp)} no variance`
            : signedChangeText(r.changePp, r.pAdjusted, r.significant, d.adjustment) +
              (r.flag === 'indicative' ? '†' : ''),
        suppressed ? '' : `${formatChange(r.ciLow)} to ${formatChange(r.ciHigh)}`,
        formatP(r.p),
      ];
    });
    const caption = familyCaption(inLevel, d.adjustment, `indicator × ${groupBy} × ${d.from}→${d.to}`);
    return {
      title: `Change ${d.from} → ${d.to}, ${groupBy === 'all' ? 'all surveyed areas' : `by ${groupBy}`} (${caption})`,
      header: [
        'Indicator',
        'Group',
        d.from,
        d.to,
        `Change, points${adjusted ? ' (adj. p)' : ''}`,
        `${levelPct}% CI`,
        'p (raw)',
      ],
      rows: body,
      notes: [
        `▲ / ▼ ${significanceLegend(d.adjustment, d.alpha)}; n.s. not significant. z = (p2 − p1)/√(se1² + se2²), ` +
          `each se on its wave's Kish effective n; the two waves are independent samples.`,
      ],
      emphasis,
    };
  });
}

export function targetSection(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  _levelPct?: number,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  const rows = inf.targets ?? [];
  const d = inf.targetDesign;
  if (!rows.length || !d) return [];
  const name = indicatorLabels(cb);
  const emphasis = new Map<number, 'good' | 'bad'>();
  // ◀ marks, per row, the one target that decides: the targets file's own target where it gives one, else the rule's
  const mark = (row: (typeof rows)[number], source: string, text: string) =>
    row.targetSource === source ? `${text} ◀` : text;
  const fileTargets = rows.some((r) => r.targetSource === 'file');
  const ciPct = formatPercent(100 * (1 - alpha), Number.isInteger(100 * (1 - alpha)) ? 0 : 1);
  const body = rows.map((r, i) => {
    if (r.verdict === 'met') emphasis.set(i, 'good');
    if (r.verdict === 'missed') emphasis.set(i, 'bad');
    return [
      name(r.indicator),
      label(r.groupBy, r.group),
      formatPercent(r.baseline),
      formatPercent(r.current),
      mark(r, 'points', formatPercent(r.targetPoints)),
      mark(r, 'relative', formatPercent(r.targetRelative)),
      ...(fileTargets ? [r.targetSource === 'file' ? mark(r, 'file', formatPercent(r.target)) : ''] : []),
      r.d === null ? '*' : `${formatChange(r.d)} (${formatChange(r.ciLow)} to ${formatChange(r.ciHigh)})`,
      verdictText(r),
      formatP(r.pMet),
      signedChangeText(
        r.change,
        r.changePAdjusted,
        r.changeDirection === 'rose' || r.changeDirection === 'fell',
        adjust,
      ),
    ];
  });
  const power = rows.flatMap((r) => {
    const text = powerText(r);
    return text ? [`${name(r.indicator)}, ${label(r.groupBy, r.group)}: ${text}.`] : [];
  });
  const notes = rows.flatMap((r) =>
    r.note && r.flag !== 'suppressed' && r.flag !== 'no-data'
      ? [`${name(r.indicator)}, ${label(r.groupBy, r.group)}: ${r.note}`]
      : [],
  );
  const decidesWords = fileTargets
    ? `◀ marks the target that decides the verdict: the targets file's own target (column "Target, file") where the ` +
      `file gives one, else the ${d.rule} rule's; both readings of "${d.uplift}%" are shown.`
    : `◀ marks the target that decides the verdict; both readings of "${d.uplift}%" are shown.`;
  const families = [...new Set(rows.flatMap((r) => (r.changeFamily && r.changeP !== null ? [r.changeFamily] : [])))];
  return [
    {
      title: `Targets: ${d.label}`,
      header: [
        'Indicator',
        'Group',
        d.baselineWave ? `Base ${d.baselineWave}` : 'Baseline',
        `Now ${d.currentWave}`,
        `Target +${d.uplift}`,
        `Target ×${1 + d.uplift / 100}`,
        ...(fileTargets ? ['Target, file'] : []),
        `d (${ciPct}% CI)`,
        'Verdict',
        'p (met)',
        `Change${adjust === 'none' ? '' : ' (adj. p)'}`,
      ],
      rows: body,
      notes: [
        `${d.note}. ${decidesWords}`,
        `Verdicts: met = the whole ${ciPct}% interval of d is at or above 0; missed = the whole interval is below ` +
          `0; inconclusive otherwise, leaning above or below the target. d = the distance from the target in ` +
          `points; p (met) = the one-sided p against "met" (small: confidently met).`,
        `Change: ▲ / ▼ ${significanceLegend(adjust, alpha)}; n.s. not significant. Families: ` +
          `${families.length ? families.join('; ') : 'none'}.`,
        ...power,
        ...notes,
      ],
      emphasis,
    },
  ];
}

export function typeTestSection(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  const rows = inf.typeTests ?? [];
  if (!rows.length) return [];
  const name = indicatorLabels(cb);
  const section = (test: 'area-type' | 'surveyed-areas'): Section | null => {
    const ofTest = rows.filter((r) => r.test === test);
    if (!ofTest.length) return null;
    const emphasis = new Map<number, 'good' | 'bad'>();
    const body = ofTest.map((r, i) => {
      if (r.significant) emphasis.set(i, 'good');
      const pairs = r.pairs
        .filter((p) => p.significant)
        .map(
          (p) =>
            `${label('type', p.a)} ${p.diffPp !== null && p.diffPp > 0 ? '>' : '<'} ${label('type', p.b)} ` +
            `${signedChangeText(p.diffPp, p.pAdjusted, true, adjust)}`,
        );
      const stat =
        r.test === 'area-type'
          ? [
              r.F === null ? '' : r.F.toFixed(2),
              r.ndf === null || r.ddf === null ? '' : `${r.ndf.toFixed(2)}, ${r.ddf.toFixed(1)}`,
            ]
          : [r.statistic === null ? '' : r.statistic.toFixed(2), r.df === null ? '' : String(r.df)];
      return [
        r.wave,
        name(r.indicator),
        ...stat,
        formatP(r.p),
        r.reason !== null
          ? `not run: ${r.reason}`
          : r.significant
            ? pairs.join('; ') || 'differ (no pair significant)'
            : 'no significant difference',
      ];
    });
    const areaType = test === 'area-type';
    return {
      title: areaType
        ? 'Do the area types differ? (areas as clusters within area-type strata; Rao–Scott F; each omnibus test a ' +
          'family of one)'
        : 'Do the surveyed areas of the types differ? (their respondents, neighbourhoods as strata; Rao–Scott χ²; ' +
          'each omnibus test a family of one)',
      header: [
        'Wave',
        'Indicator',
        areaType ? 'F' : 'X² (Rao–Scott)',
        areaType ? 'df' : 'df',
        'p',
        `Result (pairs: ${adjust === 'none' ? 'not adjusted' : `${adjustShort(adjust)} within the 3 pairs`})`,
      ],
      rows: body,
      notes: [
        areaType
          ? 'Tests the area types themselves: the surveyed areas of each type stand for their type, with areas as ' +
            'clusters (t contrasts on areas − types degrees of freedom). Not run when a type has fewer than two ' +
            'areas with data.'
          : 'Tests the surveyed areas only: their respondents, with z-tests on Kish effective n for the pairs. Says ' +
            'nothing about areas of the same types that were not surveyed.',
        `A pair is named only when the omnibus p < ${String(alpha)} and the pair is ` +
          `${significanceLegend(adjust, alpha)}.`,
      ],
      emphasis,
      align: ['l', 'l', 'r', 'r', 'r', 'l'],
    };
  };
  return [section('area-type'), section('surveyed-areas')].filter((s): s is Section => s !== null);
}

export function areaTestSection(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  const rows = inf.areaTests ?? [];
  if (!rows.length) return [];
  const name = indicatorLabels(cb);
  const sig = rows.filter((r) => r.significant);
  const sizes = [...new Set(rows.filter((r) => r.p !== null).map((r) => r.familySize))].sort((x, y) => x - y);
  const sizeText = sizes.length <= 1 ? `${sizes[0] ?? 0} tests` : `${sizes[0]}–${sizes.at(-1)} tests`;
  const method = adjust === 'none' ? 'No adjustment' : adjustShort(adjust);
  return [
    {
      title:
        `Neighbourhoods that differ from the rest of the surveyed areas (${sig.length} of ${rows.length} tests ` +
        `significant; ${method} within each indicator × wave × its neighbourhoods, ${sizeText})`,
      header: [
        'Wave',
        'Indicator',
        'Neighbourhood',
        'Area %',
        'Rest %',
        `Difference${adjust === 'none' ? '' : ' (adj. p)'}`,
      ],
      align: ['l', 'l', 'l', 'r', 'r', 'r'],
      rows: sig.map((r) => [
        r.wave,
        name(r.indicator),
        label('neighbourhood', r.area),
        formatPercent(r.percent),
        formatPercent(r.restPercent),
        signedChangeText(r.diffPp, r.pAdjusted, r.significant, adjust),
      ]),
      notes: [
        `Each neighbourhood against the other surveyed areas of the same wave (those with a base of at least the ` +
          `minimum); ▲ / ▼ ${significanceLegend(adjust, alpha)}. Only significant ones are listed; the JSON has all.`,
      ],
    },
  ];
}

/** People read the strongest findings of each kind; the rest stay in the JSON. */
export const FINDINGS_SHOWN_PER_KIND = 10;

const KIND_ORDER = [
  'change',
  'type-difference',
  'surveyed-type-difference',
  'area-difference',
  'no-type-difference',
] as const;

export function findingsSection(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  const all = inf.findings ?? [];
  if (!inf.findings) return [];
  const shown = KIND_ORDER.flatMap((kind) => {
    const ofKind = all.filter((f) => f.kind === kind);
    return kind === 'no-type-difference' ? ofKind : ofKind.slice(0, FINDINGS_SHOWN_PER_KIND);
  });
  const differences = all.filter((f) => f.kind !== 'no-type-difference').length;
  const hidden = all.length - shown.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    {
      title:
        `Findings (${plural(differences, 'difference')} supported by a significant ` +
        `test${hidden ? `; the ${FINDINGS_SHOWN_PER_KIND} strongest of each kind shown, all in --format json` : ''})`,
      header: ['#', 'Finding'],
      rows: shown.length
        ? shown.map((f, i) => [String(i + 1), findingText(f, cb, label)])
        : [['', 'No test supports a finding after the correction in force.']],
      notes: [
        'A difference is stated only where its test is significant after the correction in force: changes between ' +
          'waves first, then area types, then neighbourhoods, strongest first. "Did not differ significantly" lines ' +
          'name the area-type tests that were not. Worded for the surveyed areas, which were chosen on purpose, ' +
          'not sampled.',
        fdrCaveat(adjust, alpha),
      ],
    },
  ];
}

export function inferenceSections(
  inf: Inference,
  cb: Codebook,
  label: GroupLabel,
  level: number,
  adjust: AdjustMethod = 'bh',
  alpha = 0.05,
): Section[] {
  const pct = Math.round(level * 100);
  return [
    ...comparisonSections(inf, cb, label, pct),
    ...targetSection(inf, cb, label, pct, adjust, alpha),
    ...typeTestSection(inf, cb, label, adjust, alpha),
    ...areaTestSection(inf, cb, label, adjust, alpha),
    ...findingsSection(inf, cb, label, adjust, alpha),
  ];
}

export function sectionText(s: Section, colour: boolean, width?: number): string {
  const p = palette(colour);
  const rows = s.rows.map((r, i) => {
    const e = s.emphasis?.get(i);
    return e ? r.map((c) => (e === 'good' ? p.good(c) : p.bad(c))) : r;
  });
  const table =
    s.header.length === 2 && s.header[0] === '#'
      ? `${numberedList(s.title, s.rows, colour, width)}\n`
      : textTable(s.header, rows, {
          colour,
          title: s.title,
          align: s.align ?? defaultAlign(s),
          ...(width ? { width } : {}),
        });
  return `${table}${noteLines(s.notes, colour, width)}\n`;
}

/** A title and numbered lines, each wrapped under its own text. */
export function numberedList(title: string, rows: readonly string[][], colour: boolean, width?: number): string {
  const p = palette(colour);
  const digits = Math.max(1, ...rows.map((r) => (r[0] ?? '').length));
  const lines = wrapText(title, width).map((l) => p.bold(l));
  for (const [n = '', text = ''] of rows) {
    const lead = n ? `${n.padStart(digits)}. ` : '';
    lines.push(...wrapText(`${lead}${text}`, width, ' '.repeat(lead.length)));
  }
  return lines.join('\n');
}

export function sectionMarkdown(s: Section): string {
  const body =
    s.header[0] === '#'
      ? `${s.rows.map((r) => `${r[0] ? `${r[0]}. ` : '- '}${r[1]}`).join('\n')}\n`
      : mdTable(s.header, s.rows, s.align ?? defaultAlign(s));
  return `### ${s.title}\n\n${body}\n${s.notes.map((n) => `> ${n}`).join('\n>\n')}\n`;
}

const defaultAlign = (s: Section): ('l' | 'r')[] => s.header.map((_, i) => (i < 2 ? 'l' : 'r'));
