import { parse } from 'parse5';

/** A parsed node, as parse5's default tree adapter gives it (only the fields the tests read). */
export interface DomNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: DomNode[];
  value?: string;
  /** <template> content; the report has none, but walk it if present */
  content?: DomNode;
}

export function parseHtml(html: string): DomNode {
  return parse(html) as unknown as DomNode;
}

/** The HTML5 parse errors (bad nesting, stray end tags, bad character references …), as parse5 reports them. */
export function parseErrors(html: string): { code: string; startLine: number; startCol: number }[] {
  const errors: { code: string; startLine: number; startCol: number }[] = [];
  parse(html, { onParseError: (e) => errors.push({ code: e.code, startLine: e.startLine, startCol: e.startCol }) });
  return errors;
}

export function* walk(n: DomNode): Generator<DomNode> {
  yield n;
  for (const c of n.childNodes ?? []) yield* walk(c);
  if (n.content) yield* walk(n.content);
}

export const attr = (n: DomNode, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;

/** The text content of a node, as a browser's textContent gives it. */
export function text(n: DomNode): string {
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(text).join('');
}

export const elements = (root: DomNode, tag: string): DomNode[] => [...walk(root)].filter((n) => n.tagName === tag);

/** Cells carrying `data-field`, keyed as wave|groupBy|group|indicator|field. */
export function dataCells(root: DomNode): Map<string, DomNode[]> {
  const out = new Map<string, DomNode[]>();
  for (const n of walk(root)) {
    const field = attr(n, 'data-field');
    if (!field) continue;
    const key = [
      attr(n, 'data-wave') ?? '',
      attr(n, 'data-group-by') ?? '',
      attr(n, 'data-group') ?? '',
      attr(n, 'data-indicator') ?? '',
      field,
    ].join('|');
    out.set(key, [...(out.get(key) ?? []), n]);
  }
  return out;
}
