import type { CodebookItem } from '../codebook/schema.js';
import type { TargetRow } from '../types/index.js';
import { formatChange, formatCount, formatPercent } from '../format/format-number.js';
import { powerText, significanceLegend, signedChangeText } from '../format/significance.js';
import { groupLabel } from './domain-charts.js';
import { estimateCells, changeCells } from './html-estimate-cells.js';
import { dataKey, el, esc, p, table, td, th } from './html-parts.js';
import type { ReportModel } from './report-model.js';
import { targetBasis, targetModeLabel } from './target-words.js';
import { changeCiText, changeSentence, estimateSentence, VERDICT_WORDS, verdictSentence } from './report-words.js';
import { indicatorHeading } from '../format/indicator-label.js';

export const NO_TARGETS =
  'No target verdicts: they need a baseline and a current wave, or published baselines given with --targets.';

export function headlineWaves(m: ReportModel): { baseline: string | undefined; current: string | undefined } {
  const t = m.targets?.find((x) => x.baselineWave !== null);
  return {
    baseline: t?.baselineWave ?? m.from ?? m.waves[0],
    current: t?.currentWave ?? m.to ?? m.waves[m.waves.length - 1],
  };
}

function itemTitle(it: CodebookItem): string {
  return indicatorHeading(it);
}

function verdictHtml(t: TargetRow | undefined, key: Record<string, string>): string {
  if (!t) return td('');
  if (t.verdict === null) return td('not assessed', { class: 'suppressed', ...dataKey('verdict', key) });
  const lean = t.verdict === 'inconclusive' && t.lean ? ` (lean ${t.lean})` : '';
  return td(`${VERDICT_WORDS[t.verdict]?.short ?? t.verdict}${lean}`, {
    class: `verdict verdict-${t.verdict}`,
    ...dataKey('verdict', key),
  });
}

function card(m: ReportModel, it: CodebookItem, baseline: string | undefined, current: string | undefined): string {
  const level = m.input.result.design.level;
  const lines: string[] = [];
  const waves = [...new Set([baseline, current].filter((w): w is string => w !== undefined))];
  for (const w of waves) lines.push(`In ${w}: ${estimateSentence(m.estimate(w, 'all', 'all', it.id), level)}.`);
  const c = m.comparison('all', 'all', it.id);
  if (c) lines.push(`Change ${c.from}→${c.to}: ${changeSentence(c, m.input.adjust)}.`);
  const t = m.targetRows(it.id).find((x) => x.groupBy === 'all');
  if (t) {
    if (t.verdict === null) lines.push(`Target: not assessed. ${t.note ?? ''}`);
    else
      lines.push(
        `Target (${targetBasis(t)}): ${formatPercent(t.target)}%. ${verdictSentence(t.verdict, t.lean)}; ` +
          `distance from the target ${formatChange(t.d)} points, CI ${changeCiText(t.ciLow, t.ciHigh)}. ` +
          `The design ${powerText(t)}.` +
          (t.note ? ` ${t.note}` : ''),
      );
  }
  for (const pub of it.published ?? [])
    lines.push(
      `Published ${pub.wave} county figure: ${formatPercent(pub.percent)}% (${pub.source}). ` +
        (m.waves.includes(pub.wave)
          ? `This survey, ${pub.wave}, all surveyed areas: ` +
            `${estimateSentence(m.estimate(pub.wave, 'all', 'all', it.id), level)}.`
          : `This survey has no ${pub.wave} wave.`),
    );
  return el(
    'div',
    { class: 'headline-card' },
    `<h3>${esc(itemTitle(it))}</h3>\n<p class="note">${esc(it.question)}</p>\n${lines.map((l) => p(l)).join('\n')}`,
  );
}

