import { toCsv } from '../format/csv.js';
import { formatChange, formatCount, formatPercent } from '../format/format-number.js';
import type { GroupLabel, PlanNeed, PlanNeeds, PlanReason, PlanResult, PlanRow } from '../types/index.js';
import { headedTableMarkdown } from './markdown.js';
import { textTable } from './text-table.js';

export interface PlanRenderOptions {
  format: string;
  colour: boolean;
  label: GroupLabel;
  itemLabel: (id: string) => string;
  /** the row accounting line, with files */
  accountingLine?: string;
}

/** The reasons in full, printed under the tables whenever a cell gives one. */
export const PLAN_REASON_TEXT: Record<PlanReason, string> = {
  'target-above-100': 'target above 100%: cannot be reached',
  'rise-above-100': 'the assumed true level (baseline + assumed rise) is above 100%: choose a smaller --assumed-rise',
  'not-reachable': 'no wave-2 size is enough: the baseline wave alone is too small for this change',
  'baseline-suppressed': 'the baseline is suppressed (unweighted base under --min-base): no plan from it',
  'no-response-rate': 'no response rate: give --response-rate, or a registry with a mailed column',
};
const SHORT: Record<PlanReason, string> = {
  'target-above-100': 'above 100%',
  'rise-above-100': 'rise above 100%',
  'not-reachable': 'not reachable',
  'baseline-suppressed': '*',
  'no-response-rate': '',
};

export const PLAN_COLUMNS = [
  'indicator',
  'ni',
  'groupBy',
  'group',
  'baseline',
  'baselineNEff',
  'unweightedBase',
  'deff',
  'upliftPoints',
  'target',
  'assumedRise',
  'detectDelta',
  'returnsToDetect',
  'confirmDelta',
  'returnsToConfirm',
  'responseRate',
  'mailToDetect',
  'mailToConfirm',
  'givenBaselineReturnsToDetect',
  'givenBaselineReturnsToConfirm',
  'givenBaselineMailToDetect',
  'givenBaselineMailToConfirm',
  'reasons',
] as const;

const needCell = (n: PlanNeed) =>
  n.returns === null ? SHORT[n.reason ?? 'baseline-suppressed'] : formatCount(n.returns);
const mailCell = (m: PlanNeeds['questionnairesToMail']) =>
  m.responseRate === null
    ? '–'
    : `${m.detect.questionnaires === null ? '–' : formatCount(m.detect.questionnaires)} / ` +
      `${m.confirm.questionnaires === null ? '–' : formatCount(m.confirm.questionnaires)}`;

function reasonsOf(r: PlanRow): PlanReason[] {
  const needs = [r, ...(r.givenBaseline ? [r.givenBaseline] : [])];
  const all = needs.flatMap((n) => [
    n.returnsToDetect.reason,
    n.returnsToConfirm.reason,
    n.questionnairesToMail.reason,
  ]);
  return [...new Set(all.filter((x): x is PlanReason => x !== null))];
}

function csvRow(r: PlanRow): Record<string, unknown> {
  const g = r.givenBaseline;
  return {
    ...r,
    detectDelta: r.returnsToDetect.delta,
    returnsToDetect: r.returnsToDetect.returns,
    confirmDelta: r.returnsToConfirm.delta,
    returnsToConfirm: r.returnsToConfirm.returns,
    responseRate: r.questionnairesToMail.responseRate,
    mailToDetect: r.questionnairesToMail.detect.questionnaires,
    mailToConfirm: r.questionnairesToMail.confirm.questionnaires,
    givenBaselineReturnsToDetect: g?.returnsToDetect.returns ?? null,
    givenBaselineReturnsToConfirm: g?.returnsToConfirm.returns ?? null,
    givenBaselineMailToDetect: g?.questionnairesToMail.detect.questionnaires ?? null,
    givenBaselineMailToConfirm: g?.questionnairesToMail.confirm.questionnaires ?? null,
    reasons: reasonsOf(r).join(' '),
  };
}

interface PlanTable {
  title: string;
  header: string[];
  rows: string[][];
  headingRows: number[];
}

