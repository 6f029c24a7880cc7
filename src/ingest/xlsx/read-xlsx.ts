// Read one sheet of an .xlsx workbook as rows of text, the text a CSV export of the sheet would hold, so that the
// rest of ingest treats a workbook like any other survey file.
//
// exceljs's streaming WorkbookReader is used, so the sheet is never held in memory whole. exceljs is loaded here
// with a dynamic import: --help and CSV runs never pay for it.
//
// How the streaming reader behaves, and what this module does about it:
//  - Parts are read in ZIP order. When a sheet comes before the shared strings (Excel and openpyxl both write it
//    that way) exceljs copies the sheet's XML to a temporary file and parses it once the ZIP has been read, so
//    the selected sheet's rows start only after one pass over the file. Memory stays flat either way.
//  - Excel does not write rows that are empty; the gaps are filled here with empty rows, so rowNumber runs
//    1, 2, 3, … with no holes and the caller can count blank rows as it does for a CSV.
//  - Trailing empty cells are not reported (a row's `cells` ends at its last non-empty cell; an empty row has
//    none). A workbook has no ragged rows: pad short rows to the header's width.
//  - A formula's cached result is what is reported. exceljs keeps only the number of a cached result whose type
//    is boolean (so 1/0, not TRUE/FALSE) and loses the text of a cached error; such an error reads "#ERROR!" here
//    rather than a made-up specific error. A formula with no cached result reads "".

import { DataError, UsageError } from '../../errors.js';

export interface XlsxRow {
  /** the Excel row number, 1-based, as Excel shows it */
  rowNumber: number;
  /** each cell's text, column A first; trailing empty cells are left off */
  cells: string[];
}

export interface XlsxRows {
  sheetName: string;
  /** every row from 1 to the sheet's last row, empty ones included; iterate once */
  rows: AsyncIterable<XlsxRow>;
}

export interface ReadXlsxOptions {
  /** an exact sheet name, or else a 1-based sheet number; the first sheet when absent */
  sheet?: string;
}

// The few shapes of the exceljs objects this module touches (its own typings describe the in-memory workbook).
interface SheetEntry {
  name: string;
  id: number;
}
interface StreamCell {
  value: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  cellCount: number;
  findCell(col: number): StreamCell | undefined;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
  iterator?: { destroy?: () => void };
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  model?: { sheets?: SheetEntry[] };
  workbookRels?: { Target?: string }[];
  _parseRels?: (entry: unknown) => Promise<void>;
  properties?: { model?: { date1904?: boolean } };
  stream?: { destroy?: () => void };
}

/** Opens `path` and positions on the selected sheet; the rows are read as they are iterated. */
export async function readXlsxRows(path: string, options: ReadXlsxOptions = {}): Promise<XlsxRows> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // the number format is what tells a date from a number
    entries: 'ignore',
  }) as unknown as StreamWorkbook;
  normaliseRelTargets(reader);
  const sheets = reader[Symbol.asyncIterator]();
  const close = (): void => {
    sheets.return?.(undefined).catch(() => undefined);
    reader.stream?.destroy?.();
  };

  let wanted: string | undefined;
  for (;;) {
    let next: IteratorResult<StreamWorksheet>;
    try {
      next = await sheets.next();
    } catch (err) {
      close();
      throw new DataError(`${path}: cannot read this .xlsx workbook (${errorText(err)})`);
    }
    if (next.done) {
      close();
      if (wanted === undefined) throw new DataError(`${path}: the workbook has no worksheets`);
      throw new DataError(`${path}: sheet "${wanted}" cannot be read: it is not a worksheet (a chart sheet?) or its part is not named xl/worksheets/sheetN.xml`);
    }
    const ws = next.value;
    wanted ??= chooseSheet(path, reader.model?.sheets?.map((s) => s.name) ?? [ws.name], options.sheet);
    if (ws.name === wanted) {
      return { sheetName: ws.name, rows: sheetRows(path, ws, reader.properties?.model?.date1904 === true, close) };
    }
    ws.iterator?.destroy?.(); // a sheet spooled to a temporary file: close the file unread
  }
}

