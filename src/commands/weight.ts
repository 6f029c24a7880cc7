import { loadAreas } from '../areas/load-areas.js';
import { compileCodebook } from '../codebook/compile-codebook.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { createIssueLog } from '../ingest/issue-log.js';
import { createRejectWriter } from '../ingest/reject-writer.js';
import { openOutputFile, type OutputFile } from '../io/files.js';
import { type Io } from '../io/console.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { inputRequest } from '../options/request.js';
import { assertUsable } from '../pipeline/check-usable.js';
import { resolveInputFiles } from '../pipeline/input-files.js';
import { preflight } from '../pipeline/preflight.js';
import { ingestOptions } from '../pipeline/ingest-options.js';
import { loadMargins } from '../pipeline/load-margins.js';
import type { Issue } from '../types/index.js';
import { cellGroups, factorLookup } from '../weighting/cell-table.js';
import { gatherRakingCells } from '../weighting/gather-raking-cells.js';
import { rakeGroups } from '../weighting/rake-groups.js';
import { createScopeResolver } from '../weighting/scope-margins.js';
import { checkWeightingOptions } from '../options/weighting-options.js';
import { renderWeightingReport } from '../render/render-weighting-report.js';
import { weightingReport } from '../weighting/weighting-report.js';
import { weightedColumns, writeWeightedRows, type WeightedOutput } from '../weighting/write-weighted-rows.js';
import { formatCount } from '../format/format-number.js';

/*
 * sc-survey weight [files…] --rake age_band,sex --margins margins.csv [-o weighted.csv]
 *
 * Rakes each wave (and each margins scope) to its population margins and writes the input rows with
 * their final `weight` column. Reads the input twice: the first pass (through ingest) gathers raking
 * cells and the accounting, the second writes each row with its weight. The weighting report goes to
 * stderr. Exit 1: margins errors, raking that does not converge, efficiency under --min-efficiency,
 * or input that is unusable; 2: usage.
 */

export async function runWeight(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('weight', raw);
  const o = inputRequest(raw);
  preflight(o, io, out.output);
  const { codebook } = loadCodebook(o.codebook);
  const compiled = compileCodebook(codebook);
  const profileColumns = Object.keys(codebook.profiles);
  if (!o.rake || !o.margins)
    throw new UsageError(
      'weight needs --rake <columns> and --margins <file>, ' +
        'e.g. --rake age_band,sex --margins data/margins/leicestershire-areas.csv',
    );
  const problems = checkWeightingOptions(o, profileColumns);
  if (problems.length) throw new UsageError(problems.join('; '));
  const variables = o.rake;
  const registry = loadAreas(o.areas);

  const margins = await loadMargins(o, codebook, registry);

  // Opened before any input is read, so an output that cannot be written fails at once, not after the raking.
  const sink = out.output && out.output !== '-' ? openOutputFile(out.output, `-o ${out.output}`) : undefined;
  let rejects: ReturnType<typeof createRejectWriter> | undefined;
  let input: Awaited<ReturnType<typeof resolveInputFiles>> | undefined;
  try {
    rejects = o.rejects ? createRejectWriter(o.rejects) : undefined;
    input = await resolveInputFiles(o.files, io, o.samples);
    const { files } = input;
    const log = createIssueLog();
    const first = await gatherRakingCells(
      files,
      ingestOptions(o, compiled, registry, rejects),
      registry,
      variables,
      createScopeResolver(margins),
      log,
    );
    // the second pass copies each input row as text, so it reads delimited text only
    const notText = first.summaries.filter((f) => f.format !== 'csv');
    if (notText.length) {
      const kinds = notText.map((f) => `${f.label} is ${f.format === 'sav' ? 'an SPSS file' : 'an .xlsx workbook'}`);
      throw new UsageError(
        `weight writes the input rows back as CSV, so it reads CSV files only; ${kinds.join(', ')}: ` +
          'save it as CSV first (analyse, compare, targets, report and validate read it as it is)',
      );
    }
    const a = log.accounting;
    io.stderr.write(`${formatAccountingLine(a)}\n`);
    const missing = a.setAside['missing-weighting-variable'] ?? 0;
    if (missing > 0)
      io.stderr.write(
        `warning: ${missing} row(s) set aside as missing-weighting-variable ` +
          `(blank or unknown ${variables.join(' or ')})${o.rejects ? `; listed in ${o.rejects}` : ''}\n`,
      );
    if (first.unscoped.length) {
      writeIssues(io, first.unscoped);
      throw new DataError(`the margins file ${o.margins} does not cover every area and wave; nothing was weighted`);
    }
    assertUsable(log, o, 'nothing was weighted', compiled);

    const raked = rakeGroups(cellGroups(first.table), margins, variables, {
      tolerance: o.rakeTolerance,
      maxIter: o.rakeMaxIter,
      bounds: o.bounds,
    });
    if (raked.issues.length) {
      writeIssues(io, raked.issues);
      throw new DataError(
        `the margins in ${o.margins} do not fit the data (${raked.issues.length} error(s)); nothing was weighted`,
      );
    }
    const report = weightingReport(raked.groups, {
      variables,
      marginsFile: o.margins,
      measure: margins.measure,
      tolerance: o.rakeTolerance,
      maxIter: o.rakeMaxIter,
      bounds: o.bounds,
      minEfficiency: o.minEfficiency,
    });
    io.stderr.write(renderWeightingReport(report, 'full'));
    if (report.failures.length)
      throw new DataError(`weighting failed (${report.failures.length} problem(s) above); no weights were written`);

    const factor = factorLookup(raked.groups);
    const factorOfCell = first.placement.cells.map((c) => factor(c.wave, c.scope, c.key)!);
    const { columns } = await weightedColumns(files, o.weights ? o.weight : null);
    const written = await writeOutput(sink, io, columns, (out) =>
      writeWeightedRows(files, first.placement, factorOfCell, out),
    );
    await rejects?.close();
    io.stderr.write(
      `sc-survey weight: ${formatCount(written)} row(s) written with their final weight` +
        `${out.output && out.output !== '-' ? ` to ${out.output}` : ''}\n`,
    );
    return EXIT.ok;
  } catch (err) {
    sink?.abort();
    await rejects?.abort();
    if (err instanceof DataError) {
      io.stderr.write(`sc-survey weight: ${err.message}\n`);
      return EXIT.data;
    }
    throw err;
  } finally {
    await input?.cleanup();
  }
}

/**
 * Stream to stdout, or to the output opened up front (a temporary sibling of `-o` renamed into place, so a failed run
 * leaves no half file; a device or FIFO written directly). Writes are synchronous, so memory stays flat.
 */
async function writeOutput(
  sink: OutputFile | undefined,
  io: Io,
  columns: string[],
  body: (out: WeightedOutput) => Promise<number>,
): Promise<number> {
  if (!sink) return body({ columns, write: (s) => io.stdout.write(s) as boolean });
  const n = await body({ columns, write: (s) => sink.write(s) });
  sink.close();
  return n;
}

function writeIssues(io: Io, issues: Issue[]): void {
  for (const i of issues)
    io.stderr.write(
      `${i.file}${i.line > 0 ? `:${i.line}` : ''}: ${i.severity}: ` +
        `${i.message}${i.suggestion ? ` (${i.suggestion})` : ''}\n`,
    );
}
