import { capitalise } from '../render/estimates-layout.js';
import { multipleTestingText, targetMethodText, TYPE_TESTS_TEXT, VARIANCE_TEXT } from './method-text.js';
import { formatCount } from '../format/format-number.js';
import { el, esc, p, table, td, th } from './html-parts.js';
import { ruleWords, targetModeLabel } from './target-words.js';
import type { ReportModel } from './report-model.js';
import { levelText, smallBaseRule, VERDICT_WORDS } from './report-words.js';
import { indicatorLabel } from '../format/indicator-label.js';

/** The scale label of each code, for the definitions. */
export function codeLabels(m: ReportModel, scale: string, codes: readonly number[]): string {
  const s = m.input.codebook.scales[scale] ?? [];
  return codes.map((c) => `${c} ${s.find((x) => x.code === c)?.label ?? ''}`.trim()).join('; ');
}

/** Multiple-testing families and their sizes, in words. */
export function familyLines(m: ReportModel): string[] {
  const out: string[] = [];
  const levels = new Map<string, { from: string; to: string; sizes: Set<number> }>();
  for (const c of m.comparisons ?? []) {
    const l = levels.get(c.groupBy) ?? { from: c.from, to: c.to, sizes: new Set<number>() };
    if (c.familySize > 0) l.sizes.add(c.familySize);
    levels.set(c.groupBy, l);
  }
  for (const [groupBy, l] of levels) {
    const sizes = [...l.sizes].sort((x, y) => x - y);
    const n = sizes.length <= 1 ? String(sizes[0] ?? 0) : `${sizes[0]}–${sizes.at(-1)}`;
    out.push(
      `Wave changes by ${groupBy}: one family per indicator × ${groupBy} × ${l.from}→${l.to} ` +
        `${n} test${n === '1' ? '' : 's'} each.`,
    );
  }
  const tt = new Map<string, number>();
  for (const t of m.typeTests ?? [])
    tt.set(t.wave, Math.max(tt.get(t.wave) ?? 0, t.pairs.filter((x) => x.p !== null).length));
  for (const [w, n] of tt)
    out.push(`Area-type tests, ${w}: each overall test a family of one; its pairs a family of ${n}.`);
  const at = new Map<string, number>();
  for (const t of m.areaTests ?? []) at.set(t.wave, Math.max(at.get(t.wave) ?? 0, t.familySize));
  for (const [w, n] of at)
    out.push(`Each neighbourhood against the rest, ${w}: one family of up to ${n} neighbourhoods per indicator.`);
  return out;
}

/** Section 6: definitions, CI method, suppression, multiple testing, the target rule, and the area types. */
export function htmlMethodology(m: ReportModel): string {
  const d = m.input.result.design;
  const cb = m.input.codebook;
  const parts: string[] = ['<h2>6. Methodology</h2>'];
  const missingCodes = cb.missing.map((x) => `${x.value === '' ? 'blank' : x.value}: ${x.reason}`).join(', ');
  parts.push(
    '<h3>Population</h3>',
    p(
      `Inference is about the residents of ${d.population}: ` +
        'the neighbourhoods were chosen on purpose and respondents sampled within each, ' +
        'so each neighbourhood is a stratum. ' +
        '"All surveyed areas" is those neighbourhoods together, not the county; ' +
        '"rural areas" means the surveyed rural areas.',
    ),
  );
  parts.push(
    '<h3>Indicators: positive answers, base and exclusions</h3>',
    p(
      'The percent is the weighted count of positive answers divided by the weighted base. ' +
        `The base leaves out missing answers (${missingCodes}) and each indicator's excluded codes.`,
    ),
    table({
      caption: 'Definitions',
      head: [th('Indicator'), th('Domain'), th('Positive answers'), th('Excluded from the base')],
      rows: cb.items
        .filter((it) => m.reported.has(it))
        .map((it) => ({
          cells: [
            th(indicatorLabel(it)),
            td(it.domain),
            td(codeLabels(m, it.scale, it.positive)),
            td(it.excluded.map((e) => `${codeLabels(m, it.scale, [e.code])} (${e.reason})`).join('; ') || 'none'),
          ],
        })),
    }),
  );
  const answers = m.input.result.accounting.answers;
  const reasons = [...new Set(Object.values(answers).flatMap((r) => Object.keys(r)))].sort();
  if (reasons.length)
    parts.push(
      table({
        caption: 'Answers left out of the base, by indicator and reason (all waves)',
        head: [
          th('Indicator'),
          ...reasons.map((r) => th(capitalise(r.replace(':', ': ').replace(/-/g, ' ')), { class: 'num' })),
        ],
        rows: cb.items
          .filter((it) => answers[it.id])
          .map((it) => ({
            cells: [
              th(it.shortLabel),
              ...reasons.map((r) => td(formatCount(answers[it.id]?.[r] ?? 0), { class: 'num' })),
            ],
          })),
      }),
    );
  parts.push(
    '<h3>Confidence intervals and effective sample size</h3>',
    p(
      `${levelText(d.level)} confidence intervals: ${d.ciMethod}. ` +
        `Kish's effective n = (Σw)² / Σw²; the design effect is n / effective n. Weights: ${d.weights}.`,
    ),
    p(VARIANCE_TEXT),
    '<h3>Small bases</h3>',
    p(
      `${smallBaseRule(d)}. A suppressed figure is shown as "suppressed", never as 0, ` +
        'and its positive count is withheld too; its base is still shown.',
    ),
    '<h3>Multiple testing</h3>',
    p(multipleTestingText(m.input.adjust, m.input.alpha)),
    '<h3>Area-type tests</h3>',
    p(TYPE_TESTS_TEXT),
  );
  const fl = familyLines(m);
  if (fl.length) parts.push(el('ul', { class: 'note' }, fl.map((x) => el('li', undefined, esc(x))).join('')));
  const t = m.targets?.[0];
  parts.push('<h3>Targets</h3>');
  if (t) {
    parts.push(
      p(
        `${targetModeLabel(m, t)}. Target: ${ruleWords(t)} (rule "${t.rule}"). ` +
          (t.mode === 'survey-uplift'
            ? 'The baseline is itself an estimate, so the verdict tests the change: d = current − target, ' +
              'with the standard error of both waves.'
            : 'The published baseline is a fixed number, ' +
              'so the verdict compares the current estimate’s interval with the target.'),
      ),
      el(
        'ul',
        undefined,
        Object.entries(VERDICT_WORDS)
          .map(([k, v]) =>
            el('li', undefined, `<strong>${esc(v.short)}</strong> (<code>${esc(k)}</code>): ${esc(v.long)}.`),
          )
          .join(''),
      ),
      p(targetMethodText(m.input.alpha)),
    );
  } else parts.push(p('No target verdicts in this run (they need a baseline and a current wave).'));
  parts.push(
    '<h3>Area types and where they came from</h3>',
    table({
      caption: `Area registry: ${d.areas}`,
      head: [th('Code'), th('Name'), th('District'), th('Type'), th('Type source'), th('Mailed', { class: 'num' })],
      rows: m.input.areas.map((a) => ({
        cells: [
          td(a.code),
          th(a.name),
          td(a.district),
          td(a.type),
          td(a.typeSource || 'not given'),
          td(a.mailed === undefined ? '' : formatCount(a.mailed), { class: 'num' }),
        ],
      })),
    }),
  );
  return el('section', { id: 'methodology', class: 'page' }, parts.join('\n'));
}