/** One table per grouping level: rows are the groups under a heading per indicator. */
function planTables(res: PlanResult, o: PlanRenderOptions): PlanTable[] {
  const given = res.plan.baselineSource === 'wave';
  // under the points rule every row has the same δ, so it goes in the header; relative δs differ by row
  const sameDelta = (pick: (r: PlanRow) => number | null) => {
    const ds = new Set(
      res.plans
        .map(pick)
        .filter((d) => d !== null)
        .map((d) => formatChange(d)),
    );
    return ds.size === 1 ? [...ds][0]! : null;
  };
  const detectDelta = sameDelta((r) => r.returnsToDetect.delta);
  const confirmDelta = sameDelta((r) => r.returnsToConfirm.delta);
  const withDelta = (n: PlanNeed, shared: string | null) =>
    `${needCell(n)}${shared !== null || n.delta === null ? '' : ` (δ ${formatChange(n.delta)})`}`;
  const header = [
    'Group',
    'Baseline',
    'Target',
    'deff',
    `Detect${detectDelta ? ` (δ ${detectDelta})` : ''}`,
    `Confirm${confirmDelta ? ` (δ ${confirmDelta})` : ''}`,
    'Response',
    'Mail (detect / confirm)',
    ...(given ? ['Given baseline (detect / confirm)'] : []),
  ];
  return res.plan.groupings.map((groupBy) => {
    const rows: string[][] = [];
    const headingRows: number[] = [];
    const inLevel = res.plans.filter((r) => r.groupBy === groupBy);
    for (const indicator of [...new Set(inLevel.map((r) => r.indicator))]) {
      if (indicator !== null) {
        headingRows.push(rows.length);
        rows.push([o.itemLabel(indicator)]);
      }
      for (const r of inLevel.filter((x) => x.indicator === indicator)) {
        const g = r.givenBaseline;
        const rate = r.questionnairesToMail.responseRate;
        rows.push([
          o.label(r.groupBy, r.group),
          r.baseline === null ? '*' : formatPercent(r.baseline),
          formatPercent(r.target),
          r.deff.toFixed(2),
          withDelta(r.returnsToDetect, detectDelta),
          withDelta(r.returnsToConfirm, confirmDelta),
          rate === null ? '–' : `${formatPercent(100 * rate)}%`,
          mailCell(r.questionnairesToMail),
          ...(given ? [g ? `${needCell(g.returnsToDetect)} / ${needCell(g.returnsToConfirm)}` : ''] : []),
        ]);
      }
    }
    const where = groupBy === 'all' ? (given ? 'all surveyed areas' : 'the given baseline') : `by ${groupBy}`;
    const from = res.plan.fromWave === null ? '' : ` (baseline: wave ${res.plan.fromWave})`;
    const what = `+${res.plan.uplift}${res.plan.rule === 'points' ? ' points' : '% (relative)'}`;
    return { title: `Returns per wave needed for ${what}, ${where}${from}`, header, rows, headingRows };
  });
}

function notes(res: PlanResult): string[] {
  const p = res.plan;
  const z = `α ${p.alpha} (two-sided), power ${p.power}`;
  const rise = p.assumedRise === null ? '2 × the uplift (the default)' : `${p.assumedRise} points (--assumed-rise)`;
  const reasons = [...new Set(res.plans.flatMap(reasonsOf))];
  return [
    `Detect: returns per wave, in each of two new waves of equal size, to find a change the size of the target (δ = ` +
      `the uplift${p.rule === 'relative' ? ', (uplift/100) × baseline' : ''}) significant at ${z}.`,
    `Confirm: returns per wave for a "met" verdict (the change minus the uplift significantly above 0) when the ` +
      `true rise is ${rise}; δ = rise − uplift.`,
    'n = (z₁₋α/₂ + z_power)² × (p₁q₁ + p₂q₂) × deff ÷ δ², rounded up; p₂ = baseline + uplift (detect) or + rise ' +
      '(confirm).',
    ...(p.baselineSource === 'wave'
      ? [
          'Given baseline: returns in the next wave alone, the baseline wave kept as it is (its own effective n₁ₑ): ' +
            'n₂ = p₂q₂ × deff ÷ (δ²/(z₁₋α/₂ + z_power)² − p₁q₁/n₁ₑ).',
        ]
      : []),
    `deff: ${p.deff}. Response: ${p.responseRate}. Mail = ⌈returns ÷ response rate⌉.`,
    ...reasons
      .filter((r) => r !== 'no-response-rate' || p.baselineSource === 'option')
      .map((r) => `${SHORT[r] || '–'}: ${PLAN_REASON_TEXT[r]}.`),
  ];
}

/** Pure: the plan result → table, md, csv or json text. */
export function renderPlan(res: PlanResult, o: PlanRenderOptions): string {
  if (o.format === 'json') return `${JSON.stringify(res, null, 2)}\n`;
  if (o.format === 'csv') return toCsv(PLAN_COLUMNS, res.plans.map(csvRow));
  const tables = planTables(res, o);
  const foot = [...notes(res), ...(o.accountingLine ? [o.accountingLine] : [])];
  if (o.format === 'md') {
    const parts = tables.map(headedTableMarkdown);
    return `## Plan\n\n${parts.join('\n')}\n${foot.map((f) => `- ${f.replace(/^\*/, '\\*')}`).join('\n')}\n`;
  }
  const parts = tables.map((t) =>
    textTable(t.header, t.rows, { colour: o.colour, title: t.title, headingRows: t.headingRows }),
  );
  return `${parts.join('\n')}\n${foot.join('\n')}\n`;
}
