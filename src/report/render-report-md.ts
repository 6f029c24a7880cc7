import { capitalise } from '../render/estimates-layout.js';
import { multipleTestingText, targetMethodText, TYPE_TESTS_TEXT, VARIANCE_TEXT } from './method-text.js';
import { powerText, significanceLegend, signedChangeText, verdictText } from '../format/significance.js';
import { formatChange, formatCount, formatP, formatPercent } from '../format/format-number.js';
import { mdTable } from '../render/markdown.js';
import { renderProfileMd } from '../render/render-profile.js';
import type { Estimate } from '../types/index.js';
import { groupLabel } from './domain-charts.js';
import { headlineWaves, NO_TARGETS } from './html-headline.js';
import { targetBasis, targetModeLabel } from './target-words.js';
import { codeLabels, familyLines } from './html-methodology.js';
import { areaChangeText, areaMark } from './html-neighbourhoods.js';
import { mdText } from './md-escape.js';
import { NET_HEADING, netReportTables } from './net-report.js';
import { WEIGHTING_HEADER, weightingRows, weightingSummary } from './weighting-rows.js';
import { reportTitle, SAMPLES_NOTICE } from './render-report-html.js';
import type { ReportInput } from './report-input.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import {
  REPORT_FINDINGS_PER_KIND,
  VERDICT_WORDS,
  changeCiText,
  changeSentence,
  ciText,
  estimateSentence,
  groupFindings,
  levelText,
  percentText,
  smallBaseRule,
  verdictSentence,
  waveSummaries,
} from './report-words.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { wavePairLine } from '../format/wave-pair.js';
import { findingText } from '../render/finding-text.js';
import type { Finding } from '../types/index.js';
import { indicatorHeading, indicatorLabel } from '../format/indicator-label.js';

const BAR = 20;

/**
 * A text bar for a percent, 5 points a block: `███████████████░░░░░`;
 * empty when there is no figure.
 */
export function textBar(e: Estimate | undefined): string {
  if (!e || e.percent === null || e.flag === 'suppressed' || e.flag === 'no-data') return '';
  const n = Math.round((e.percent / 100) * BAR);
  return `${'█'.repeat(n)}${'░'.repeat(BAR - n)}`;
}

const t = (s: string) => mdText(s);

/**
 * Pure: the report as GitHub-flavoured Markdown, with the HTML report's sections; charts become text bars
 * beside the latest wave. Suitable for a CI job summary.
 */
export function renderReportMd(input: ReportInput): string {
  const m = buildReportModel(input);
  const out: string[] = [`# ${t(reportTitle(input))}`, ''];
  const pair = wavePairLine(input.result);
  out.push(
    `${pair ? `**${t(pair)}.** ` : ''}For the surveyed areas (chosen on purpose), not the county.` +
      `${input.date ? ` Date: ${t(input.date)}.` : ''}`,
    '',
  );
  if (input.samples) out.push(`> **${SAMPLES_NOTICE}**`, '');
  out.push(...summary(m), ...headline(m));
  m.domains.forEach((d, i) => out.push(...domain(m, d.domain, d.items, i + 1)));
  out.push(...findings(m), ...neighbourhoods(m), ...methodology(m), ...netScores(m));
  for (const x of input.profiles ?? [])
    out.push(`## Area profile: ${t(x.profile.area.name)}`, '', renderProfileMd(x.table));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function summary(m: ReportModel): string[] {
  const r = m.input.result;
  const d = r.design;
  const waves = waveSummaries(r).map(t);
  const a = r.accounting;
  return [
    '## 1. Data summary',
    '',
    `- **Waves:** ${waves.join('; ') || 'none'}`,
    `- **Codebook:** ${t(d.codebook)}`,
    `- **Area registry:** ${t(d.areas)}: ${m.input.areas.length} areas`,
    `- **Weights:** ${t(d.weights)}`,
    `- **Rows:** ${t(formatAccountingLine(a).replace(/^rows: /, ''))}`,
    '',
    mdTable(
      ['File', 'Encoding', 'Separator', 'Rows', 'Items absent'],
      r.files.map((f) => [
        t(f.file),
        t(f.encoding),
        t(f.separator ?? (f.format === 'xlsx' ? `sheet ${f.sheet ?? ''}` : 'SPSS file')),
        formatCount(f.rows),
        t(f.itemsAbsent.join(', ') || 'none'),
      ]),
      ['l', 'l', 'l', 'r', 'l'],
    ),
    mdTable(
      ['Rows', 'Count'],
      [
        ['Read', formatCount(a.read)],
        ['Analysed', formatCount(a.analysed)],
        ...Object.entries(a.setAside)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => [`Set aside: ${t(k)}`, formatCount(n)]),
      ],
    ),
    ...(r.weighting
      ? [
          '**Weighting report**',
          '',
          mdTable(
            WEIGHTING_HEADER,
            weightingRows(r.weighting).map((row) => row.map(t)),
            WEIGHTING_HEADER.map((_, i) => (i < 2 || i === WEIGHTING_HEADER.length - 1 ? 'l' : 'r')),
          ),
          t(weightingSummary(r.weighting)),
          '',
        ]
      : []),
  ];
}

