import type { IssueLog } from '../ingest/issue-log.js';
import type { SurveyRow } from '../types.js';

/**
 * For ingest's onRow when raking: a row with a blank or unknown value in a raking variable cannot be
 * weighted, so it is set aside as `missing-weighting-variable` (issue logged, accounting moved from
 * analysed to set aside, so read = analysed + Σ set aside still holds). Returns the variable, or
 * undefined when the row can be weighted. The caller skips the row and, with --rejects, writes it.
 */
export function setAsideIfUnweightable(row: SurveyRow, variables: readonly string[], log: IssueLog): string | undefined {
  const v = variables.find((name) => row.profile[name] === undefined);
  if (v === undefined) return undefined;
  log.accounting.analysed--;
  log.setAside('missing-weighting-variable');
  log.add({
    file: row.file, line: row.line, column: 0, columnName: v, reason: 'missing-weighting-variable', severity: 'error', value: '',
    message: `${v} is blank or not a ${v} category, so the row cannot be weighted; it is set aside`,
  });
  return v;
}
