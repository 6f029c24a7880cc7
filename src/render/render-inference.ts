import type { Codebook } from '../codebook/schema.js';
import type { Inference } from '../types/index.js';
import type { GroupLabel } from '../types/index.js';
import { formatChange, formatP, formatPercent } from '../format/format-number.js';
import { mdTable } from './markdown.js';
import { noteLines, palette, textTable } from './text-table.js';
import { wrapText } from './text-width.js';
import { findingText } from './finding-text.js';
import { flagWords } from './verdict-words.js';

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

const itemLabel = (cb: Codebook) => {
  const byId = new Map(cb.items.map((it) => [it.id, it]));
  return (id: string) => {
    const it = byId.get(id);
    return it ? `${it.shortLabel}${it.ni ? ` (${it.ni})` : ''}` : id;
  };
};

export function comparisonSections(inf: Inference, cb: Codebook, label: GroupLabel, levelPct: number): Section[] {
  const rows = inf.comparisons ?? [];
  const d = inf.comparisonDesign;
  if (!rows.length || !d) return [];
  const name = itemLabel(cb);
  const levels = [...new Set(rows.map((r) => r.groupBy))];
  return levels.map((groupBy) => {
    const inLevel = rows.filter((r) => r.groupBy === groupBy);
    const familySize = Math.max(0, ...inLevel.map((r) => r.familySize));
    const emphasis = new Map<number, 'good' | 'bad'>();
    const body = inLevel.map((r, i) => {
      if (r.significant && r.changePp !== null) emphasis.set(i, r.changePp > 0 ? 'good' : 'bad');
      const suppressed = r.flag === 'suppressed' || r.flag === 'no-data';
      return [
        name(r.indicator), label(r.groupBy, r.group), suppressed ? '*' : formatPercent(r.p1), suppressed ? '*' : formatPercent(r.p2),
        // † as in the estimate tables: a base under the indicative threshold, so the change is indicative too
        suppressed ? '*' : `${formatChange(r.changePp)} (${formatChange(r.ciLow)} to ${formatChange(r.ciHigh)})${r.flag === 'indicative' ? '†' : ''}`,
        ...(d.adjustment === 'holm' ? [formatP(r.p), formatP(r.pAdjusted)] : [formatP(r.p)]),
        r.flag === 'no-variance' ? 'no variance' : r.significant ? 'yes' : 'no',
      ];
    });
    return {
      title: `Change ${d.from} → ${d.to}, ${groupBy === 'all' ? 'all surveyed areas' : `by ${groupBy}`} (family of ${familySize} test${familySize === 1 ? '' : 's'}, ${d.adjustment === 'holm' ? 'Holm-adjusted' : 'NOT adjusted'})`,
      header: ['Indicator', 'Group', d.from, d.to, `Change, points (${levelPct}% CI)`, ...(d.adjustment === 'holm' ? ['p', 'p (Holm)'] : ['p (raw)']), `Significant (α ${d.alpha})`],
      rows: body,
      notes: [`z = (p2 − p1)/√(se1² + se2²), each se on its wave's Kish effective n; the two waves are independent samples.`],
      emphasis,
    };
  });
}

