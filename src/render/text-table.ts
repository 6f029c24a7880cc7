import Table from 'cli-table3';
import chalk, { Chalk } from 'chalk';
import { fits, visibleWidth, wrapText } from './text-width.js';

export interface TextTableOptions {
  colour: boolean;
  /** 'l' or 'r' per column; default: first left, others right */
  align?: ('l' | 'r')[];
  title?: string;
  /** indexes of rows to draw as section headings (spanning, bold) */
  headingRows?: number[];
  /** the widest a line may be (none: no limit); a table too wide for it is drawn plain, then one row a block */
  width?: number;
  /** boxed (default, falling back as below) or plain (no borders, falling back to blocks) */
  style?: 'boxed' | 'plain';
  /** leading columns that name a row in the block layout; default: the leading left-aligned ones, at most 2 */
  keyColumns?: number;
}

export type Paint = (s: string) => string;

/** Styles for cell text; identity functions when colour is off, so plain output has no escape codes. */
export function palette(colour: boolean) {
  const c = colour ? new Chalk({ level: Math.max(chalk.level, 1) as 1 | 2 | 3 }) : undefined;
  const id: Paint = (s) => s;
  return {
    bold: c ? (s: string) => c.bold(s) : id,
    dim: c ? (s: string) => c.dim(s) : id,
    good: c ? (s: string) => c.green(s) : id,
    bad: c ? (s: string) => c.red(s) : id,
    warn: c ? (s: string) => c.yellow(s) : id,
    head: c ? (s: string) => c.cyan.bold(s) : id,
  };
}

/**
 * An aligned table for the terminal. The only place besides `palette` that knows about colour. Within
 * `o.width` it is boxed; else without borders; else one block per row (`Header: value` pairs wrapped to the
 * width), so no line is ever wider than the width and a table is never cut into same-titled chunks.
 */
export function textTable(header: string[], rows: string[][], o: TextTableOptions): string {
  const title = titleText(o.title, o);
  if (o.style !== 'plain') {
    const boxed = boxedTable(header, rows, o);
    if (fits(boxed, o.width)) return `${title}${boxed}\n`;
  }
  const plain = plainTable(header, rows, o);
  if (fits(plain, o.width)) return `${title}${plain}\n`;
  return `${title}${blockTable(header, rows, o)}\n`;
}

/** The table boxed, else plain, if either fits `o.width`; undefined when neither does. */
export function tryTable(header: string[], rows: string[][], o: TextTableOptions): string | undefined {
  const title = titleText(o.title, o);
  for (const body of [boxedTable(header, rows, o), plainTable(header, rows, o)])
    if (fits(`${title}${body}`, o.width)) return `${title}${body}\n`;
  return undefined;
}

/** A title (or a note) wrapped to the width, bold. */
function titleText(title: string | undefined, o: TextTableOptions): string {
  if (!title) return '';
  const p = palette(o.colour);
  return `${wrapText(title, o.width)
    .map((l) => p.bold(l))
    .join('\n')}\n`;
}

const alignOf = (header: string[], o: TextTableOptions) => header.map((_, i) => o.align?.[i] ?? (i === 0 ? 'l' : 'r'));

function boxedTable(header: string[], rows: string[][], o: TextTableOptions): string {
  const p = palette(o.colour);
  const align = alignOf(header, o).map((a) => (a === 'r' ? 'right' : 'left')) as ('left' | 'right')[];
  const table = new Table({
    head: header.map((h) => p.head(h)),
    colAligns: align,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  const headings = new Set(o.headingRows ?? []);
  rows.forEach((r, i) => {
    if (headings.has(i)) table.push([p.bold(r[0] ?? ''), ...header.slice(1).map(() => '')]);
    else table.push(r);
  });
  return table.toString();
}

/** Columns two spaces apart, a rule under the header; heading rows on their own line. */
function plainTable(header: string[], rows: string[][], o: TextTableOptions): string {
  const p = palette(o.colour);
  const headings = new Set(o.headingRows ?? []);
  const align = alignOf(header, o);
  const widths = header.map((h, c) =>
    Math.max(visibleWidth(h), ...rows.filter((_, i) => !headings.has(i)).map((r) => visibleWidth(r[c] ?? ''))),
  );
  const line = (cells: string[], paint: (s: string) => string = (s) => s) =>
    cells
      .map((cell, c) => {
        const gap = ' '.repeat(Math.max(0, (widths[c] ?? 0) - visibleWidth(cell)));
        return align[c] === 'r' ? gap + paint(cell) : paint(cell) + (c === cells.length - 1 ? '' : gap);
      })
      .join('  ')
      .trimEnd();
  const out = [line(header, p.head), widths.map((w) => '─'.repeat(w)).join('  ')];
  rows.forEach((r, i) => out.push(headings.has(i) ? p.bold(r[0] ?? '') : line(header.map((_, c) => r[c] ?? ''))));
  return out.join('\n');
}

/** One block per row: its key columns on a line, then `Header: value` pairs, wrapped to the width. */
function blockTable(header: string[], rows: string[][], o: TextTableOptions): string {
  const p = palette(o.colour);
  const headings = new Set(o.headingRows ?? []);
  const align = alignOf(header, o);
  let keys = o.keyColumns ?? 0;
  if (o.keyColumns === undefined) while (keys < Math.min(2, header.length - 1) && align[keys] === 'l') keys++;
  keys = Math.max(1, keys);
  const out: string[] = [];
  rows.forEach((r, i) => {
    if (headings.has(i)) {
      out.push(...wrapText(r[0] ?? '', o.width).map((l) => p.bold(l)));
      return;
    }
    const name = r.slice(0, keys).filter(Boolean).join(' · ');
    out.push(...wrapText(name, o.width).map((l) => p.head(l)));
    const pairs = header
      .slice(keys)
      .map((h, j) => [h, r[keys + j] ?? ''] as const)
      .filter(([, v]) => v !== '');
    out.push(
      ...packPairs(
        pairs.map(([h, v]) => `${h}: ${v}`),
        o.width,
      ),
    );
  });
  return out.join('\n');
}

/** `Header: value` pairs two spaces in, as many to a line as fit, a pair split only when it is wider than a line. */
function packPairs(pairs: string[], width: number | undefined): string[] {
  const indent = '  ';
  if (width === undefined) return [`${indent}${pairs.join(' · ')}`];
  const lines: string[] = [];
  let line = '';
  for (const pair of pairs) {
    const next = line ? `${line} · ${pair}` : `${indent}${pair}`;
    if (visibleWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    const wrapped = wrapText(`${indent}${pair}`, width, `${indent}  `);
    lines.push(...wrapped.slice(0, -1));
    line = wrapped.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

/** Notes under a table, wrapped to the width and dimmed. */
export function noteLines(notes: readonly string[], colour: boolean, width: number | undefined): string {
  const p = palette(colour);
  return notes
    .flatMap((n) => wrapText(n, width))
    .map((l) => p.dim(l))
    .join('\n');
}
