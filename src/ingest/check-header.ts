import { DataError, UsageError } from '../errors.js';
import type { IngestOptions } from './ingest-options.js';
import type { IssueLog } from './issue-log.js';
import { mapHeader, type HeaderMap } from './map-header.js';

export interface HeaderPlace {
  label: string;
  /** the header's line (CSV), row (.xlsx), or 0 (an SPSS dictionary) */
  line: number;
  unit?: 'case' | 'row';
  /** where a header cell is, for a fatal message: `file:1:3`, `file: row 2, column C`, `file: variable 3` */
  locate: (column: number) => string;
  /** the weight column to look for (null: none) */
  weightColumn: string | null;
  weightRequired: boolean;
}

/**
 * Map a header through the codebook. A missing required column, a duplicate or a missing named weight column is
 * fatal (a DataError naming the place); a column that looks like a misspelt item and items absent from the file are
 * warnings in `log`. A file without a wave column, under `--assign-wave`, is checked once every header is read.
 */
export function checkHeader(names: string[], o: IngestOptions, log: IssueLog, at: HeaderPlace): HeaderMap {
  const { map, problems, usageProblems } = mapHeader(names, o.codebook, {
    weightColumn: at.weightColumn,
    needWave: o.assignWaves === undefined,
    weightRequired: at.weightRequired,
    ...(o.columnMap ? { columnMap: o.columnMap } : {}),
    profilesNeeded: [...(o.requiredProfiles ?? []), ...(o.profilesNeeded ?? [])],
  });
  if (usageProblems.length) throw new UsageError(usageProblems.map((p) => `${at.label}: ${p.message}`).join('\n'));
  if (problems.length) throw new DataError(problems.map((p) => `${at.locate(p.column)}: ${p.message}`).join('\n'));
  const warn = (
    column: number,
    columnName: string,
    reason: string,
    value: string,
    message: string,
    suggestion?: string,
  ) =>
    log.add({
      file: at.label,
      line: at.line,
      column,
      columnName,
      reason,
      severity: 'warning',
      value,
      message,
      ...(suggestion ? { suggestion } : {}),
      ...(at.unit ? { unit: at.unit } : {}),
    });
  for (const m of map.nearMisses)
    warn(
      m.column,
      m.name,
      'unknown-column',
      m.name,
      `column "${m.name}" is not in the codebook and is ignored`,
      `did you mean ${m.suggestion}?`,
    );
  if (map.itemsAbsent.length)
    warn(0, '', 'items-absent', map.itemsAbsent.join(','), `not in this file: ${map.itemsAbsent.join(', ')}`);
  return map;
}

/** Excel's letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