export function targetSection(inf: Inference, cb: Codebook, label: GroupLabel, levelPct: number): Section[] {
  const rows = inf.targets ?? [];
  const d = inf.targetDesign;
  if (!rows.length || !d) return [];
  const name = itemLabel(cb);
  const emphasis = new Map<number, 'good' | 'bad'>();
  // ◀ marks, per row, the one target that decides: the targets file's own target where it gives one, else the rule's
  const mark = (row: (typeof rows)[number], source: string, text: string) => (row.targetSource === source ? `${text} ◀` : text);
  const fileTargets = rows.some((r) => r.targetSource === 'file');
  const body = rows.map((r, i) => {
    if (r.verdict === 'met') emphasis.set(i, 'good');
    if (r.verdict === 'missed') emphasis.set(i, 'bad');
    return [
      name(r.indicator), label(r.groupBy, r.group), formatPercent(r.baseline), formatPercent(r.current),
      mark(r, 'points', formatPercent(r.targetPoints)), mark(r, 'relative', formatPercent(r.targetRelative)),
      ...(fileTargets ? [r.targetSource === 'file' ? mark(r, 'file', formatPercent(r.target)) : ''] : []),
      r.d === null ? '*' : `${formatChange(r.d)} (${formatChange(r.ciLow)} to ${formatChange(r.ciHigh)})`,
      r.verdict ?? (r.flag === 'suppressed' ? 'suppressed' : 'no data'),
      r.changeSignificant === null ? '' : r.changeSignificant ? 'yes' : 'no',
      formatPercent(r.mde), r.detectable === false ? 'no' : r.detectable ? 'yes' : '',
    ];
  });
  // only rows that were estimated have a detectability to speak of
  const assessed = rows.filter((r) => r.detectable !== null).length;
  const undetectable = rows.filter((r) => r.detectable === false).length;
  const byPoints = rows.every((r) => r.targetSource === 'points');
  const changeWords = byPoints ? `a change of ${d.uplift} points` : 'the change from the baseline to the target that decides';
  const decidesWords = fileTargets
    ? `◀ marks the target that decides the verdict: the targets file's own target (column "Target, file") where the file gives one, else the ${d.rule} rule's; both readings of "${d.uplift}%" are shown.`
    : `◀ marks the target that decides the verdict; both readings of "${d.uplift}%" are shown.`;
  return [{
    title: `Targets: ${d.label}`,
    header: [
      'Indicator', 'Group', d.baselineWave ? `Base ${d.baselineWave}` : 'Baseline', `Now ${d.currentWave}`, `Target +${d.uplift}`,
      `Target ×${1 + d.uplift / 100}`, ...(fileTargets ? ['Target, file'] : []), `d (${levelPct}% CI)`, 'Verdict', 'Change sig.¹', 'MDE',
      'Detectable',
    ],
    rows: body,
    notes: [
      `${d.note}. ${decidesWords}`,
      'Verdicts: met = whole CI of d ≥ 0; met-within-margin = d ≥ 0 but the CI reaches below 0; missed-within-margin = d < 0 but the CI reaches 0; missed = whole CI < 0.',
      'd = the distance from the target in points. ¹ Change sig. = the change from the baseline is significant on its own test, NOT adjusted for multiple testing (the compare tables give the Holm-adjusted view). MDE = minimum detectable change in points at 80% power. ' +
        (undetectable
          ? `${undetectable} of ${assessed} assessed rows cannot reliably detect ${changeWords}: read their verdicts as noise-limited.`
          : assessed ? 'Every assessed row can detect the change it needs.' : ''),
    ],
    emphasis,
  }];
}

export function typeTestSection(inf: Inference, cb: Codebook, label: GroupLabel): Section[] {
  const rows = inf.typeTests ?? [];
  if (!rows.length) return [];
  const name = itemLabel(cb);
  const emphasis = new Map<number, 'good' | 'bad'>();
  const body = rows.map((r, i) => {
    if (r.significant) emphasis.set(i, 'good');
    const pairs = r.pairs.filter((p) => p.significant).map((p) => `${label('type', p.a)} ${p.diffPp !== null && p.diffPp > 0 ? '>' : '<'} ${label('type', p.b)} (${formatChange(p.diffPp)})`);
    return [
      r.wave, name(r.indicator), r.statistic === null ? '' : r.statistic.toFixed(2), r.df === null ? '' : String(r.df), formatP(r.p), formatP(r.pAdjusted),
      r.flag !== 'ok' ? flagWords(r.flag) : r.significant ? (pairs.join('; ') || 'differ (no pair significant)') : 'no significant difference',
    ];
  });
  const family = Math.max(0, ...rows.map((r) => r.familySize));
  return [{
    title: `Differences between the surveyed area types (Rao–Scott χ², neighbourhoods as strata; Holm across ${family} indicator${family === 1 ? '' : 's'} per wave)`,
    header: ['Wave', 'Indicator', 'X² (Rao–Scott)', 'df', 'p', 'p (Holm)', 'Result (pairwise, Holm across the pairs)'],
    rows: body,
    notes: ['Pairwise z-tests on Kish effective n are run only where the omnibus test is significant.'],
    emphasis,
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
  }];
}

