/**
 * Text from input files for GitHub-flavoured Markdown: entities for what would start an HTML tag, an entity,
 * emphasis (`*`, `_`), strike-through (`~`), a link, an autolink (`https://…`, `www.…`, an e-mail address) or code,
 * so a name like `<script>`, `__x__` or `=cmd@evil.example` shows as typed, while "p < 0.001" and `belong_county`
 * stay readable in a CI log. Pipes and backslashes in table cells are left to `mdTable`.
 *
 * Why entities break autolinks: GFM finds `scheme:`, `www.` and `@` as literal characters while parsing inlines, and an
 * entity is not that character until after, so `https&#58;//x` is text. An underscore between two letters or digits
 * cannot open or close emphasis in GFM, so only the others are escaped.
 */
const ALNUM = /[A-Za-z0-9]/;

export function mdText(s: string): string {
  return s
    .replace(/&(?=#|[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[*[\]`~@]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/_/g, (c, at: number, t: string) =>
      ALNUM.test(t[at - 1] ?? '') && ALNUM.test(t[at + 1] ?? '') ? c : '&#95;',
    )
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\./gi, '$1&#46;')
    .replace(/\r?\n/g, ' ');
}
