import type { Issue } from '../types/index.js';
import { marginsIssue, scopeLabel, type MarginScope, type MarginsIssueDetail } from './margins-file.js';
import type { ScopeMargins } from './scope-margins.js';
import type { RakingCell } from './types.js';

/**
 * Check one scope's margins against the data's raking cells for one wave. Errors, each with the
 * margins file's line where one applies:
 * - a raking variable with no margins in this scope and wave;
 * - a category present in the data but missing from the margins;
 * - a category with a share > 0 but no respondents in this scope and wave (suggests collapsing);
 * - a category with respondents but a share of 0 (they would get a weight of 0).
 */
export function checkMargins(
  file: string,
  scope: MarginScope,
  wave: string,
  variables: readonly string[],
  sm: ScopeMargins,
  cells: readonly RakingCell[],
): Issue[] {
  const issues: Issue[] = [];
  const where = `scope ${scopeLabel(scope)}, wave ${wave}`;
  const add = (...a: MarginsIssueDetail): void => {
    issues.push(marginsIssue(file, ...a));
  };
  for (const variable of sm.missingVariables)
    add(
      0,
      'variable',
      'margins-missing-variable',
      variable,
      `no ${variable} margins apply to ${where}`,
      `add ${variable} lines for this scope, or a scope of "all"`,
    );

  variables.forEach((variable, j) => {
    if (sm.missingVariables.includes(variable)) return;
    const inData = new Map<string, number>();
    for (const c of cells) if (c.count > 0) inData.set(c.key[j]!, (inData.get(c.key[j]!) ?? 0) + c.count);
    const entries = sm.margins.map((m, i) => ({ m, line: sm.lines[i]! })).filter((e) => e.m.variable === variable);
    const firstLine = entries[0]?.line.line ?? 0;
    for (const [category, n] of inData) {
      const e = entries.find((x) => x.m.category === category);
      if (!e)
        add(
          firstLine,
          'category',
          'margins-missing-category',
          category,
          `${variable} "${category}" has ${n} respondent(s) in ${where}, but no margin`,
          `add a ${variable},${category} line for this scope, ` +
            `or collapse "${category}" into a neighbouring category in the data and the margins`,
        );
      else if (e.m.share === 0)
        add(
          e.line.line,
          'share',
          'margins-zero-share',
          category,
          `${variable} "${category}" has a target of 0 but ${n} respondent(s) in ${where}: ` +
            'they would get a weight of 0',
          'give the category its population share, or collapse it into a neighbouring category',
        );
    }
    for (const e of entries)
      if (e.m.share > 0 && !inData.has(e.m.category))
        add(
          e.line.line,
          'category',
          'margins-empty-category',
          e.m.category,
          `${variable} "${e.m.category}" has a target share of ${round(e.m.share)} but no respondents in ${where}`,
          `collapse "${e.m.category}" into a neighbouring category (in the data and the margins), ` +
            'or rake this area with a wider scope',
        );
  });
  return issues;
}

function round(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