function headline(m: ReportModel): string[] {
  const { baseline, current } = headlineWaves(m);
  const level = m.input.result.design.level;
  const out = ['## 2. Headline: NI1, NI2 and NI4', ''];
  const modes = [...new Set((m.targets ?? []).map((x) => targetModeLabel(m, x)))];
  if (modes.length) out.push(`**${t(modes.join('; '))}.**`, '');
  else if (m.headlineItems.length) out.push(NO_TARGETS, '');
  if (!m.headlineItems.length) out.push('None of the NI indicators (NI1, NI2, NI4) is in this analysis.', '');
  for (const it of m.headlineItems) {
    out.push(`### ${t(indicatorHeading(it))}`, '');
    for (const w of [...new Set([baseline, current].filter((x): x is string => x !== undefined))])
      out.push(`- ${t(w)}: ${estimateSentence(m.estimate(w, 'all', 'all', it.id), level)}`);
    const c = m.comparison('all', 'all', it.id);
    if (c) out.push(`- Change ${t(c.from)}→${t(c.to)}: ${changeSentence(c, m.input.adjust)}`);
    const tr = m.targetRows(it.id).find((x) => x.groupBy === 'all');
    if (tr)
      out.push(
        tr.verdict === null
          ? `- Target: not assessed. ${t(tr.note ?? '')}`
          : `- Target (${targetBasis(tr)}): ${formatPercent(tr.target)}%. ` +
              `**${verdictSentence(tr.verdict, tr.lean)}**; ` +
              `distance ${formatChange(tr.d)} points, CI ${changeCiText(tr.ciLow, tr.ciHigh)}. ` +
              `The design ${t(powerText(tr))}.${tr.note ? ` ${t(tr.note)}` : ''}`,
      );
    for (const pub of it.published ?? [])
      out.push(`- Published ${t(pub.wave)} county figure: ${formatPercent(pub.percent)}% (${t(pub.source)})`);
    out.push('');
  }
  if (m.targets?.length) {
    const first = m.targets[0]!;
    out.push(
      `### Targets for every group`,
      '',
      mdTable(
        [
          'Indicator',
          'Group',
          'Baseline %',
          'Current %',
          `Target +${first.uplift} pts${first.rule === 'points' ? ' (deciding)' : ''}`,
          `Target ×${formatPercent(1 + first.uplift / 100, 2)}${first.rule === 'relative' ? ' (deciding)' : ''}`,
          'Distance (CI)',
          'Verdict',
          'Change',
          'Power',
        ],
        m.targets.map((x) => [
          t(`${x.ni ?? x.indicator}`),
          t(groupLabel(m, x.groupBy, x.group)),
          x.baseline === null ? 'suppressed' : formatPercent(x.baseline),
          x.current === null ? 'suppressed' : formatPercent(x.current),
          formatPercent(x.targetPoints),
          formatPercent(x.targetRelative),
          x.d === null ? '' : `${formatChange(x.d)} (${changeCiText(x.ciLow, x.ciHigh)})`,
          x.verdict === null ? 'not assessed' : t(verdictText(x)),
          signedChangeText(
            x.change,
            x.changePAdjusted,
            x.changeDirection === 'rose' || x.changeDirection === 'fell',
            m.input.adjust,
          ),
          t(powerText(x)),
        ]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'l'],
      ),
      `Change: ▲ / ▼ ${significanceLegend(m.input.adjust, m.input.alpha)}, ` +
        'the family being the compare family of the indicator and grouping; n.s. not significant. ' +
        "Power: could the design detect a rise of the target's size, and what true rise would confirm it (80% power).",
      '',
    );
  }
  const pubRows = m.input.codebook.items.flatMap((it) =>
    (it.published ?? [])
      .filter((p) => m.waves.includes(p.wave))
      .map((p) => {
        const e = m.estimate(p.wave, 'all', 'all', it.id);
        return [
          t(it.shortLabel),
          t(p.wave),
          formatPercent(p.percent),
          percentText(e),
          e ? ciText(e.ciLow, e.ciHigh) : '',
        ];
      }),
  );
  if (pubRows.length)
    out.push(
      '### Published county figures beside this survey’s own',
      '',
      mdTable(['Indicator', 'Wave', 'Published county %', 'This survey %', `${levelText(level)} CI`], pubRows, [
        'l',
        'l',
        'r',
        'r',
        'r',
      ]),
      'The published figures are for the county; this survey’s are for the surveyed areas together.',
      '',
    );
  return out;
}

