import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import { DataError } from '../errors.js';
import { setAsideForErrors, type IssueLog } from '../ingest/issue-log.js';
import { suggestFixForInvalidCells } from '../ingest/cell-reading.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { formatCount, formatShare } from '../format/format-number.js';

/**
 * An item column fails --max-invalid-cells only with at least this many invalid cells (a few typos are not a broken
 * column).
 */
export const MIN_INVALID_CELLS = 10;

/**
 * A partial or corrupt input never produces a confident-looking result: with --strict any data error is
 * fatal; with no usable rows, more than --max-set-aside of the rows set aside for errors, or an item column with
 * more than --max-invalid-cells of its non-blank cells invalid, there are no results (exit 1).
 */
export function assertUsable(
  log: IssueLog,
  o: { strict: boolean; maxSetAside: number; maxInvalidCells?: number; idScope?: string; files?: string[] },
  what = 'no results are given',
  codebook?: CompiledCodebook,
  profilesUsed: readonly string[] = [],
): void {
  const a = log.accounting;
  const errors = log.errorCount();
  if (o.strict && errors > 0)
    throw new DataError(`--strict: ${errors} data error(s); run \`sc-survey validate\` to list them`);
  if (a.analysed === 0) throw new DataError(`no usable rows: ${formatAccountingLine(a)}`);
  const share = setAsideForErrors(a) / a.read;
  if (share > o.maxSetAside) {
    const hint = log.issues.find((i) => i.reason === 'id-scope') ?? perFileIdsHint(a, o);
    throw new DataError(
      `${formatShare(share)} of rows were set aside for errors (limit ` +
        `${formatShare(o.maxSetAside)}, --max-set-aside): ` +
        `the input no longer represents the survey, so ${what}. ${hint ? `${hint.message}. ` : ''}Run ` +
        `\`sc-survey validate\` to see why.`,
    );
  }
  if (codebook && o.maxInvalidCells !== undefined) assertInvalidCells(log, codebook, o.maxInvalidCells, what);
  if (o.maxInvalidCells !== undefined) assertProfileCells(log, profilesUsed, o.maxInvalidCells, what);
}

/**
 * --max-invalid-cells for the profile columns a run groups or rakes by: `sex` coded 1/2 where the codebook knows
 * Male/Female puts every row in "not stated", a confident table of one group. Share of the rows read.
 */
export function assertProfileCells(log: IssueLog, profiles: readonly string[], maxShare: number, what: string): void {
  const read = log.accounting.read;
  const bad = profiles
    .map((name) => ({ name, invalid: log.accounting.cellIssues[`${name}:invalid-code`] ?? 0 }))
    .filter((c) => c.invalid >= MIN_INVALID_CELLS && read > 0 && c.invalid / read > maxShare);
  if (!bad.length) return;
  const lines = bad.map(({ name, invalid }) => {
    const invalidCells = log.issues.filter((i) => i.reason === 'invalid-code' && i.columnName === name);
    const issue = invalidCells[0];
    const samples = [...new Set(invalidCells.map((i) => i.value))].slice(0, 5);
    return (
      `  ${name}: ${formatCount(invalid)} of ${formatCount(read)} rows (${formatShare(invalid / read)}), ` +
      `e.g. ${samples.map((v) => JSON.stringify(v)).join(', ')}${issue ? `: ${issue.message}` : ''}`
    );
  });
  throw new DataError(
    `too many cells that are no category in ${bad.length} grouping column(s) (limit ` +
      `${formatShare(maxShare)} of the rows, --max-invalid-cells), so ${what}; recode them, or add the ` +
      `file's spellings to the codebook's "profiles":\n${lines.join('\n')}`,
  );
}

/**
 * Several files each numbering their respondents from 1 repeat one another's ids within a wave: when duplicate ids
 * are most of what was set aside, say that --id-scope file reads them as the files' own.
 */
function perFileIdsHint(
  a: IssueLog['accounting'],
  o: { idScope?: string; files?: string[] },
): { message: string } | undefined {
  const duplicates = a.setAside['duplicate-id'] ?? 0;
  if ((o.files?.length ?? 0) < 2 || (o.idScope ?? 'wave') !== 'wave' || duplicates * 2 <= setAsideForErrors(a))
    return undefined;
  return {
    message:
      `${formatCount(duplicates)} rows repeat a respondent id of the same wave; if each file numbers its ` +
      'respondents from 1, use --id-scope file',
  };
}

/**
 * --max-invalid-cells: an item column whose unknown codes exceed the share of its non-blank cells (and number at
 * least MIN_INVALID_CELLS) is read wrongly as a whole (another scale, another coding), not mistyped here and there.
 * The message names the worst columns, a sample of their values, and a fix when one is plain.
 */
export function assertInvalidCells(log: IssueLog, codebook: CompiledCodebook, maxShare: number, what: string): void {
  const bad = codebook.items
    .map((ci, k) => {
      const invalid = log.accounting.cellIssues[`${ci.item.id}:invalid-code`] ?? 0;
      const nonBlank = log.nonBlankCells[k] ?? 0;
      return { ci, invalid, nonBlank, share: nonBlank > 0 ? invalid / nonBlank : 0 };
    })
    .filter((c) => c.invalid >= MIN_INVALID_CELLS && c.share > maxShare)
    .sort((x, y) => y.share - x.share || x.ci.index - y.ci.index);
  if (bad.length === 0) return;
  const scales = codebook.codebook.scales;
  const lines = bad.slice(0, 5).map(({ ci, invalid, nonBlank, share }) => {
    const samples = [
      ...new Set(
        log.issues.filter((i) => i.reason === 'invalid-code' && i.columnName === ci.item.id).map((i) => i.value),
      ),
    ];
    const others = Object.fromEntries(Object.entries(scales).filter(([name]) => name !== ci.item.scale));
    const fix = suggestFixForInvalidCells(samples, ci.scale, others);
    const shown = samples.slice(0, 5).map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v));
    return (
      `  ${ci.item.id}: ${formatCount(invalid)} of ${formatCount(nonBlank)} non-blank cells ` +
      `(${formatShare(share)}), e.g. ${shown.join(', ')}${fix ? `\n    fix: ${fix}` : ''}`
    );
  });
  const more = bad.length > 5 ? `\n  … and ${bad.length - 5} more column(s)` : '';
  throw new DataError(
    `too many invalid cells in ${bad.length} item column(s) (limit ${formatShare(maxShare)} of ` +
      `non-blank cells ` +
      `and at least ${MIN_INVALID_CELLS}, --max-invalid-cells), so ${what}:\n${lines.join('\n')}${more}`,
  );
}
