import { DataError } from '../errors.js';
import { setAsideForErrors, type IssueLog } from '../ingest/issue-log.js';
import { formatAccountingLine } from '../format/format-accounting.js';

/**
 * A partial or corrupt input never produces a confident-looking result: with --strict any data error is
 * fatal; with no usable rows, or more than --max-set-aside of the rows set aside for errors, there are
 * no results (exit 1).
 */
export function assertUsable(log: IssueLog, o: { strict: boolean; maxSetAside: number }, what = 'no results are given'): void {
  const a = log.accounting;
  const errors = log.errorCount();
  if (o.strict && errors > 0) throw new DataError(`--strict: ${errors} data error(s); run \`sc-survey validate\` to list them`);
  if (a.analysed === 0) throw new DataError(`no usable rows: ${formatAccountingLine(a)}`);
  const share = setAsideForErrors(a) / a.read;
  if (share > o.maxSetAside)
    throw new DataError(
      `${(100 * share).toFixed(1)}% of rows were set aside for errors (limit ${(100 * o.maxSetAside).toFixed(1)}%, --max-set-aside): ` +
        `the input no longer represents the survey, so ${what}. Run \`sc-survey validate\` to see why.`,
    );
}