function domain(m: ReportModel, name: string, items: ReportModel['domains'][number]['items'], n: number): string[] {
  const d = m.input.result.design;
  const last = m.waves[m.waves.length - 1];
  const header = [
    'Indicator',
    'Group',
    ...m.waves.flatMap((w) => [`${w} %`, 'CI', 'n', ...(m.weighted ? ['n eff'] : [])]),
    ...(last ? [`${last} (0–100)`] : []),
    ...(m.comparisons ? [`Change ${m.from}→${m.to}`, 'CI', m.input.adjust !== 'none' ? 'Adj. p' : 'p'] : []),
  ];
  const rows = items.flatMap((it) =>
    m.groups.map((g, i) => {
      const c = m.comparison(g.groupBy, g.group, it.id);
      return [
        i === 0 ? `**${t(it.shortLabel)}${it.ni ? ` (${it.ni})` : ''}**` : '',
        t(groupLabel(m, g.groupBy, g.group)),
        ...m.waves.flatMap((w) => {
          const e = m.estimate(w, g.groupBy, g.group, it.id);
          return [
            percentText(e),
            e ? ciText(e.ciLow, e.ciHigh) : '',
            e ? formatCount(e.unweightedBase) : '',
            ...(m.weighted ? [e && e.unweightedBase > 0 ? formatCount(e.nEff) : ''] : []),
          ];
        }),
        ...(last ? [textBar(m.estimate(last, g.groupBy, g.group, it.id))] : []),
        ...(m.comparisons
          ? c?.changePp === null || !c
            ? [c?.flag === 'suppressed' ? 'suppressed' : '', '', '']
            : [
                `${formatChange(c.changePp)}${c.significant ? (c.changePp > 0 ? ' ▲' : ' ▼') : ' n.s.'}`,
                changeCiText(c.ciLow, c.ciHigh),
                formatP(c.pAdjusted),
              ]
          : []),
      ];
    }),
  );
  const align = header.map(
    (_, i) =>
      (i < 2 || (last !== undefined && i === 2 + (m.weighted ? 4 : 3) * m.waves.length) ? 'l' : 'r') as 'l' | 'r',
  );
  const out = [`## 3.${n} ${t(capitalise(name))}`, '', mdTable(header, rows, align)];
  out.push(
    `n: unweighted base.${m.weighted ? " n eff: Kish's effective n." : ''} ` +
      `† indicative (base under ${d.indicativeBase}); "suppressed": base under ${d.minBase}.` +
      (m.comparisons ? ` ▲ / ▼ ${significanceLegend(m.input.adjust, m.input.alpha)}; n.s. not significant.` : ''),
    '',
  );
  // wave by wave, then in codebook order, as the result lists them
  const tests = items
    .flatMap((it) => m.typeTestsOf(it.id).map((x) => ({ x, it })))
    .sort((a, b) => m.waves.indexOf(a.x.wave) - m.waves.indexOf(b.x.wave));
  if (tests.length)
    out.push(
      mdTable(
        ['Wave', 'Indicator', 'Test', 'Statistic (df)', 'p', 'Pairs'],
        tests.map(({ x, it }) => [
          t(x.wave),
          t(it.shortLabel),
          x.test === 'area-type' ? 'area types' : 'surveyed areas',
          x.test === 'area-type'
            ? x.F === null
              ? `not run: ${t(x.reason ?? x.flag)}`
              : `F ${formatPercent(x.F, 2)} (${formatPercent(x.ndf, 2)}, ${formatPercent(x.ddf, 1)})`
            : x.statistic === null
              ? `not run: ${t(x.reason ?? x.flag)}`
              : `χ² ${formatPercent(x.statistic, 2)} (${x.df})`,
          `${formatP(x.p)}${x.significant ? ' ✱' : ''}`,
          x.pairs
            .map(
              (p) =>
                `${t(p.a)} − ${t(p.b)}: ` +
                (p.diffPp === null
                  ? 'not computed'
                  : `${formatChange(p.diffPp)}${p.significant ? (p.diffPp > 0 ? ' ▲' : ' ▼') : ''}, ` +
                    `${m.input.adjust !== 'none' ? 'adj. ' : ''}p ${formatP(p.pAdjusted)}`),
            )
            .join('; ') || (x.significant ? '' : 'no significant difference'),
        ]),
        ['l', 'l', 'l', 'r', 'r', 'l'],
      ),
    );
  return out;
}

