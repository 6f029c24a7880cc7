import { open } from 'node:fs/promises';
import type { IngestOptions } from './ingest-options.js';
import { DataError, UsageError } from '../errors.js';
import type { Issue, SurveyRow } from '../types/index.js';
import { prepareCsv } from './csv-survey.js';
import { createIdChecker, type IdChecker } from './id-checker.js';
import type { IssueLog } from './issue-log.js';
import type { FileFormat, PreparedFile } from './prepared-file.js';
import { createRowHandler } from './row-handler.js';
import { withSavMissing } from './sav-missing.js';
import { magicOf } from './sav/header-record.js';
import { describeNonSurveyFile, isXlsxFile, SNIFF_BYTES } from './sniff-file-kind.js';
import type { Separator } from './sniff-separator.js';
import { describeFsError } from '../io/files.js';
import { formatCount } from '../format/format-number.js';

export interface FileSummary {
  file: string;
  /** the name printed in messages (`-` for stdin) */
  label: string;
  format: FileFormat;
  /** a CSV's detected encoding, an SPSS file's declared one, `utf8` for a workbook */
  encoding: string;
  /** a CSV's separator; null for the other formats */
  separator: Separator | null;
  /** the workbook sheet read */
  sheet?: string;
  itemsAbsent: string[];
  weightColumnPresent: boolean;
  /** the weight column used, null when none (an SPSS file's WEIGHT BY variable when no --weight was given) */
  weightColumn: string | null;
  /** headers read under another name (`Respondent ID` as respondent_id, or by --columns) */
  renamed: { column: number; name: string; target: string }[];
  titleLinesSkipped: number;
  read: number;
}

/**
 * Stream every file, validate each row, and hand each analysable row to `onRow`. Every row is either
 * passed on or set aside with its reason in `log`. The row object is reused: `onRow` must not keep it.
 * Fatal problems in any file (unreadable, empty, header only, binary, missing column) stop the run
 * before any row is read, with every file checked first.
 */
export async function readSurveyFiles(
  files: { path: string; label: string }[],
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
): Promise<FileSummary[]> {
  const prepared: PreparedFile[] = [];
  const fatal: string[] = [];
  for (const f of files) {
    try {
      prepared.push(await prepareFile(f.path, f.label, o, log));
    } catch (err) {
      if (err instanceof DataError) fatal.push(err.message);
      else throw err;
    }
  }
  if (fatal.length) throw new DataError(fatal.join('\n'));
  assignWaves(prepared, o);
  const unmatched = [...(o.columnMap?.keys() ?? [])].filter(
    (h) => !prepared.some((p) => p.header.mappedFound.includes(h)),
  );
  if (unmatched.length)
    throw new UsageError(
      `--columns: no input file has a column ${unmatched.map((h) => `"${o.columnNames?.get(h) ?? h}"`).join(', ')}`,
    );
  if (o.rejects && prepared.some((p) => p.format !== 'csv')) {
    const units = new Set(prepared.map((p) => p.unit ?? 'line'));
    o.rejects.useColumns(
      new Map(prepared.map((p) => [p.label, p.header.names])),
      units.size === 1 ? [...units][0]! : 'line',
    );
  }
  const ids = createIdChecker(o.idScope);
  const rowKeys = createIdChecker('wave');
  const summaries: FileSummary[] = [];
  const totalBytes = prepared.reduce((s, p) => s + p.info.size, 0);
  let doneBytes = 0;
  for (const p of prepared) {
    const { read, identical } = await streamFile(p, o, onRow, log, ids, rowKeys, (b) =>
      o.onProgress?.(doneBytes + b, totalBytes),
    );
    if (identical >= IDENTICAL_MIN && identical > IDENTICAL_SHARE * read)
      log.add(identicalRowsWarning(p.label, identical, read));
    o.onProgress?.(doneBytes + p.info.size, totalBytes);
    doneBytes += p.info.size;
    if (read === 0) throw new DataError(`${p.label}: has a header but no data rows`);
    if (p.titleLinesSkipped > 0)
      log.accounting.titleLinesSkipped = (log.accounting.titleLinesSkipped ?? 0) + p.titleLinesSkipped;
    summaries.push({
      file: p.path,
      label: p.label,
      format: p.format,
      encoding: p.encoding,
      separator: p.format === 'csv' ? p.separator : null,
      ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
      itemsAbsent: p.header.itemsAbsent,
      weightColumnPresent: p.header.weight >= 0,
      weightColumn: p.weightColumn,
      renamed: p.header.renamed,
      titleLinesSkipped: p.titleLinesSkipped,
      read,
    });
  }
  const hint = ids.hint();
  if (hint)
    log.add({
      file: prepared.map((p) => p.label).join(', '),
      line: 0,
      column: 0,
      columnName: 'respondent_id',
      reason: 'id-scope',
      severity: 'warning',
      value: '',
      message: hint,
    });
  return summaries;
}

