import type { IngestOptions } from './ingest-options.js';
import Papa from 'papaparse';
import { DataError, UsageError } from '../errors.js';
import type { SurveyRow } from '../types/index.js';
import { readCsvRecords } from './byte-scanner-fallback.js';
import { detectEncoding, type EncodingInfo } from './detect-encoding.js';
import { createIdChecker, type IdChecker } from './id-checker.js';
import type { IssueLog } from './issue-log.js';
import { mapHeader } from './map-header.js';
import { readHead } from './open-text-stream.js';
import type { PreparedFile } from './prepared-file.js';
import { createRowHandler } from './row-handler.js';
import { sniffSeparator, type Separator } from './sniff-separator.js';
import { describeFsError } from '../io/files.js';

export interface FileSummary {
  file: string;
  /** the name printed in messages (`-` for stdin) */
  label: string;
  encoding: EncodingInfo['encoding'];
  separator: Separator;
  itemsAbsent: string[];
  weightColumnPresent: boolean;
  /** headers read under another name (`Respondent ID` as respondent_id, or by --columns) */
  renamed: { column: number; name: string; target: string }[];
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
  const unmatched = [...(o.columnMap?.keys() ?? [])].filter((h) => !prepared.some((p) => p.header.mappedFound.includes(h)));
  if (unmatched.length)
    throw new UsageError(`--columns: no input file has a column ${unmatched.map((h) => `"${o.columnNames?.get(h) ?? h}"`).join(', ')}`);
  const ids = createIdChecker(o.idScope);
  const summaries: FileSummary[] = [];
  const totalBytes = prepared.reduce((s, p) => s + p.info.size, 0);
  let doneBytes = 0;
  for (const p of prepared) {
    const read = await streamFile(p, o, onRow, log, ids, (b) => o.onProgress?.(doneBytes + b, totalBytes));
    o.onProgress?.(doneBytes + p.info.size, totalBytes);
    doneBytes += p.info.size;
    if (read === 0) throw new DataError(`${p.label}: has a header but no data rows`);
    summaries.push({ file: p.path, label: p.label, encoding: p.info.encoding, separator: p.separator, itemsAbsent: p.header.itemsAbsent, weightColumnPresent: p.header.weight >= 0, renamed: p.header.renamed, read });
  }
  const hint = ids.hint();
  if (hint)
    log.add({ file: prepared.map((p) => p.label).join(', '), line: 0, column: 0, columnName: 'respondent_id', reason: 'id-scope', severity: 'warning', value: '', message: hint });
  return summaries;
}

async function prepareFile(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  let info: EncodingInfo;
  try {
    info = await detectEncoding(path);
  } catch (err) {
    throw new DataError(`${label}: cannot read file: ${describeFsError(err)}`);
  }
  if (info.size - info.bomLength <= 0) throw new DataError(label === '-' ? 'standard input is empty' : `${label}: the file is empty`);
  if (info.binary) throw new DataError(`${label}: this looks like a binary file (it contains NUL bytes), not a CSV survey file`);
  const head = await readHead(path, info);
  const firstBreak = head.search(/\r?\n/);
  const headerLine = firstBreak < 0 ? head : head.slice(0, firstBreak);
  if (headerLine.trim() === '') throw new DataError(`${label}: the first line is blank; expected a header row`);
  const rest = firstBreak < 0 ? '' : head.slice(firstBreak).trim();
  if (rest === '' && info.size <= 65536) throw new DataError(`${label}: has a header but no data rows`);
  const separator = sniffSeparator(headerLine);
  const headerFields = Papa.parse<string[]>(headerLine, { delimiter: separator }).data[0] ?? [];
  const { map, problems, usageProblems } = mapHeader(headerFields, o.codebook, {
    weightColumn: o.weightColumn,
    needWave: o.assignWaves === undefined,
    weightRequired: o.weightRequired,
    ...(o.columnMap ? { columnMap: o.columnMap } : {}),
    profilesNeeded: [...(o.requiredProfiles ?? []), ...(o.profilesNeeded ?? [])],
  });
  if (usageProblems.length) throw new UsageError(usageProblems.map((p) => `${label}: ${p.message}`).join('\n'));
  if (problems.length) throw new DataError(problems.map((p) => `${label}:1${p.column > 0 ? `:${p.column}` : ''}: ${p.message}`).join('\n'));
  if (info.encoding === 'windows-1252')
    log.add({ file: label, line: 0, column: 0, columnName: '', reason: 'windows-1252', severity: 'warning', value: '', message: 'the file is not valid UTF-8; read as Windows-1252' });
  for (const m of map.nearMisses)
    log.add({
      file: label, line: 1, column: m.column, columnName: m.name, reason: 'unknown-column', severity: 'warning', value: m.name,
      message: `column "${m.name}" is not in the codebook and is ignored`, suggestion: `did you mean ${m.suggestion}?`,
    });
  if (map.itemsAbsent.length)
    log.add({
      file: label, line: 1, column: 0, columnName: '', reason: 'items-absent', severity: 'warning', value: map.itemsAbsent.join(','),
      message: `not in this file: ${map.itemsAbsent.join(', ')}`,
    });
  return { path, label, info, separator, header: map };
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
      missing.push(`${p.label}:1: required column "wave" is missing (or give its wave: --assign-wave "${p.label}=<wave>")`);
    else p.assignedWave = wave;
  }
  if (missing.length) throw new DataError(missing.join('\n'));
}

function streamFile(
  p: PreparedFile,
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
  ids: IdChecker,
  progress: (bytes: number) => void,
): Promise<number> {
  const { handle, state } = createRowHandler(p, o, onRow, log, ids);
  return readCsvRecords(
    p.path,
    { separator: p.separator, encoding: p.info.encoding, bomLength: p.info.bomLength, onProgress: progress },
    handle,
  ).then(
    (result) => {
      log.accounting.blankLinesSkipped += result.blankLines;
      return state.read;
    },
    (e: unknown) => {
      throw e instanceof DataError ? e : e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError) ? new DataError(`${p.label}: ${e.message}`) : e;
    },
  );
}
