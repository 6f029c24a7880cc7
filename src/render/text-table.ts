import Table from 'cli-table3';
import chalk, { Chalk } from 'chalk';

export interface TextTableOptions {
  colour: boolean;
  /** 'l' or 'r' per column; default: first left, others right */
  align?: ('l' | 'r')[];
  title?: string;
  /** indexes of rows to draw as section headings (spanning, bold) */
  headingRows?: number[];
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

/** An aligned table for the terminal. The only place besides `palette` that knows about colour. */
export function textTable(header: string[], rows: string[][], o: TextTableOptions): string {
  const p = palette(o.colour);
  const align = header.map((_, i) => (o.align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? 'right' : 'left') as ('left' | 'right')[];
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
  return `${o.title ? `${p.bold(o.title)}\n` : ''}${table.toString()}\n`;
}