/** What the file is, judged by its content (not its name): an SPSS file, a workbook, else text; or none of these. */
async function prepareFile(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  let first: Buffer;
  try {
    first = await readFirstBytes(path);
  } catch (err) {
    throw new DataError(`${label}: cannot read file: ${describeFsError(err)}`);
  }
  if (magicOf(first) !== null) return (await import('./sav-survey.js')).prepareSav(path, label, o, log);
  if (isXlsxFile(first)) return (await import('./xlsx-survey.js')).prepareXlsx(path, label, o, log);
  const notSurvey = describeNonSurveyFile(first);
  if (notSurvey !== null) throw new DataError(`${label}: ${notSurvey}`);
  return prepareCsv(path, label, o, log);
}

async function readFirstBytes(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Stamp each file without a wave column with its `--assign-wave` wave; one with neither is fatal. */
function assignWaves(prepared: PreparedFile[], o: IngestOptions): void {
  if (!o.assignWaves) return;
  const waves = o.assignWaves(prepared.map((p) => ({ label: p.label, hasWaveColumn: p.header.wave >= 0 })));
  const missing: string[] = [];
  for (const p of prepared) {
    if (p.header.wave >= 0) continue;
    const wave = waves.get(p.label);
    if (wave === undefined)
      missing.push(
        `${p.label}:${p.headerLine}: required column "wave" is missing (or give its wave: --assign-wave ` +
          `"${p.label}=<wave>")`,
      );
    else p.assignedWave = wave;
  }
  if (missing.length) throw new DataError(missing.join('\n'));
}

async function streamFile(
  p: PreparedFile,
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
  ids: IdChecker,
  rowKeys: IdChecker,
  progress: (bytes: number) => void,
): Promise<{ read: number; identical: number }> {
  // A CSV's records start with its header (and any title lines above it); the other readers give data only.
  const { handle, state } = createRowHandler(
    p,
    p.format === 'sav' ? withSavMissing(o) : o,
    onRow,
    log,
    ids,
    p.format === 'csv',
    rowKeys,
  );
  try {
    // not `+= await`: the row handler counts separator-only lines into the same field while the file is read
    const blankLines = await p.readRecords(handle, progress);
    log.accounting.blankLinesSkipped += blankLines;
  } catch (e) {
    throw e instanceof DataError
      ? e
      : e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError)
        ? new DataError(`${p.label}: ${e.message}`)
        : e;
  }
  return state;
}

/** Identical rows beyond this share (and count) of a file without ids are said: a few answered alike. */
const IDENTICAL_SHARE = 0.05;
const IDENTICAL_MIN = 10;

function identicalRowsWarning(label: string, identical: number, read: number): Issue {
  return {
    file: label,
    line: 0,
    column: 0,
    columnName: '',
    reason: 'identical-rows',
    severity: 'warning',
    value: String(identical),
    message:
      `${formatCount(identical)} of ${formatCount(read)} rows equal an earlier row of the ` +
      'same wave in every cell; with no respondent id column they cannot be told from a repeated block of the ' +
      'export, and they count as respondents: remove the copies if the file repeats itself',
  };
}
