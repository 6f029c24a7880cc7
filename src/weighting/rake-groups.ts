import type { Issue } from '../types/index.js';
import type { WeightingGroup } from './cell-table.js';
import { checkMargins } from './check-margins.js';
import type { MarginsFile } from './margins-file.js';
import { rakeCells } from './rake-cells.js';
import { marginsFor } from './scope-margins.js';
import type { RakeOptions, RakeResult } from './types.js';

export interface RakedGroup extends WeightingGroup {
  /** undefined when the group's margins failed the checks (see issues) */
  result: RakeResult | undefined;
  /** result.factors, or undefined: the final weight is factor × w0 */
  factors: number[] | undefined;
  /** with count margins, the population total the weights sum to */
  total: number | undefined;
}

/**
 * Rake every wave and scope separately (the waves are separate samples): check each group's margins
 * against its cells, then rake it. Groups whose margins fail the checks are not raked; their issues
 * are returned (all errors). Non-convergence is in each result, not in the issues.
 */
export function rakeGroups(
  groups: readonly WeightingGroup[],
  file: MarginsFile,
  variables: readonly string[],
  options: Omit<RakeOptions, 'total'>,
): { groups: RakedGroup[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = groups.map((g): RakedGroup => {
    const sm = marginsFor(file, g.scope, g.wave, variables);
    const problems = checkMargins(file.file, g.scope, g.wave, variables, sm, g.cells);
    issues.push(...problems);
    if (problems.length > 0) return { ...g, result: undefined, factors: undefined, total: sm.total };
    const result = rakeCells(variables, g.cells, sm.margins, { ...options, total: sm.total });
    return { ...g, result, factors: result.factors, total: sm.total };
  });
  return { groups: out, issues };
}
