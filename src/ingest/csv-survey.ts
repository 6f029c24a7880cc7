import Papa from 'papaparse';
import { DataError } from '../errors.js';
import { describeFsError } from '../io/files.js';
import { readCsvRecords } from './byte-scanner-fallback.js';
import { checkHeader } from './check-header.js';
import { detectEncoding, type EncodingInfo } from './detect-encoding.js';
import { describeSkipped, findHeaderRow, HEADER_SEARCH_LINES } from './find-header-row.js';
import type { IngestOptions } from './ingest-options.js';
import type { IssueLog } from './issue-log.js';
import { readHead } from './open-text-stream.js';
import type { PreparedFile } from './prepared-file.js';
import { sniffSeparator } from './sniff-separator.js';

/**
 * Check a CSV (or TSV) survey file before any row is read: its encoding (UTF-8, Windows-1252, UTF-16 with or
 * without a byte-order mark), its line ends (LF, CRLF, or CR alone as old Mac files have), the header (the first
 * line that names the required columns among the first 20, or --header-row) and its separator.
 */
export async function prepareCsv(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  let info: EncodingInfo;
  try {
    info = await detectEncoding(path);
  } catch (err) {
    throw new DataError(`${label}: cannot read file: ${describeFsError(err)}`);
  }
  if (info.size - info.bomLength <= 0)
    throw new DataError(label === '-' ? 'standard input is empty' : `${label}: the file is empty`);
  if (info.binary)
    throw new DataError(`${label}: this looks like a binary file (it contains NUL bytes), not a CSV survey file`);
  const head = await readHead(path, info);
  // A file whose lines end in a CR alone reads as one long line unless the CRs are taken as line ends.
  const crOnly = !head.includes('\n') && head.includes('\r');
  const allLines = head.split(crOnly ? '\r' : /\r?\n/);
  // the last piece of a 64 KiB head may be a line cut short: never take it for the header
  const complete = info.size > 65536 && allLines.length > 1 ? allLines.slice(0, -1) : allLines;
  const lines = complete.slice(0, Math.max(HEADER_SEARCH_LINES, o.headerRow ?? 0));
  const cells = lines.map((line) => parseLine(line));
  const headerLine = findHeaderRow(cells, o);
  const headerText = lines[headerLine - 1];
  if (headerText === undefined)
    throw new DataError(
      `${label}: --header-row ${headerLine} is beyond the end of the file (it has ${allLines.length} line(s))`,
    );
  if (headerText.trim() === '')
    throw new DataError(
      `${label}: line ${headerLine} is blank; expected a header row${headerLine === 1 ? '' : ' (--header-row)'}`,
    );
  const rest = allLines.slice(headerLine).join('\n').trim();
  if (rest === '' && info.size <= 65536) throw new DataError(`${label}: has a header but no data rows`);
  const blankAbove = lines.slice(0, headerLine - 1).filter((l) => l === '').length;
  const separator = sniffSeparator(headerText);
  const header = checkHeader(parseLine(headerText, separator), o, log, {
    label,
    line: headerLine,
    locate: (c) => `${label}:${headerLine}${c > 0 ? `:${c}` : ''}`,
    weightColumn: o.weightColumn,
    weightRequired: o.weightRequired,
  });
  const note = (reason: string, value: string, message: string) =>
    log.add({ file: label, line: 0, column: 0, columnName: '', reason, severity: 'warning', value, message });
  if (info.encoding === 'windows-1252') note('windows-1252', '', 'the file is not valid UTF-8; read as Windows-1252');
  if (info.bomLength === 0 && (info.encoding === 'utf16le' || info.encoding === 'utf16be'))
    note(
      'utf16-without-bom',
      info.encoding,
      `the file is ${info.encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} without a byte-order mark; read as such`,
    );
  if (crOnly) note('cr-line-ends', '', 'lines end in a CR alone (old Mac OS line ends); read as line ends');
  if (headerLine > 1)
    note(
      'title-lines-skipped',
      String(headerLine - 1),
      `the header is on line ${headerLine}; skipped ${describeSkipped(cells, headerLine, 'line')} above it`,
    );
  return {
    path,
    label,
    format: 'csv',
    info,
    encoding: info.encoding,
    separator,
    header,
    headerLine,
    titleLinesSkipped: headerLine - 1,
    decimalComma: separator === ';' ? 'semicolon' : null,
    weightColumn: header.weight >= 0 ? o.weightColumn : null,
    readRecords: async (onRecord, onProgress) => {
      const result = await readCsvRecords(
        path,
        {
          separator,
          encoding: info.encoding,
          bomLength: info.bomLength,
          onProgress,
          ...(crOnly ? { newline: 'cr' as const } : {}),
        },
        (r) => {
          if (r.line >= headerLine) onRecord(r);
        },
      );
      // empty lines above the header are title lines, counted there, not as blank lines
      return result.blankLines - blankAbove;
    },
  };
}

function parseLine(line: string, separator = sniffSeparator(line)): string[] {
  return Papa.parse<string[]>(line, { delimiter: separator }).data[0] ?? [];
}