/**
 * exceljs 4.4.0 ties a sheet part to its name by comparing the workbook relationship's Target with
 * "worksheets/sheetN.xml" literally. openpyxl (and some other writers) write the absolute "/xl/worksheets/sheetN.xml",
 * which never matches, so every sheet would come out named "SheetN". Rewrite the targets to the relative form
 * as soon as exceljs has read them.
 */
function normaliseRelTargets(reader: StreamWorkbook): void {
  const parseRels = reader._parseRels;
  if (typeof parseRels !== 'function') return;
  reader._parseRels = async function (this: StreamWorkbook, entry: unknown): Promise<void> {
    await parseRels.call(this, entry);
    for (const rel of this.workbookRels ?? []) {
      if (typeof rel.Target === 'string') rel.Target = rel.Target.replace(/^\/xl\//, '').replace(/^\.\//, '');
    }
  };
}

/** The sheet --sheet names: an exact name wins, else a 1-based number; otherwise a usage error listing the sheets. */
export function chooseSheet(path: string, names: readonly string[], sheet: string | undefined): string {
  if (sheet === undefined) {
    const first = names[0];
    if (first === undefined) throw new DataError(`${path}: the workbook has no worksheets`);
    return first;
  }
  if (names.includes(sheet)) return sheet;
  const list = names.map((n) => `"${n}"`).join(', ');
  if (/^\s*\d+\s*$/.test(sheet)) {
    const n = Number(sheet);
    const name = names[n - 1];
    if (n >= 1 && name !== undefined) return name;
    throw new UsageError(`--sheet ${sheet}: ${path} has ${names.length} sheet${names.length === 1 ? '' : 's'} (${list})`);
  }
  throw new UsageError(`--sheet "${sheet}": ${path} has no sheet of that name; its sheets are ${list}`);
}

async function* sheetRows(path: string, ws: StreamWorksheet, date1904: boolean, close: () => void): AsyncGenerator<XlsxRow> {
  let expected = 1;
  try {
    for await (const row of ws) {
      for (; expected < row.number; expected++) yield { rowNumber: expected, cells: [] };
      const cells: string[] = [];
      let last = 0;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        const text = cell === undefined ? '' : cellText(cell.value, cell.numFmt, date1904);
        cells.push(text);
        if (text !== '') last = c;
      }
      cells.length = last;
      yield { rowNumber: row.number, cells };
      expected = row.number + 1;
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`${path}: cannot read this .xlsx workbook (${errorText(err)})`);
  } finally {
    close();
  }
}

/**
 * A cell's value as a CSV export would have it: numbers as JavaScript prints them, dates as ISO 8601, booleans
 * TRUE/FALSE, a formula by its cached result, rich text joined, an error by its text, nothing as "".
 */
export function cellText(value: unknown, numFmt?: string, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt, date1904);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = v.result;
      if (typeof r === 'number' && Number.isNaN(r)) return '#ERROR!'; // a cached error whose text exceljs dropped
      if (r !== null && typeof r === 'object' && 'error' in r) return String((r as { error: unknown }).error);
      return cellText(r, numFmt, date1904);
    }
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return cellText(v.text, numFmt, date1904); // a hyperlink: its shown text
  }
  return String(value);
}

function numberText(n: number, numFmt: string | undefined, date1904: boolean): string {
  if (!Number.isFinite(n)) return '';
  // exceljs turns date-formatted plain numbers into Dates itself, but not a formula's cached result.
  if (numFmt !== undefined && isDateFormat(numFmt)) {
    const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
    return isoDate(new Date(ms));
  }
  return String(n);
}

/** The test exceljs applies: a format with date/time letters outside quotes and [brackets]. */
function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/**
 * The cell's wall-clock date (exceljs builds it in UTC): YYYY-MM-DD, with THH:MM:SS when it has a time, to the
 * nearest second (serial numbers carry float error); a time with no date (serial below 1) is just HH:MM:SS.
 */
export function isoDate(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (Number.isNaN(ms)) return '';
  const r = new Date(ms);
  const iso = r.toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (r.getTime() >= Date.UTC(1899, 11, 30) && r.getTime() < Date.UTC(1899, 11, 31)) return time; // Excel day 0
  return time === '00:00:00' ? date : `${date}T${time}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
