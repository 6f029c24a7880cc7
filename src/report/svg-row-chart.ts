import { escapeHtml } from './html-escape.js';
import { marker, svgNumber as f, type GroupStyle } from './svg-markers.js';

export interface ChartRow {
  /** the group label, printed on the first row of its block */
  label: string;
  /** a second label right-aligned next to the plot, e.g. the wave */
  sublabel: string;
  style: GroupStyle;
  value: number | null;
  lo: number | null;
  hi: number | null;
  filled: boolean;
  /** printed in the value column, e.g. `78.3 (76.8–79.7)` */
  valueText: string;
  /** shown inside the plot when there is no value, e.g. `suppressed: base under 30` */
  note: string;
  /** rows with the same block share a background band */
  block: number;
}

export interface ChartPanel {
  title: string;
  rows: ChartRow[];
}

export interface ChartAxis {
  min: number;
  max: number;
  ticks: number[];
  tickText: (t: number) => string;
  label: string;
  /** draw a heavier line at 0 */
  zeroLine: boolean;
}

export interface LegendEntry {
  label: string;
  style: GroupStyle;
  filled: boolean;
}

export interface ChartSpec {
  /** unique within the document, for the title/desc ids */
  id: string;
  title: string;
  description: string;
  legend: LegendEntry[];
  panels: ChartPanel[];
  axis: ChartAxis;
}

const W = 940;
const LABEL_RIGHT = 208;
const X0 = 218;
const X1 = 690;
const VALUE_X = 702;
const ROW = 17;
const PANEL_HEAD = 22;
const FONT = 12;
const MAX_LABEL = 26;

/** Rough width of a string at 11 px, enough to lay out legends without measuring. */
const textWidth = (s: string) => s.length * 6.9;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A horizontal dot-and-whisker chart as a self-contained SVG string: panels of rows, each a marker at the
 * value with a whisker over [lo, hi], the value in words at the right, a legend on top, one shared axis.
 * Every text is escaped here; callers pass plain strings.
 */
export function rowChartSvg(spec: ChartSpec): string {
  const { axis } = spec;
  const x = (v: number) => X0 + ((v - axis.min) / (axis.max - axis.min)) * (X1 - X0);
  const out: string[] = [];

  // Legend, wrapped to the width.
  let lx = 8;
  let ly = 16;
  const legend: string[] = [];
  for (const e of spec.legend) {
    const w = textWidth(e.label) + 30;
    if (lx + w > W - 8) {
      lx = 8;
      ly += 18;
    }
    legend.push(marker(e.style.shape, lx + 6, ly - 4, e.style.colour, e.filled));
    legend.push(`<text x="${f(lx + 16)}" y="${f(ly)}">${escapeHtml(e.label)}</text>`);
    lx += w;
  }
  out.push(`<g class="legend">${legend.join('')}</g>`);

  let y = ly + 14;
  const plotTop = y;
  const body: string[] = [];
  for (const panel of spec.panels) {
    body.push(`<text x="8" y="${f(y + 15)}" font-weight="bold">${escapeHtml(panel.title)}</text>`);
    y += PANEL_HEAD;
    let lastBlock = -1;
    let blockIndex = 0;
    const blockSize = new Map<number, number>();
    for (const s of panel.rows) blockSize.set(s.block, (blockSize.get(s.block) ?? 0) + 1);
    for (const r of panel.rows) {
      const cy = y + ROW / 2;
      if (r.block !== lastBlock) {
        const n = blockSize.get(r.block) ?? 0;
        if (blockIndex++ % 2 === 0)
          body.push(`<rect x="0" y="${f(y)}" width="${W}" height="${f(n * ROW)}" fill="#f1f1f1"/>`);
        const full = r.label;
        body.push(
          `<text x="8" y="${f(cy + 4)}">${full.length > MAX_LABEL ? `<title>${escapeHtml(full)}</title>` : ''}` +
            `${escapeHtml(clip(full, MAX_LABEL))}</text>`,
        );
        lastBlock = r.block;
      }
      if (r.sublabel)
        body.push(
          `<text x="${LABEL_RIGHT}" y="${f(cy + 4)}" text-anchor="end" fill="#444">${escapeHtml(r.sublabel)}</text>`,
        );
      if (r.value === null) {
        body.push(
          `<text x="${f(X0 + 6)}" y="${f(cy + 4)}" font-style="italic" fill="#555">${escapeHtml(r.note)}</text>`,
        );
      } else {
        if (r.lo !== null && r.hi !== null) {
          const a = x(r.lo);
          const b = x(r.hi);
          body.push(
            `<path d="M${f(a)} ${f(cy)}H${f(b)}` +
              `M${f(a)} ${f(cy - 3.5)}V${f(cy + 3.5)}M${f(b)} ${f(cy - 3.5)}V${f(cy + 3.5)}" ` +
              `stroke="${r.style.colour}" stroke-width="1.4" fill="none"/>`,
          );
        }
        body.push(marker(r.style.shape, x(r.value), cy, r.style.colour, r.filled));
      }
      body.push(`<text x="${VALUE_X}" y="${f(cy + 4)}" class="num">${escapeHtml(r.valueText)}</text>`);
      y += ROW;
    }
    y += 4;
  }
  const plotBottom = y;

  // Grid and axis under the rows' markers but over the bands: drawn first, bands are drawn in `body`.
  const grid: string[] = [];
  for (const t of axis.ticks) {
    const tx = x(t);
    const heavy = axis.zeroLine && t === 0;
    grid.push(
      `<line x1="${f(tx)}" y1="${f(plotTop)}" x2="${f(tx)}" y2="${f(plotBottom)}" ` +
        `stroke="${heavy ? '#222' : '#c8c8c8'}" stroke-width="${heavy ? 1.2 : 0.6}"/>`,
    );
  }
  const axisY = plotBottom + 2;
  const ticks = axis.ticks
    .map(
      (t) =>
        `<line x1="${f(x(t))}" y1="${f(axisY)}" x2="${f(x(t))}" y2="${f(axisY + 4)}" stroke="#222"/>` +
        `<text x="${f(x(t))}" y="${f(axisY + 15)}" text-anchor="middle">${escapeHtml(axis.tickText(t))}</text>`,
    )
    .join('');
  const axisSvg =
    `<line x1="${X0}" y1="${f(axisY)}" x2="${X1}" y2="${f(axisY)}" stroke="#222"/>${ticks}` +
    `<text x="${f((X0 + X1) / 2)}" y="${f(axisY + 31)}" text-anchor="middle">${escapeHtml(axis.label)}</text>`;
  const height = axisY + 40;

  // Bands first, then grid, then whiskers and text, so the grid stays visible over the bands.
  const bands = body.filter((s) => s.startsWith('<rect x="0"'));
  const rest = body.filter((s) => !s.startsWith('<rect x="0"'));
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeHtml(spec.id)}" ` +
    `viewBox="0 0 ${W} ${f(height)}" width="${W}" height="${f(height)}" role="img" ` +
    `aria-labelledby="${escapeHtml(titleId)} ${escapeHtml(descId)}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="${FONT}">` +
    `<title id="${escapeHtml(titleId)}">${escapeHtml(spec.title)}</title>` +
    `<desc id="${escapeHtml(descId)}">${escapeHtml(spec.description)}</desc>` +
    `${bands.join('')}${grid.join('')}${out.join('')}${rest.join('')}${axisSvg}</svg>`
  );
}
