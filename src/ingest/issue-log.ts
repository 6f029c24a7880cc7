import type { Accounting, Issue } from '../types/index.js';
import { WARNING_SET_ASIDE, type SetAsideReason } from '../types/index.js';

/** Keep every count, but only the first `keepPerReason` issues of each reason, so memory stays bounded. */
export interface IssueLog {
  accounting: Accounting;
  issues: Issue[];
  /** issues of each reason beyond those kept */
  dropped: Record<string, number>;
  /** non-blank cells of each item column, by codebook item index (for --max-invalid-cells) */
  nonBlankCells: number[];
  add(issue: Issue): void;
  setAside(reason: SetAsideReason): void;
  errorCount(): number;
}

export function createIssueLog(keepPerReason = 10_000): IssueLog {
  const kept: Record<string, number> = {};
  const log: IssueLog = {
    accounting: {
      read: 0,
      analysed: 0,
      setAside: {},
      cellIssues: {},
      answers: Object.create(null) as Accounting['answers'],
      blankLinesSkipped: 0,
      duplicatesUnchecked: [],
    },
    issues: [],
    dropped: {},
    nonBlankCells: [],
    add(issue) {
      const n = (kept[issue.reason] ?? 0) + 1;
      kept[issue.reason] = n;
      if (n <= keepPerReason) log.issues.push(issue);
      else log.dropped[issue.reason] = (log.dropped[issue.reason] ?? 0) + 1;
    },
    setAside(reason) {
      log.accounting.setAside[reason] = (log.accounting.setAside[reason] ?? 0) + 1;
    },
    errorCount() {
      const rowErrors = setAsideForErrors(log.accounting);
      const cellErrors = Object.values(log.accounting.cellIssues).reduce((s, n) => s + n, 0);
      return rowErrors + cellErrors;
    },
  };
  return log;
}

/** Rows set aside for errors (not the user's own filter). */
export function setAsideForErrors(a: Accounting): number {
  return Object.entries(a.setAside)
    .filter(([r]) => !WARNING_SET_ASIDE.has(r as SetAsideReason))
    .reduce((s, [, n]) => s + n, 0);
}