function findings(m: ReportModel): string[] {
  const out = ['## 4. Findings', ''];
  if (!m.findings)
    out.push(
      m.waves.length < 2
        ? 'Findings need two or more waves; this run has one.'
        : 'No findings were computed in this run.',
    );
  else if (!m.findings.length) out.push('No test supports a finding after the correction in force.');
  else
    for (const g of groupFindings(m.findings)) {
      const text = (f: Finding) => t(findingText(f, m.input.codebook, m.input.label));
      const top = g.items.slice(0, REPORT_FINDINGS_PER_KIND);
      const rest = g.items.length - top.length;
      out.push(`### ${g.heading} (${g.items.length})`, '', ...top.map((f, i) => `${i + 1}. ${text(f)}`), '');
      if (rest)
        out.push(
          `${rest} more ${rest === 1 ? 'finding' : 'findings'} of this kind.`,
          '',
          '<details><summary>All of them</summary>',
          '',
          ...g.items.map((f, i) => `${i + 1}. ${text(f)}`),
          '',
          '</details>',
          '',
        );
    }
  out.push('');
  return out;
}

function neighbourhoods(m: ReportModel): string[] {
  const d = m.input.result.design;
  const out = ['## 5. Neighbourhoods', ''];
  if (!m.neighbourhoods.length) return [...out, 'No neighbourhood figures in this run.', ''];
  out.push(
    mdTable(
      ['Area', 'District', 'Type', ...m.waves.map((w) => `${w} returns`)],
      m.neighbourhoods.map((a) => [
        t(a.name),
        t(a.district),
        t(a.type),
        ...m.waves.map((w) => {
          const r = m.input.result.returns.find(
            (x) => x.wave === w && x.groupBy === 'neighbourhood' && x.group === a.code,
          );
          return r
            ? `${formatCount(r.returns)}${r.responseRate === null ? '' : ` (${formatPercent(r.responseRate)}%)`}`
            : '';
        }),
      ]),
      ['l', 'l', 'l', ...m.waves.map(() => 'r' as const)],
    ),
  );
  for (const it of m.headlineItems)
    out.push(
      `### ${t(indicatorHeading(it))}, by neighbourhood`,
      '',
      mdTable(
        [
          'Area',
          'Type',
          ...m.waves.flatMap((w) => [`${w} %`, 'CI', 'n']),
          ...(m.from && m.to ? [`Change ${m.from}→${m.to}`] : []),
        ],
        m.neighbourhoods.map((a) => [
          t(a.name),
          t(a.type),
          ...m.waves.flatMap((w) => {
            const e = m.estimate(w, 'neighbourhood', a.code, it.id);
            return [
              `${percentText(e)}${e?.percent === null ? '' : areaMark(m, w, it.id, a.code)}`,
              e ? ciText(e.ciLow, e.ciHigh) : '',
              e ? formatCount(e.unweightedBase) : '',
            ];
          }),
          ...(m.from && m.to ? [areaChangeText(m, it.id, a.code)] : []),
        ]),
        ['l', 'l', ...m.waves.flatMap(() => ['r', 'r', 'r'] as const), ...(m.from && m.to ? ['r' as const] : [])],
      ),
    );
  out.push(
    `n: unweighted base. † indicative (base under ${d.indicativeBase}); "suppressed": base under ${d.minBase}.` +
      `${m.areaTests ? ' ▲ / ▼ significantly above / below the rest of the surveyed areas.' : ''}` +
      (m.from && m.to
        ? ` Change: ${m.to} minus ${m.from} in points; ✱ significant after the correction in force.`
        : ''),
    '',
  );
  return out;
}

