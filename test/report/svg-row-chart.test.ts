import { describe, expect, it } from 'vitest';
import { rowChartSvg, type ChartSpec } from '../../src/report/svg-row-chart.js';
import { attr, elements, parseHtml, text } from './html-dom.js';

const style = { shape: 'square' as const, colour: '#D55E00' };

function spec(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'chart-x',
    title: 'Trust <by> type',
    description: 'A test chart',
    legend: [{ label: 'Deprived & "co"', style, filled: true }],
    axis: { min: 0, max: 100, ticks: [0, 50, 100], tickText: String, label: 'Percent (0 to 100)', zeroLine: false },
    panels: [
      {
        title: 'Most people trusted',
        rows: [
          {
            label: 'Deprived areas',
            sublabel: '2009',
            style,
            value: 50,
            lo: 40,
            hi: 60,
            filled: true,
            valueText: '50.0 (40.0–60.0)',
            note: '',
            block: 0,
          },
          {
            label: 'Rural areas',
            sublabel: '2009',
            style,
            value: null,
            lo: null,
            hi: null,
            filled: true,
            valueText: 'suppressed',
            note: 'suppressed: base under 30',
            block: 1,
          },
        ],
      },
    ],
    ...over,
  };
}

const svgOf = (s: ChartSpec) => elements(parseHtml(`<body>${rowChartSvg(s)}</body>`), 'svg')[0]!;

describe('rowChartSvg', () => {
  it('has a <title> and <desc>, referenced by aria-labelledby, with the text escaped', () => {
    const svg = svgOf(spec());
    const title = elements(svg, 'title')[0]!;
    expect(text(title)).toBe('Trust <by> type');
    expect(attr(svg, 'aria-labelledby')).toBe('chart-x-title chart-x-desc');
    expect(attr(title, 'id')).toBe('chart-x-title');
    expect(text(elements(svg, 'desc')[0]!)).toBe('A test chart');
    expect(elements(svg, 'text').map(text)).toContain('Deprived & "co"');
  });

  it('places the value and whisker on a linear 0–100 axis from x = 218 to x = 690', () => {
    // 50 → 218 + 0.5·472 = 454; 40 → 218 + 0.4·472 = 406.8; 60 → 218 + 0.6·472 = 501.2
    const svg = svgOf(spec());
    const whisker = elements(svg, 'path').find((p) => attr(p, 'stroke') === '#D55E00' && attr(p, 'fill') === 'none')!;
    expect(attr(whisker, 'd')).toMatch(/^M406\.8 [\d.]+H501\.2M/);
    const square = elements(svg, 'rect').find(
      (r) => attr(r, 'fill') === '#D55E00' && attr(r, 'width') === '7.4' && Number(attr(r, 'y')) > 40,
    )!;
    expect(Number(attr(square, 'x')) + 7.4 / 2).toBeCloseTo(454, 6);
  });

  it('shows a row without a value as its note, with no marker and no whisker', () => {
    const svg = svgOf(spec());
    const texts = elements(svg, 'text').map(text);
    expect(texts).toContain('suppressed: base under 30');
    expect(texts).toContain('suppressed');
    expect(texts.some((t) => /^0(\.0)?$/.test(t) && t !== '0')).toBe(false);
    // one marker in the legend, one for the single valued row
    expect(elements(svg, 'rect').filter((r) => attr(r, 'stroke') === '#D55E00')).toHaveLength(2);
  });

  it('draws a heavier zero line when asked, for change charts', () => {
    const svg = svgOf(
      spec({ axis: { min: -10, max: 10, ticks: [-10, 0, 10], tickText: String, label: 'Change', zeroLine: true } }),
    );
    const zero = elements(svg, 'line').find(
      (l) => attr(l, 'x1') === '454' && attr(l, 'stroke') === '#222' && attr(l, 'stroke-width') === '1.2',
    );
    expect(zero).toBeDefined();
  });

  it('clips a long group label and keeps the full text in a tooltip title', () => {
    const long = 'A very long area type name that would run into the plot';
    const s = spec();
    s.panels[0]!.rows[0]!.label = long;
    const t = elements(svgOf(s), 'text').find((x) => elements(x, 'title').length > 0)!;
    expect(text(elements(t, 'title')[0]!)).toBe(long);
    expect(text(t).endsWith('…')).toBe(true);
  });
});
