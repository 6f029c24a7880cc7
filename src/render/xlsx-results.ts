// The results as workbook sheets (for `--format xlsx`): the tables the text output shows, with numbers as numbers.
// Percentages are points (73.9) shown with one decimal by the cell format; a suppressed figure is an empty cell
// with its flag beside it, never a number.
import type { Codebook } from '../codebook/schema.js';
import { fdrCaveat } from '../format/significance.js';
import type { AnalyseResult, Estimate, GroupLabel, Inference, WaveChangeTest } from '../types/index.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { findingText } from './finding-text.js';
import type { ValidateResult } from './render-validate.js';
import type { XlsxColumnKind, XlsxSheet } from './xlsx-workbook.js';
import { indicatorLabels } from '../format/indicator-label.js';

export type Cell = string | number | null;
export const col = (header: string, kind: XlsxColumnKind) => ({ header, kind });
export const yesNo = (b: boolean | null) => (b === null ? null : b ? 'yes' : 'no');

/**
 * One sheet per wave and grouping level, as the text tables: a row per indicator, and per group its percent, its
 * CI (with showCi), its unweighted base and its flag (indicative, suppressed).
 */
export function estimateSheets(r: AnalyseResult, cb: Codebook, label: GroupLabel, showCi: boolean): XlsxSheet[] {
  const name = indicatorLabels(cb);
  const index = new Map(r.estimates.map((e) => [`${e.wave}|${e.groupBy}|${e.group}|${e.indicator}`, e]));
  const items = cb.items.filter((it) => r.estimates.some((e) => e.indicator === it.id));
  const sheets: XlsxSheet[] = [];
  for (const wave of r.waves)
    for (const groupBy of r.design.groupings) {
      const groups = [
        ...new Set(r.estimates.filter((e) => e.wave === wave && e.groupBy === groupBy).map((e) => e.group)),
      ];
      if (groups.length === 0) continue;
      const columns = [col('Domain', 'text'), col('Indicator', 'text')];
      for (const g of groups) {
        const l = label(groupBy, g);
        columns.push(col(`${l} %`, 'percent'));
        if (showCi) columns.push(col(`${l} CI low`, 'percent'), col(`${l} CI high`, 'percent'));
        columns.push(col(`${l} base`, 'integer'), col(`${l} flag`, 'text'));
      }
      const rows = items.map((it) => {
        const cells: Cell[] = [it.domain, name(it.id)];
        for (const g of groups) {
          const e: Estimate | undefined = index.get(`${wave}|${groupBy}|${g}|${it.id}`);
          const shown = e !== undefined && e.flag !== 'suppressed' && e.flag !== 'no-data';
          cells.push(shown ? e.percent : null);
          if (showCi) cells.push(shown ? e.ciLow : null, shown ? e.ciHigh : null);
          cells.push(e?.unweightedBase ?? null, e === undefined || e.flag === 'ok' ? null : e.flag);
        }
        return cells;
      });
      sheets.push({ name: `${wave} ${groupBy === 'all' ? 'all areas' : `by ${groupBy}`}`, columns, rows });
    }
  return sheets;
}

/** The columns of one wave change and its test, for the changes of percentages and of net scores alike. */
export function changeColumns(unit: '%' | 'Net'): ReturnType<typeof col>[] {
  return [
    col('Indicator', 'text'),
    col('Grouping', 'text'),
    col('Group', 'text'),
    col('From', 'text'),
    col('To', 'text'),
    col(`${unit} from`, 'percent'),
    col(`${unit} to`, 'percent'),
    col('Change (points)', 'percent'),
    col('CI low', 'percent'),
    col('CI high', 'percent'),
    col('z', 'number'),
    col('p', 'number'),
    col('p adjusted', 'number'),
    col('Family', 'text'),
    col('Family size', 'integer'),
    col('Significant', 'text'),
    col('Flag', 'text'),
  ];
}

export function changeCells(
  c: WaveChangeTest,
  from: number | null,
  to: number | null,
  name: (id: string) => string,
  label: GroupLabel,
): Cell[] {
  return [
    name(c.indicator),
    c.groupBy,
    label(c.groupBy, c.group),
    c.from,
    c.to,
    from,
    to,
    c.changePp,
    c.ciLow,
    c.ciHigh,
    c.z,
    c.p,
    c.pAdjusted,
    c.family,
    c.familySize,
    yesNo(c.significant),
    c.flag,
  ];
}

