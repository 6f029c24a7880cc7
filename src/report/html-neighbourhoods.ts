import { formatChange, formatCount, formatPercent } from '../format/format-number.js';
import { fdrCaveat, significanceLegend } from '../format/significance.js';
import { capitalise } from '../render/estimates-layout.js';
import { estimateCells } from './html-estimate-cells.js';
import { dataKey, el, esc, p, table, td, th } from './html-parts.js';
import type { ReportModel } from './report-model.js';
import { groupFindings, levelText, REPORT_FINDINGS_PER_KIND } from './report-words.js';
import { findingText } from '../render/finding-text.js';
import type { Finding } from '../types/index.js';
import { indicatorHeading } from '../format/indicator-label.js';

/** ▲ / ▼ when an area differs significantly from the rest of the surveyed areas, else nothing. */
export function areaMark(m: ReportModel, wave: string, indicator: string, area: string): string {
  const t = m.areaTest(wave, indicator, area);
  if (!t?.significant || t.diffPp === null) return '';
  return t.diffPp > 0 ? ' ▲' : ' ▼';
}

/** "+3.7 ✱": the change of an area between the compared waves, ✱ when significant after the correction in force. */
export function areaChangeText(m: ReportModel, indicator: string, area: string): string {
  const c = m.comparison('neighbourhood', area, indicator);
  if (!c) return '';
  if (c.changePp === null) return c.flag === 'suppressed' ? 'suppressed' : '';
  return `${formatChange(c.changePp)}${c.significant ? ' ✱' : ''}`;
}

/** Section 5: every neighbourhood × headline indicator, small bases flagged. */
export function htmlNeighbourhoods(m: ReportModel): string {
  const d = m.input.result.design;
  const parts: string[] = ['<h2>5. Neighbourhoods</h2>'];
  if (!m.neighbourhoods.length) {
    parts.push(p('No neighbourhood figures in this run.'));
    return el('section', { id: 'neighbourhoods', class: 'page' }, parts.join('\n'));
  }
  const returns = table({
    caption: 'Returns by neighbourhood',
    head: [
      th('Area'),
      th('District'),
      th('Type'),
      ...m.waves.map((w) => th(`${w} returns (response rate)`, { class: 'num' })),
    ],
    rows: m.neighbourhoods.map((a) => ({
      cells: [
        th(a.name),
        td(a.district),
        td(a.type),
        ...m.waves.map((w) => {
          const r = m.input.result.returns.find(
            (x) => x.wave === w && x.groupBy === 'neighbourhood' && x.group === a.code,
          );
          return td(
            r
              ? `${formatCount(r.returns)}${r.responseRate === null ? '' : ` (${formatPercent(r.responseRate)}%)`}`
              : '',
            { class: 'num', ...dataKey('returns', { wave: w, groupBy: 'neighbourhood', group: a.code }) },
          );
        }),
      ],
    })),
  });
  parts.push(returns);
  const lv = levelText(d.level);
  for (const it of m.headlineItems) {
    parts.push(
      table({
        caption: `${indicatorHeading(it)}, by neighbourhood`,
        head: [
          th('Area'),
          th('District'),
          th('Type'),
          ...m.waves.flatMap((w) => [
            th(`${w} %`, { class: 'num' }),
            th(`${lv} CI`, { class: 'num' }),
            th('n', { class: 'num' }),
            ...(m.weighted ? [th('n eff', { class: 'num' })] : []),
          ]),
          ...(m.from && m.to ? [th(`Change ${m.from}→${m.to}`, { class: 'num' })] : []),
        ],
        rows: m.neighbourhoods.map((a) => ({
          cells: [
            th(a.name),
            td(a.district),
            td(capitalise(a.type)),
            ...m.waves.flatMap((w) =>
              estimateCells(
                m.estimate(w, 'neighbourhood', a.code, it.id),
                { wave: w, groupBy: 'neighbourhood', group: a.code, indicator: it.id },
                areaMark(m, w, it.id, a.code),
                m.weighted,
              ),
            ),
            ...(m.from && m.to
              ? [
                  td(areaChangeText(m, it.id, a.code), {
                    class: 'num',
                    ...dataKey('change', { groupBy: 'neighbourhood', group: a.code, indicator: it.id }),
                  }),
                ]
              : []),
          ],
        })),
      }),
    );
  }
  const sizes = [...new Set((m.areaTests ?? []).map((t) => t.familySize))];
  parts.push(
    p(
      `n: unweighted base.${m.weighted ? " n eff: Kish's effective n." : ''} ` +
        `† indicative: base under ${d.indicativeBase}, read with care. ` +
        `"suppressed": base under ${d.minBase}, no figure shown.` +
        (m.areaTests
          ? ' ▲ / ▼: significantly above / below the rest of the surveyed areas together ' +
            `(z-test on effective n; ${significanceLegend(m.input.adjust, m.input.alpha)}, ` +
            `the family being the ${sizes.join(' or ')} neighbourhoods of one indicator and wave).`
          : '') +
        (m.from && m.to
          ? ` Change: ${m.to} minus ${m.from} in points; ✱ ${significanceLegend(m.input.adjust, m.input.alpha)}, ` +
            'the family being the neighbourhoods of one indicator.'
          : ''),
      { class: 'note' },
    ),
  );
  return el('section', { id: 'neighbourhoods', class: 'page' }, parts.join('\n'));
}

/** Section 4: the generated sentences, strongest first, as the result orders them. */
export function htmlFindings(m: ReportModel): string {
  const parts: string[] = ['<h2>4. Findings</h2>'];
  if (!m.findings)
    parts.push(
      p(
        m.waves.length < 2
          ? 'Findings need two or more waves; this run has one.'
          : 'No findings were computed in this run.',
      ),
    );
  else if (!m.findings.length) parts.push(p('No test supports a finding after the correction in force.'));
  else
    parts.push(
      ...groupFindings(m.findings).map((g) => {
        const top = g.items.slice(0, REPORT_FINDINGS_PER_KIND);
        const rest = g.items.length - top.length;
        // every finding once as data-field="finding" (the full list); the strongest shown first are "finding-top"
        const li = (field: string) => (f: Finding) =>
          el(
            'li',
            { 'data-field': field, 'data-kind': f.kind, 'data-indicator': f.indicator ?? undefined },
            esc(findingText(f, m.input.codebook, m.input.label)),
          );
        return (
          `<h3>${esc(g.heading)} (${g.items.length})</h3>\n` +
          el('ol', { class: 'findings' }, top.map(li(rest ? 'finding-top' : 'finding')).join('\n')) +
          (rest
            ? `\n${p(`${rest} more ${rest === 1 ? 'finding' : 'findings'} of this kind.`)}\n` +
              el(
                'details',
                {},
                `${el('summary', {}, `All ${g.items.length}: ${esc(g.heading.toLowerCase())}`)}\n` +
                  `${el('ol', { class: 'findings' }, g.items.map(li('finding')).join('\n'))}`,
              )
            : '')
        );
      }),
      p(
        `Each sentence rests on a test that is ${significanceLegend(m.input.adjust, m.input.alpha)}. ` +
          `${fdrCaveat(m.input.adjust, m.input.alpha)} ` +
          'Sentences about “rural areas” rest on the area-type test (areas as clusters); ' +
          '“the surveyed rural areas” on the surveyed-areas test; ' +
          'changes and neighbourhoods are about the surveyed areas.',
        { class: 'note' },
      ),
    );
  return el('section', { id: 'findings' }, parts.join('\n'));
}
