import { DataError, EXIT } from '../errors.js';
import { emit, refuseBinaryToTerminal, useColour, type Io } from '../io/console.js';
import { validateSheets } from '../render/xlsx-results.js';
import { renderXlsx } from '../render/xlsx-workbook.js';
import { fileInfos, SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { columnsInForce } from '../pipeline/design.js';
import { loadSurvey, SUSPECT_WAVE } from '../pipeline/load-survey.js';
import { preflight } from '../pipeline/preflight.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { inputRequest } from '../options/request.js';
import { renderValidateText, type ValidateResult } from '../render/render-validate.js';
import type { Issue } from '../types/index.js';

/** `validate`: the row accounting and every problem with file:line:column; exit 1 when there are errors. */
export async function runValidate(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('validate', raw);
  const o = inputRequest(raw);
  preflight(o, io, out.output);
  refuseBinaryToTerminal(io, out.format, out.output);
  let result: ValidateResult;
  try {
    const s = await loadSurvey(o, io, { enforceSetAsideLimit: false });
    const { shown, omitted } = capPerReason(s.log.issues, out.maxIssues);
    for (const [reason, n] of Object.entries(s.log.dropped)) omitted[reason] = (omitted[reason] ?? 0) + n;
    const all = [...s.log.issues];
    const warnings = all.filter((i) => i.severity === 'warning').length + (s.accounting.setAside['filtered-out'] ?? 0);
    result = {
      schemaVersion: SCHEMA_VERSION,
      files: fileInfos(s.files),
      columns: columnsInForce(s),
      accounting: s.accounting,
      issues: shown,
      issuesOmitted: omitted,
      // --strict makes a suspect wave an error (and only that)
      totals: {
        errors: s.log.errorCount() + all.filter((i) => i.reason === SUSPECT_WAVE && i.severity === 'error').length,
        warnings,
      },
      fatal: null,
    };
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    io.stderr.write(`sc-survey: ${err.message}\n`);
    result = {
      schemaVersion: SCHEMA_VERSION,
      files: [],
      columns: [],
      accounting: {
        read: 0,
        analysed: 0,
        setAside: {},
        cellIssues: {},
        answers: {},
        blankLinesSkipped: 0,
        duplicatesUnchecked: [],
      },
      issues: [],
      issuesOmitted: {},
      totals: { errors: 1, warnings: 0 },
      fatal: err.message,
    };
  }
  if (out.format === 'xlsx') {
    const { sheets, notes } = validateSheets(result);
    await emit(io, await renderXlsx(sheets, notes), out.output);
    return result.totals.errors > 0 || result.fatal ? EXIT.data : EXIT.ok;
  }
  const text =
    out.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderValidateText(result, useColour(io, out.color));
  await emit(io, text, out.output);
  return result.totals.errors > 0 || result.fatal ? EXIT.data : EXIT.ok;
}

function capPerReason(issues: Issue[], max: number): { shown: Issue[]; omitted: Record<string, number> } {
  const seen: Record<string, number> = {};
  const omitted: Record<string, number> = {};
  const shown = issues.filter((i) => {
    seen[i.reason] = (seen[i.reason] ?? 0) + 1;
    if (seen[i.reason]! <= max) return true;
    omitted[i.reason] = (omitted[i.reason] ?? 0) + 1;
    return false;
  });
  return { shown, omitted };
}