export function comparisonSheet(inf: Inference, cb: Codebook, label: GroupLabel): XlsxSheet[] {
  if (!inf.comparisons) return [];
  const name = indicatorLabels(cb);
  return [
    {
      name: 'Changes',
      columns: [...changeColumns('%')],
      rows: inf.comparisons.map((c) => changeCells(c, c.p1, c.p2, name, label)),
    },
  ];
}

export function targetSheet(inf: Inference, cb: Codebook, label: GroupLabel): XlsxSheet[] {
  if (!inf.targets) return [];
  const name = indicatorLabels(cb);
  return [
    {
      name: 'Targets',
      columns: [
        col('Indicator', 'text'),
        col('Grouping', 'text'),
        col('Group', 'text'),
        col('Mode', 'text'),
        col('Rule', 'text'),
        col('Baseline wave', 'text'),
        col('Current wave', 'text'),
        col('Baseline %', 'percent'),
        col('Current %', 'percent'),
        col('Uplift', 'number'),
        col('Target (points) %', 'percent'),
        col('Target (relative) %', 'percent'),
        col('Target %', 'percent'),
        col('d (points)', 'percent'),
        col('σ (points)', 'percent'),
        col('CI low', 'percent'),
        col('CI high', 'percent'),
        col('Verdict', 'text'),
        col('Lean', 'text'),
        col('p (met)', 'number'),
        col('p (missed)', 'number'),
        col('Smallest detectable (points)', 'percent'),
        col('Detects the target', 'text'),
        col('Rise to confirm (points)', 'percent'),
        col('Change (points)', 'percent'),
        col('Change p', 'number'),
        col('Change p adjusted', 'number'),
        col('Change family', 'text'),
        col('Change direction', 'text'),
        col('Note', 'text'),
        col('Flag', 'text'),
      ],
      rows: inf.targets.map((t) => [
        name(t.indicator),
        t.groupBy,
        label(t.groupBy, t.group),
        t.mode,
        t.rule,
        t.baselineWave,
        t.currentWave,
        t.baseline,
        t.current,
        t.uplift,
        t.targetPoints,
        t.targetRelative,
        t.target,
        t.d,
        t.se,
        t.ciLow,
        t.ciHigh,
        t.verdict,
        t.lean,
        t.pMet,
        t.pMissed,
        t.detectableRise,
        yesNo(t.detectsTarget),
        t.confirmableRise,
        t.change,
        t.changeP,
        t.changePAdjusted,
        t.changeFamily,
        t.changeDirection,
        t.note,
        t.flag,
      ]),
    },
  ];
}

export function testSheets(inf: Inference, cb: Codebook, label: GroupLabel): XlsxSheet[] {
  const name = indicatorLabels(cb);
  const sheets: XlsxSheet[] = [];
  if (inf.typeTests?.length)
    sheets.push({
      name: 'Area types',
      columns: [
        col('Wave', 'text'),
        col('Indicator', 'text'),
        col('Test', 'text'),
        col('Types', 'text'),
        col('Statistic', 'number'),
        col('df', 'text'),
        col('p', 'number'),
        col('p adjusted', 'number'),
        col('Significant', 'text'),
        col('Pairs', 'text'),
        col('Reason', 'text'),
        col('Flag', 'text'),
      ],
      rows: inf.typeTests.map((t) => [
        t.wave,
        name(t.indicator),
        t.test === 'area-type' ? 'area types (Rao–Scott F, areas as clusters)' : 'surveyed areas (Rao–Scott χ²)',
        t.types.join(', '),
        t.test === 'area-type' ? t.F : t.statistic,
        t.test === 'area-type'
          ? t.ndf === null || t.ddf === null
            ? null
            : `${t.ndf.toFixed(2)}, ${t.ddf.toFixed(1)}`
          : t.df === null
            ? null
            : String(t.df),
        t.p,
        t.pAdjusted,
        yesNo(t.significant),
        t.pairs
          .filter((p) => p.significant)
          .map((p) => `${p.a} ${(p.diffPp ?? 0) > 0 ? '>' : '<'} ${p.b}`)
          .join('; '),
        t.reason,
        t.flag,
      ]),
    });
  if (inf.areaTests?.length)
    sheets.push({
      name: 'Neighbourhoods',
      columns: [
        col('Wave', 'text'),
        col('Indicator', 'text'),
        col('Neighbourhood', 'text'),
        col('%', 'percent'),
        col('Rest %', 'percent'),
        col('Difference (points)', 'percent'),
        col('z', 'number'),
        col('p', 'number'),
        col('p adjusted', 'number'),
        col('Significant', 'text'),
        col('Flag', 'text'),
      ],
      rows: inf.areaTests.map((a) => [
        a.wave,
        name(a.indicator),
        label('neighbourhood', a.area),
        a.percent,
        a.restPercent,
        a.diffPp,
        a.z,
        a.p,
        a.pAdjusted,
        yesNo(a.significant),
        a.flag,
      ]),
    });
  if (inf.findings?.length)
    sheets.push({
      name: 'Findings',
      columns: [col('#', 'integer'), col('Finding', 'text'), col('Kind', 'text'), col('p adjusted', 'number')],
      rows: inf.findings.map((f, i) => [i + 1, findingText(f, cb, label), f.kind, f.pAdjusted]),
    });
  return sheets;
}