function netScores(m: ReportModel): string[] {
  const { tables, notes } = netReportTables(m.input);
  if (!tables.length) return [];
  return [
    `## ${NET_HEADING}`,
    '',
    ...tables.flatMap((x) => [
      `**${t(x.caption)}**`,
      '',
      mdTable(
        x.header.map(t),
        x.rows.map((row) => row.map(t)),
      ),
    ]),
    ...notes.map((n) => `- ${t(n)}`),
    '',
  ];
}

function methodology(m: ReportModel): string[] {
  const d = m.input.result.design;
  const cb = m.input.codebook;
  const out = ['## 6. Methodology', ''];
  const missingCodes = cb.missing.map((x) => t(`${x.value === '' ? 'blank' : x.value}: ${x.reason}`)).join(', ');
  out.push(
    `- **Population:** ${t(d.population)}; ` +
      '"All surveyed areas" is the neighbourhoods surveyed together, chosen on purpose, not the county. ' +
      'Each neighbourhood is a stratum.',
  );
  out.push(
    `- **Base:** answers neither missing (${missingCodes}) nor excluded; percent = weighted positive ÷ weighted base.`,
  );
  out.push(
    `- **Confidence intervals:** ${levelText(d.level)}, ${t(d.ciMethod)}; Kish's effective n = (Σw)²/Σw². ` +
      `Weights: ${t(d.weights)}. ${t(VARIANCE_TEXT)}`,
  );
  out.push(`- **Small bases:** ${smallBaseRule(d)}. Suppressed figures read "suppressed", never 0.`);
  out.push(`- **Multiple testing:** ${t(multipleTestingText(m.input.adjust, m.input.alpha))}`);
  for (const f of familyLines(m)) out.push(`  - ${t(f)}`);
  const tr = m.targets?.[0];
  out.push(`- **Area-type tests:** ${t(TYPE_TESTS_TEXT)}`);
  const verdicts = Object.values(VERDICT_WORDS)
    .map((v) => `${v.short.toLowerCase()}: ${v.long}`)
    .join('; ');
  out.push(
    tr
      ? `- **Targets:** ${t(targetModeLabel(m, tr))}; ${t(targetBasis(tr))} (rule "${tr.rule}"). ` +
          `Verdicts: ${verdicts}. ${t(targetMethodText(m.input.alpha))}`
      : '- **Targets:** none in this run.',
  );
  out.push('', '### Definitions', '');
  out.push(
    mdTable(
      ['Indicator', 'Domain', 'Positive', 'Excluded'],
      cb.items
        .filter((it) => m.reported.has(it))
        .map((it) => [
          t(indicatorLabel(it)),
          t(it.domain),
          t(codeLabels(m, it.scale, it.positive)),
          t(it.excluded.map((e) => `${codeLabels(m, it.scale, [e.code])} (${e.reason})`).join('; ') || 'none'),
        ]),
    ),
  );
  out.push('### Area types and where they came from', '');
  out.push(
    mdTable(
      ['Code', 'Name', 'District', 'Type', 'Type source'],
      m.input.areas.map((a) => [t(a.code), t(a.name), t(a.district), t(a.type), t(a.typeSource || 'not given')]),
    ),
  );
  return out;
}