/** Section 2: NI1, NI2 and NI4 — baseline, current, change, target and verdict, and published figures. */
export function htmlHeadline(m: ReportModel): string {
  const { baseline, current } = headlineWaves(m);
  const parts: string[] = ['<h2>2. Headline: NI1, NI2 and NI4</h2>'];
  if (m.headlineItems.length === 0) parts.push(p('None of the NI indicators (NI1, NI2, NI4) is in this analysis.'));
  const targets = m.targets ?? [];
  const modes = [...new Set(targets.map((t) => targetModeLabel(m, t)))];
  if (modes.length) parts.push(el('p', { class: 'note' }, `<strong>${esc(modes.join('; '))}.</strong>`));
  else if (m.headlineItems.length) parts.push(p(NO_TARGETS, { class: 'note' }));
  if (m.headlineItems.length && baseline !== undefined && current !== undefined) {
    const rows = m.headlineItems.map((it) => {
      const t = m.targetRows(it.id).find((x) => x.groupBy === 'all');
      const key = { groupBy: 'all', group: 'all', indicator: it.id };
      const pub = it.published?.find((x) => x.wave === current);
      return {
        cells: [
          th(itemTitle(it)),
          ...estimateCells(m.estimate(baseline, 'all', 'all', it.id), { ...key, wave: baseline }).slice(0, 2),
          ...(baseline !== current
            ? estimateCells(m.estimate(current, 'all', 'all', it.id), { ...key, wave: current }).slice(0, 2)
            : []),
          ...(m.comparisons ? changeCells(m.comparison('all', 'all', it.id), key).slice(0, 2) : []),
          ...(m.targets
            ? [td(t ? formatPercent(t.target) : '', { class: 'num', ...dataKey('target', key) }), verdictHtml(t, key)]
            : []),
          td(pub ? formatPercent(pub.percent) : '—', {
            class: 'num',
            ...dataKey('published', { ...key, wave: current }),
          }),
        ],
      };
    });
    parts.push(
      table({
        caption: `All surveyed areas: ${baseline}${baseline !== current ? ` and ${current}` : ''}`,
        head: [
          th('Indicator'),
          th(`${baseline} %`, { class: 'num' }),
          th('CI', { class: 'num' }),
          ...(baseline !== current ? [th(`${current} %`, { class: 'num' }), th('CI', { class: 'num' })] : []),
          ...(m.comparisons ? [th('Change, points', { class: 'num' }), th('CI', { class: 'num' })] : []),
          ...(m.targets ? [th('Target %', { class: 'num' }), th('Verdict')] : []),
          th(`Published ${current} county %`, { class: 'num' }),
        ],
        rows,
      }),
    );
  }
  parts.push(...m.headlineItems.map((it) => card(m, it, baseline, current)));
  const detail = [targets.length ? targetsTable(m, targets) : '', publishedTable(m) ?? ''].join('');
  // On paper the detail tables start a page, so a caption and header are never stranded at a page foot.
  if (detail) parts.push(el('div', { class: 'print-new-page' }, detail));
  return el('section', { id: 'headline', class: 'page' }, parts.join('\n'));
}

