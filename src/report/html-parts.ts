import { escapeHtml } from './html-escape.js';

/** Escaped text. */
export const esc = escapeHtml;

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs | undefined): string {
  if (!a) return '';
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

/** An element whose content is already HTML (built by these helpers). */
export function el(tag: string, a: Attrs | undefined, html: string): string {
  return `<${tag}${attrs(a)}>${html}</${tag}>`;
}

/** A table cell with plain-text content. */
export const td = (text: string, a?: Attrs) => el('td', a, esc(text));
export const th = (text: string, a?: Attrs) => el('th', a, esc(text));

/** Where a number came from, so tests (and anyone scraping the report) can tie a cell to the JSON row. */
export function dataKey(
  field: string,
  key: { wave?: string; groupBy?: string; group?: string; indicator?: string },
): Attrs {
  return {
    'data-field': field,
    'data-wave': key.wave,
    'data-group-by': key.groupBy,
    'data-group': key.group,
    'data-indicator': key.indicator,
  };
}

export interface HtmlTable {
  caption?: string;
  /** header cells, already HTML */
  head: string[];
  /** rows of cells, each already a <td>/<th> */
  rows: { cells: string[]; cls?: string }[];
  cls?: string;
}

const KEEP_ROWS = 30;

export function table(t: HtmlTable): string {
  const cap = t.caption ? el('caption', undefined, esc(t.caption)) : '';
  const scoped = (cell: string, scope: string) =>
    cell.startsWith('<th') ? `<th scope="${scope}"${cell.slice(3)}` : cell;
  const head = el('thead', undefined, el('tr', undefined, t.head.map((c) => scoped(c, 'col')).join('')));
  const body = el(
    'tbody',
    undefined,
    t.rows.map((r) => el('tr', { class: r.cls }, r.cells.map((c) => scoped(c, 'row')).join(''))).join('\n'),
  );
  // Wide tables scroll sideways on a narrow screen instead of spilling over the page.
  // A short table is kept on one printed page, so its caption and header are never stranded at a page foot.
  return (
    el(
      'div',
      { class: t.rows.length <= KEEP_ROWS ? 'table-wrap keep' : 'table-wrap' },
      el('table', { class: t.cls }, `${cap}\n${head}\n${body}`),
    ) + '\n'
  );
}

export const p = (text: string, a?: Attrs) => el('p', a, esc(text));
