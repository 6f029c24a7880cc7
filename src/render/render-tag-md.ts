import { describeRule } from './describe-tag-rule.js';
import type { TagResult } from '../tag/tag-areas.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Markdown: the rule, then one row per area with its reason. */
export function renderTagMd(result: TagResult): string {
  const lines = [
    '# Area types',
    '',
    `From ${result.imd.layout.edition} (${result.imd.path}) and ${result.ruc.layout.edition} (${result.ruc.path}).`,
    '',
    ...describeRule(result.rule).map((l) => `- ${l}`),
    '',
    '| code | name | district | type | reason |',
    '|---|---|---|---|---|',
    ...result.areas.map((a) => `| ${[a.code, a.name, a.district, a.type, a.typeSource].map(cell).join(' | ')} |`),
  ];
  if (result.warnings.length > 0) lines.push('', '**Warnings**', '', ...result.warnings.map((w) => `- ${cell(w)}`));
  return lines.join('\n') + '\n';
}
