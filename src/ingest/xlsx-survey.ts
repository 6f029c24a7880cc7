// An .xlsx workbook as a survey file: one sheet (the first, or --sheet), its header row found as a CSV's is, each
// row below it a record. Loaded with a dynamic import, so runs on CSV files never load the workbook reader.
import { stat } from 'node:fs/promises';
import { DataError } from '../errors.js';
import { cellsRecord } from './cells-record.js';
import { checkHeader, columnLetters } from './check-header.js';
import { describeSkipped, findHeaderRow, HEADER_SEARCH_LINES } from './find-header-row.js';
import type { IngestOptions } from './ingest-options.js';
import type { IssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { readXlsxRows } from './xlsx/read-xlsx.js';

function checkHeaderOrHint<T>(check: () => T, onError: (err: unknown) => never): T {
  try {
    return check();
  } catch (err) {
    return onError(err);
  }
}

/** Open the sheet, find and check its header row; the rows are read again, streamed, by readRecords. */
export async function prepareXlsx(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  const relabel = (err: unknown): never => {
    if (err instanceof DataError && err.message.startsWith(`${path}: `))
      throw new DataError(`${label}: ${err.message.slice(path.length + 2)}`);
    throw err;
  };
  const wanted = Math.max(HEADER_SEARCH_LINES, o.headerRow ?? 0);
  const lines: string[][] = [];
  let sheet = '';
  let others: string[] = [];
  try {
    const opened = await readXlsxRows(path, o.sheet !== undefined ? { sheet: o.sheet } : {});
    sheet = opened.sheetName;
    others = opened.sheetNames.filter((n) => n !== sheet);
    for await (const row of opened.rows) {
      lines.push(row.cells);
      if (lines.length >= wanted) break;
    }
  } catch (err) {
    relabel(err);
  }
  const where = `${label}: sheet "${sheet}"`;
  if (lines.length === 0) throw new DataError(`${where} is empty`);
  const headerRow = findHeaderRow(lines, o);
  const headerCells = lines[headerRow - 1];
  if (headerCells === undefined)
    throw new DataError(`${where}: --header-row ${headerRow} is beyond the sheet's last row (${lines.length})`);
  if (headerCells.every((c) => c.trim() === ''))
    throw new DataError(`${where}: row ${headerRow} is empty; expected a header row`);
  // the first sheet is read unless --sheet names one: when it is not the survey, say which others there are
  const otherSheets = (err: unknown): never => {
    if (!(err instanceof DataError) || o.sheet !== undefined || !others.length) throw err;
    const names = others.map((n) => `"${n}"`).join(', ');
    throw new DataError(`${err.message}\n${label}: the workbook's other sheets are ${names}; name one with --sheet`);
  };
  const header = checkHeaderOrHint(
    () =>
      checkHeader(headerCells, o, log, {
        label,
        line: headerRow,
        unit: 'row',
        locate: (c) => `${where}, row ${headerRow}${c > 0 ? `, column ${columnLetters(c)}` : ''}`,
        weightColumn: o.weightColumn,
        weightRequired: o.weightRequired,
      }),
    otherSheets,
  );
  if (headerRow > 1)
    log.add({
      file: label,
      line: headerRow,
      column: 0,
      columnName: '',
      reason: 'title-lines-skipped',
      severity: 'warning',
      value: String(headerRow - 1),
      unit: 'row',
      message:
        `the header is on row ${headerRow} of sheet "${sheet}"; skipped ` +
        `${describeSkipped(lines, headerRow, 'row')} above it`,
    });
  const width = header.names.length;
  const { size } = await stat(path);
  return {
    path,
    label,
    format: 'xlsx',
    info: { encoding: 'utf8', bomLength: 0, size, binary: false },
    encoding: 'utf8',
    separator: ',',
    header,
    headerLine: headerRow,
    titleLinesSkipped: headerRow - 1,
    unit: 'row',
    decimalComma: 'workbook',
    weightColumn: header.weight >= 0 ? o.weightColumn : null,
    sheet,
    readRecords: async (onRecord) => {
      const rec = cellsRecord();
      try {
        const { rows } = await readXlsxRows(path, { sheet });
        for await (const row of rows) {
          if (row.rowNumber <= headerRow) continue;
          rec.set(row.rowNumber, row.cells, width);
          onRecord(rec);
        }
      } catch (err) {
        relabel(err);
      }
      return 0;
    },
  };
}