function targetsTable(m: ReportModel, targets: TargetRow[]): string {
  const first = targets[0]!;
  const published = targets.some((t) => t.mode === 'published-baseline');
  const notFor = targets.filter((t) => t.note);
  const notes = notFor.length
    ? el(
        'ul',
        { class: 'note' },
        notFor
          .map((t) =>
            el('li', undefined, esc(`${t.ni ?? t.indicator}, ${groupLabel(m, t.groupBy, t.group)}: ${t.note}`)),
          )
          .join(''),
      )
    : '';
  const rows = targets.map((t, i) => {
    const it = m.input.codebook.items.find((x) => x.id === t.indicator);
    const key = { groupBy: t.groupBy, group: t.group, indicator: t.indicator };
    const first = i === 0 || targets[i - 1]!.indicator !== t.indicator;
    const span = targets.slice(i).findIndex((x) => x.indicator !== t.indicator);
    return {
      cls: first ? 'block-start' : undefined,
      cells: [
        first
          ? th(t.ni ?? it?.shortLabel ?? t.indicator, {
              rowspan: span < 0 ? targets.length - i : span,
              title: it ? itemTitle(it) : undefined,
            })
          : '',
        td(groupLabel(m, t.groupBy, t.group), { class: 'group' }),
        td(t.baseline === null ? (t.flag === 'suppressed' ? 'suppressed' : 'no data') : formatPercent(t.baseline), {
          class: `num${t.baseline === null ? ' suppressed' : ''}`,
          ...dataKey('baseline', key),
        }),
        td(t.current === null ? (t.flag === 'suppressed' ? 'suppressed' : 'no data') : formatPercent(t.current), {
          class: `num${t.current === null ? ' suppressed' : ''}`,
          ...dataKey('current', key),
        }),
        td(formatPercent(t.targetPoints), {
          class: `num${t.targetSource === 'points' ? ' deciding' : ''}`,
          ...dataKey('targetPoints', key),
        }),
        td(formatPercent(t.targetRelative), {
          class: `num${t.targetSource === 'relative' ? ' deciding' : ''}`,
          ...dataKey('targetRelative', key),
        }),
        ...(published
          ? [
              td(formatPercent(t.target), {
                class: `num${t.targetSource === 'file' ? ' deciding' : ''}`,
                ...dataKey('target', key),
              }),
            ]
          : []),
        td(t.d === null ? '' : `${formatChange(t.d)} (${changeCiText(t.ciLow, t.ciHigh)})`, {
          class: 'num',
          ...dataKey('d', key),
        }),
        verdictHtml(t, key),
        td(
          signedChangeText(
            t.change,
            t.changePAdjusted,
            t.changeDirection === 'rose' || t.changeDirection === 'fell',
            m.input.adjust,
          ),
          { class: 'num', ...dataKey('change', key) },
        ),
        td(powerText(t), dataKey('power', key)),
      ].filter(Boolean),
    };
  });
  const pts = first.rule === 'points' ? `+${first.uplift} points` : `+${first.uplift}%`;
  const rel = `×${formatPercent(1 + first.uplift / 100, 2)}`;
  return (
    table({
      caption: `Targets for every group (${targetModeLabel(m, first)})`,
      cls: 'compact',
      head: [
        th('Indicator'),
        th('Group'),
        th(first.mode === 'survey-uplift' ? `Baseline ${first.baselineWave ?? ''} %` : 'Published baseline %', {
          class: 'num',
        }),
        th(`Current ${first.currentWave} %`, { class: 'num' }),
        th(`Target ${pts}${first.rule === 'points' ? ' (deciding)' : ''}`, { class: 'num' }),
        th(`Target ${rel}${first.rule === 'relative' ? ' (deciding)' : ''}`, { class: 'num' }),
        ...(published ? [th('Target used %', { class: 'num' })] : []),
        th('Distance from target, points (CI)', { class: 'num' }),
        th('Verdict'),
        th(`Change${m.input.adjust === 'none' ? '' : ' (adj. p)'}`, { class: 'num' }),
        th('Power (80%)'),
      ],
      rows,
    }) +
    el(
      'p',
      { class: 'note' },
      esc(
        `Both readings of the target are shown; the underlined one (rule "${first.rule}", marked "deciding") ` +
          'decides the verdict. ' +
          `Change: ▲ / ▼ ${significanceLegend(m.input.adjust, m.input.alpha)}, ` +
          'the family being the compare family of the indicator and grouping ' +
          '(a published baseline: a family of one); n.s. not significant. ' +
          "Power: whether the design could detect a rise of the target's size, " +
          'and the true rise that would confirm the target with 80% chance. ' +
          `A verdict needs ${formatCount(m.input.result.design.minBase)} or more answers in ` +
          `${published ? 'the current wave' : 'both waves'}.`,
      ),
    ) +
    notes
  );
}

function publishedTable(m: ReportModel): string | undefined {
  const level = m.input.result.design.level;
  const sources = [...new Set(m.input.codebook.items.flatMap((it) => (it.published ?? []).map((x) => x.source)))];
  const oneSource = sources.length === 1;
  const rows = m.input.codebook.items.flatMap((it) =>
    (it.published ?? [])
      .filter((pub) => m.waves.includes(pub.wave))
      .map((pub) => {
        const e = m.estimate(pub.wave, 'all', 'all', it.id);
        const key = { wave: pub.wave, groupBy: 'all', group: 'all', indicator: it.id };
        return {
          cells: [
            th(itemTitle(it)),
            td(pub.wave),
            td(formatPercent(pub.percent), { class: 'num', ...dataKey('published', key) }),
            ...estimateCells(e, key),
            ...(oneSource ? [] : [td(pub.source)]),
          ],
        };
      }),
  );
  if (!rows.length) return undefined;
  return (
    table({
      caption: 'Published county figures beside this survey’s own',
      head: [
        th('Indicator'),
        th('Wave'),
        th('Published county %', { class: 'num' }),
        th('This survey %', { class: 'num' }),
        th(`${Math.round(level * 100)}% CI`, { class: 'num' }),
        th('n', { class: 'num' }),
        ...(oneSource ? [] : [th('Source')]),
      ],
      rows,
    }) +
    p(
      `${oneSource ? `Source of the published figures: ${sources[0]}. ` : ''}` +
        'The published figures are for the county; ' +
        'this survey’s figures are for the surveyed areas together, so the two need not agree.',
      { class: 'note' },
    )
  );
}
