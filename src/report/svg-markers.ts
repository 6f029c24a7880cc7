import type { GroupKey } from './report-model.js';

export type Shape = 'diamond' | 'triangle' | 'square' | 'circle' | 'triangle-down' | 'cross';

export interface GroupStyle {
  shape: Shape;
  colour: string;
}

/**
 * Colours (after Okabe–Ito) chosen to differ in lightness as well as hue (luma ≈ 0, 65, 119, 140; each at least
 * 3:1 against white), so they stay apart in greyscale; the shape carries the type as well, so neither colour nor
 * grey level is needed alone.
 */
const STYLES: GroupStyle[] = [
  { shape: 'triangle', colour: '#0b4f8a' },
  { shape: 'square', colour: '#D55E00' },
  { shape: 'circle', colour: '#8c8c8c' },
  { shape: 'triangle-down', colour: '#009E73' },
  { shape: 'cross', colour: '#CC79A7' },
];
const ALL_STYLE: GroupStyle = { shape: 'diamond', colour: '#000000' };

/** Style by position: `all` is a black diamond; area types in display order take the next styles. */
export function groupStyles(groups: readonly GroupKey[]): Map<string, GroupStyle> {
  const out = new Map<string, GroupStyle>();
  let i = 0;
  for (const g of groups) {
    out.set(`${g.groupBy}|${g.group}`, g.groupBy === 'all' ? ALL_STYLE : (STYLES[i++ % STYLES.length] ?? ALL_STYLE));
  }
  return out;
}

const f = (x: number) => String(Math.round(x * 10) / 10);

/** A marker of about 9 px centred on (x, y); `filled` false draws it hollow. */
export function marker(shape: Shape, x: number, y: number, colour: string, filled: boolean): string {
  const fill = filled ? colour : '#ffffff';
  const common = `fill="${fill}" stroke="${colour}" stroke-width="1.6"`;
  const r = 4.5;
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r - 0.5)}" ${common}/>`;
    case 'square':
      return (
        `<rect x="${f(x - r + 0.8)}" y="${f(y - r + 0.8)}" ` +
        `width="${f(2 * r - 1.6)}" height="${f(2 * r - 1.6)}" ${common}/>`
      );
    case 'diamond':
      return (
        `<path d="M${f(x)} ${f(y - r - 0.5)}L${f(x + r + 0.5)} ${f(y)}` +
        `L${f(x)} ${f(y + r + 0.5)}L${f(x - r - 0.5)} ${f(y)}Z" ${common}/>`
      );
    case 'triangle':
      return (
        `<path d="M${f(x)} ${f(y - r - 0.5)}L${f(x + r + 0.5)} ${f(y + r - 0.5)}` +
        `L${f(x - r - 0.5)} ${f(y + r - 0.5)}Z" ${common}/>`
      );
    case 'triangle-down':
      return (
        `<path d="M${f(x)} ${f(y + r + 0.5)}L${f(x + r + 0.5)} ${f(y - r + 0.5)}` +
        `L${f(x - r - 0.5)} ${f(y - r + 0.5)}Z" ${common}/>`
      );
    case 'cross':
      return (
        `<path d="M${f(x - r)} ${f(y - r)}L${f(x + r)} ${f(y + r)}M${f(x + r)} ${f(y - r)}L${f(x - r)} ${f(y + r)}" ` +
        `fill="none" stroke="${colour}" stroke-width="2.2"/>`
      );
  }
}

export { f as svgNumber };