/** The design, for the Notes sheet: CI method, weights, suppression, the test families, the population, the rows. */
export function designNotes(
  r: Pick<AnalyseResult, 'design' | 'comparisonDesign'>,
  accountingLine: string,
): [string, string][] {
  const d = r.design;
  const notes: [string, string][] = [
    ['Confidence intervals', `${Math.round(d.level * 100)}% ${d.ciMethod}`],
    ['Weights', d.weights],
    ['Small bases', d.suppression],
    ['Percentages', 'points (73.9 means 73.9%), one decimal shown; the stored value has full precision'],
  ];
  if (d.adjustment !== undefined)
    notes.push([
      'Multiple testing',
      d.adjustment === 'none'
        ? `raw p-values, NOT adjusted (--adjust none); significant when below ${d.alpha}`
        : `${d.adjustment === 'bh' ? 'Benjamini–Hochberg' : 'Holm'} within each family (changes: one indicator × ` +
          `one grouping level × one pair of waves; area types: each omnibus test a family of one, its pairs one ` +
          `family; neighbourhoods: the neighbourhoods of one indicator and wave); significant when below ` +
          `${d.alpha}. ${fdrCaveat(d.adjustment, d.alpha ?? 0.05)}`,
    ]);
  if (d.targetRule !== undefined) notes.push(['Target rule', d.targetRule]);
  notes.push(
    ['Population', `${d.population}: chosen on purpose, not sampled; the results describe their residents only`],
    ['Codebook', d.codebook],
    ['Areas', d.areas],
    ['Rows', accountingLine],
  );
  return notes;
}

/** validate's result as sheets: the files, the rows set aside by reason, and every issue listed. */
export function validateSheets(r: ValidateResult): { sheets: XlsxSheet[]; notes: [string, string][] } {
  const a = r.accounting;
  const sheets: XlsxSheet[] = [
    {
      name: 'Files',
      columns: [
        col('File', 'text'),
        col('Format', 'text'),
        col('Encoding', 'text'),
        col('Separator', 'text'),
        col('Sheet', 'text'),
        col('Rows', 'integer'),
        col('Items absent', 'text'),
      ],
      rows: r.files.map((f) => [
        f.file,
        f.format,
        f.encoding,
        f.separator,
        f.sheet ?? null,
        f.rows,
        f.itemsAbsent.join(', '),
      ]),
    },
    {
      name: 'Set aside',
      columns: [col('Reason', 'text'), col('Rows', 'integer')],
      rows: Object.entries(a.setAside).map(([k, n]) => [k, n]),
    },
    {
      name: 'Issues',
      columns: [
        col('File', 'text'),
        col('Counts', 'text'),
        col('Line', 'integer'),
        col('Column', 'integer'),
        col('Column name', 'text'),
        col('Severity', 'text'),
        col('Reason', 'text'),
        col('Value', 'text'),
        col('Message', 'text'),
        col('Suggestion', 'text'),
      ],
      rows: r.issues.map((i) => [
        i.file,
        i.unit ?? 'line',
        i.line || null,
        i.column || null,
        i.columnName,
        i.severity,
        i.reason,
        i.value,
        i.message,
        i.suggestion ?? null,
      ]),
    },
  ];
  const notes: [string, string][] = [
    ['Rows', formatAccountingLine(a)],
    ['Errors', String(r.totals.errors)],
    ['Warnings', String(r.totals.warnings)],
    ...Object.entries(r.issuesOmitted).map(([k, n]): [string, string] => [`Not listed: ${k}`, String(n)]),
    ...(r.fatal ? [['Fatal', r.fatal] as [string, string]] : []),
  ];
  return { sheets, notes };
}
