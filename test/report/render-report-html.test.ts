import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/render-report-html.js';
import { attr, dataCells, elements, parseHtml, text, walk } from './html-dom.js';
import { est, input, result } from './report-fixture.js';

// One wave, two types: rural has a small base for trust (suppressed), deprived has none (no data).
const estimates = [
  est('2009', 'all', 'all', 'trust_general', 31.04),
  est('2009', 'type', 'rural', 'trust_general', 40, 'suppressed', 12),
  est('2009', 'type', 'deprived', 'trust_general', null, 'no-data', 0),
  est('2009', 'all', 'all', 'belong_neighbourhood', 77.65),
  est('2009', 'type', 'rural', 'belong_neighbourhood', 88.25, 'indicative', 60),
  est('2009', 'type', 'deprived', 'belong_neighbourhood', 68.9),
  est('2009', 'neighbourhood', 'A1', 'belong_neighbourhood', 88.25, 'indicative', 60),
];

describe('renderReportHtml', () => {
  const html = renderReportHtml(input(result(estimates)));
  const dom = parseHtml(html);
  const cells = dataCells(dom);
  const cell = (key: string) => (cells.get(key) ?? []).map(text);

  it('rounds half away from zero to one decimal, as every other output does', () => {
    // domain table and published-figures table
    expect(new Set(cell('2009|all|all|trust_general|percent'))).toEqual(new Set(['31.0']));
    expect(cell('2009|all|all|belong_neighbourhood|percent')[0]).toBe('77.7'); // 77.65 → 77.7
    expect(cell('2009|type|rural|belong_neighbourhood|percent')[0]).toBe('88.3†'); // indicative, 88.25 → 88.3
  });

  it('shows suppressed and empty cells in words, with their bases, never as 0', () => {
    expect(cell('2009|type|rural|trust_general|percent')).toEqual(['suppressed']);
    expect(cell('2009|type|rural|trust_general|unweightedBase')).toEqual(['12']);
    expect(cell('2009|type|deprived|trust_general|percent')).toEqual(['no data']);
    const trustChart = elements(dom, 'svg').find((s) => attr(s, 'id') === 'chart-level-trust')!;
    const texts = elements(trustChart, 'text').map(text);
    expect(texts).toContain('suppressed: base under 30');
    expect(texts).toContain('no data');
  });

  it(
    'has a level chart per domain, each with a title and its data ' +
      'table in the same section; no change chart with one wave',
    () => {
      const sections = elements(dom, 'section').filter((s) => attr(s, 'id')?.startsWith('domain-'));
      expect(sections.map((s) => attr(s, 'id'))).toEqual(['domain-belonging', 'domain-trust']);
      for (const s of sections) {
        const svgs = elements(s, 'svg');
        expect(svgs).toHaveLength(1);
        expect(text(elements(svgs[0]!, 'title')[0]!)).toMatch(/percent positive with 95% confidence intervals/);
        expect(elements(s, 'table').length).toBe(1);
      }
    },
  );

  it('says what is missing: no targets, no findings with one wave', () => {
    expect(text(dom)).toContain('Findings need two or more waves; this run has one.');
    expect(text(dom)).toContain('No target verdicts in this run');
  });

  it('prints a date only when given', () => {
    expect(html).not.toContain('Date:');
    expect(renderReportHtml(input(result(estimates), { date: '1 <April> 2009' }))).toContain(
      'Date: 1 &lt;April&gt; 2009.',
    );
  });

  it('has no script, style from outside, or event handler', () => {
    expect(elements(dom, 'script')).toHaveLength(0);
    expect(elements(dom, 'link')).toHaveLength(0);
    for (const n of walk(dom)) for (const a of n.attrs ?? []) expect(a.name.startsWith('on')).toBe(false);
  });

  it('marks a neighbourhood that differs significantly from the rest', () => {
    const areaTests = [
      {
        wave: '2009',
        indicator: 'belong_neighbourhood',
        ni: 'NI2',
        area: 'A1',
        areaName: 'Alpha',
        percent: 88.25,
        restPercent: 70,
        diffPp: 18.25,
        z: 3,
        p: 0.001,
        pAdjusted: 0.01,
        significant: true,
        familySize: 2,
        flag: 'ok',
      },
    ];
    const d = parseHtml(renderReportHtml(input(result(estimates, { areaTests }))));
    expect((dataCells(d).get('2009|neighbourhood|A1|belong_neighbourhood|percent') ?? []).map(text)).toEqual([
      '88.3† ▲',
    ]);
  });
});
