/**
 * Text from input files for GitHub-flavoured Markdown: entities for what would start an HTML tag, an entity,
 * emphasis, a link or code, so a name like `<script>` or `*x*` shows as typed, while "p < 0.001" stays
 * readable in a CI log. Pipes and backslashes in table cells are left to `mdTable`.
 */
export function mdText(s: string): string {
  return s
    .replace(/&(?=#|[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[*[\]`]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, ' ');
}