export function areaTestSection(inf: Inference, cb: Codebook, label: GroupLabel): Section[] {
  const rows = inf.areaTests ?? [];
  if (!rows.length) return [];
  const name = itemLabel(cb);
  const sig = rows.filter((r) => r.significant);
  return [{
    title: `Neighbourhoods that differ from the rest of the surveyed areas (${sig.length} of ${rows.length} tests significant)`,
    header: ['Wave', 'Indicator', 'Neighbourhood', 'Area %', 'Rest %', 'Difference', 'p (Holm)'],
    align: ['l', 'l', 'l', 'r', 'r', 'r', 'r'],
    rows: sig.map((r) => [r.wave, name(r.indicator), label('neighbourhood', r.area), formatPercent(r.percent), formatPercent(r.restPercent), formatChange(r.diffPp), formatP(r.pAdjusted)]),
    notes: ['Each neighbourhood against the other surveyed areas of the same wave; Holm across the neighbourhoods of one indicator and wave (those with a base of at least the minimum). Only significant ones are listed; the JSON has all.'],
  }];
}

/** People read the strongest findings of each kind; the rest stay in the JSON. */
export const FINDINGS_SHOWN_PER_KIND = 10;

const KIND_ORDER = ['change', 'type-difference', 'area-difference', 'no-type-difference'] as const;

export function findingsSection(inf: Inference, cb: Codebook, label: GroupLabel): Section[] {
  const all = inf.findings ?? [];
  if (!inf.findings) return [];
  const shown = KIND_ORDER.flatMap((kind) => {
    const ofKind = all.filter((f) => f.kind === kind);
    return kind === 'no-type-difference' ? ofKind : ofKind.slice(0, FINDINGS_SHOWN_PER_KIND);
  });
  const differences = all.filter((f) => f.kind !== 'no-type-difference').length;
  const hidden = all.length - shown.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [{
    title: `Findings (${plural(differences, 'difference')} supported by a significant test${hidden ? `; the ${FINDINGS_SHOWN_PER_KIND} strongest of each kind shown, all in --format json` : ''})`,
    header: ['#', 'Finding'],
    rows: shown.length ? shown.map((f, i) => [String(i + 1), findingText(f, cb, label)]) : [['', 'No test supports a finding after the correction in force.']],
    notes: [
      'A difference is stated only where its test is significant after the correction in force: changes between waves first, then area types, then neighbourhoods, strongest first. "Did not differ significantly" lines name the area-type tests that were not. Worded for the surveyed areas, which were chosen on purpose, not sampled.',
    ],
  }];
}

export function inferenceSections(inf: Inference, cb: Codebook, label: GroupLabel, level: number): Section[] {
  const pct = Math.round(level * 100);
  return [
    ...comparisonSections(inf, cb, label, pct),
    ...targetSection(inf, cb, label, pct),
    ...typeTestSection(inf, cb, label),
    ...areaTestSection(inf, cb, label),
    ...findingsSection(inf, cb, label),
  ];
}

export function sectionText(s: Section, colour: boolean, width?: number): string {
  const p = palette(colour);
  const rows = s.rows.map((r, i) => {
    const e = s.emphasis?.get(i);
    return e ? r.map((c) => (e === 'good' ? p.good(c) : p.bad(c))) : r;
  });
  const table = s.header.length === 2 && s.header[0] === '#'
    ? `${numberedList(s.title, s.rows, colour, width)}\n`
    : textTable(s.header, rows, { colour, title: s.title, align: s.align ?? defaultAlign(s), ...(width ? { width } : {}) });
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
  const body = s.header[0] === '#' ? `${s.rows.map((r) => `${r[0] ? `${r[0]}. ` : '- '}${r[1]}`).join('\n')}\n` : mdTable(s.header, s.rows, s.align ?? defaultAlign(s));
  return `### ${s.title}\n\n${body}\n${s.notes.map((n) => `> ${n}`).join('\n>\n')}\n`;
}

const defaultAlign = (s: Section): ('l' | 'r')[] => s.header.map((_, i) => (i < 2 ? 'l' : 'r'));
