// Read one sheet of an .xlsx workbook as rows of text, the text a CSV export of the sheet would hold, so that the
// rest of ingest treats a workbook like any other survey file.
//
// exceljs (loaded with a dynamic import, so --help and CSV runs never pay for it) parses the XML: its streaming
// WorkbookReader's part parsers and its WorksheetReader, which reads a sheet row by row with a SAX parser, so the
// sheet is never held in memory whole. The ZIP layer is ours (zip-directory.ts): exceljs's own single streaming
// pass over the archive intermittently loses the entries at its end on Node >= 18 (exceljs issue #3064), which
// is where openpyxl and exceljs write xl/workbook.xml. So the parts are read from the central directory in the
// order the parsers need them: workbook relationships, workbook (sheet names), shared strings, styles, then
// only the selected sheet. The shared strings are held in memory (as exceljs does); rows are not.
//
// This uses WorkbookReader's underscore methods (_parseRels, _parseWorkbook, _parseSharedStrings, _parseStyles,
// _parseWorksheet): exceljs is pinned at 4.4.0 and the tests read real files through all of them.
//
// What a row looks like:
//  - Excel does not write rows that are empty; the gaps are filled here with empty rows, so rowNumber runs
//    1, 2, 3, … with no holes and the caller can count blank rows as it does for a CSV.
//  - Trailing empty cells are not reported (a row's `cells` ends at its last non-empty cell; an empty row has
//    none). A workbook has no ragged rows: pad short rows to the header's width.
//  - A formula's cached result is what is reported. exceljs keeps only the number of a cached result whose type
//    is boolean (so 1/0, not TRUE/FALSE) and loses the text of a cached error; such an error reads "#ERROR!" here
//    rather than a made-up specific error. A formula with no cached result reads "".

import type { Readable } from 'node:stream';
import { DataError, UsageError } from '../../errors.js';
import { NotAZipError, openZipDirectory, type ZipDirectory } from './zip-directory.js';

export interface XlsxRow {
  /** the Excel row number, 1-based, as Excel shows it */
  rowNumber: number;
  /** each cell's text, column A first; trailing empty cells are left off */
  cells: string[];
}

export interface XlsxRows {
  sheetName: string;
  /** every sheet of the workbook, in order */
  sheetNames: string[];
  /**
   * every row from 1 to the sheet's last row, empty ones included; iterate once (to the end, or break: either closes
   * the file)
   */
  rows: AsyncIterable<XlsxRow>;
}

export interface ReadXlsxOptions {
  /** an exact sheet name, or else a 1-based sheet number; the first sheet when absent */
  sheet?: string;
}

// The few shapes of the exceljs objects this module touches (its typings describe only the public API).
interface SheetEntry {
  name: string;
  id: number;
  rId: string;
}
interface Relationship {
  Id: string;
  Type: string;
  Target: string;
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
}
interface PartParsers {
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: Relationship[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: StreamWorksheet }>;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Opens `path` and positions on the selected sheet; the rows are read as they are iterated. */
export async function readXlsxRows(path: string, options: ReadXlsxOptions = {}): Promise<XlsxRows> {
  const fail = (err: unknown): never => {
    if (err instanceof DataError || err instanceof UsageError) throw err;
    throw new DataError(`${path}: cannot read this .xlsx workbook (${errorText(err)})`);
  };
  let zip: ZipDirectory;
  try {
    zip = await openZipDirectory(path);
  } catch (err) {
    if (err instanceof NotAZipError) throw new DataError(`${path}: not an .xlsx workbook (${err.message})`);
    throw new DataError(`${path}: cannot read file (${errorText(err)})`);
  }
  try {
    const ExcelJS = (await import('exceljs')).default;
    const parsers = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // the number format is what tells a date from a number
      entries: 'ignore',
    }) as unknown as PartParsers;
    const part = async (name: string): Promise<Readable | undefined> => {
      const entry = zip.find(name);
      return entry === undefined ? undefined : zip.open(entry);
    };

    const rels = await part('xl/_rels/workbook.xml.rels');
    const book = await part('xl/workbook.xml');
    if (rels === undefined || book === undefined)
      throw new DataError(`${path}: not an .xlsx workbook (it has no xl/workbook.xml)`);
    await parsers._parseRels(rels);
    await parsers._parseWorkbook(book);
    const sheets = parsers.model?.sheets ?? [];
    const wanted = chooseSheet(
      path,
      sheets.map((s) => s.name),
      options.sheet,
    );
    const relations = parsers.workbookRels ?? [];
    const target = (type: string): string | undefined => relations.find((r) => r.Type === REL + type)?.Target;
    const sheetEntry = sheets.find((s) => s.name === wanted);
    const sheetRel = relations.find((r) => r.Id === sheetEntry?.rId);
    if (sheetRel === undefined || sheetRel.Type !== `${REL}worksheet`)
      throw new DataError(`${path}: sheet "${wanted}" is not a worksheet (a chart sheet?), so it has no rows to read`);
    const sheetZipEntry = zip.find(partName(sheetRel.Target));
    if (sheetZipEntry === undefined)
      throw new DataError(`${path}: sheet "${wanted}" is missing from the file (${partName(sheetRel.Target)})`);

    const strings = await part(partName(target('sharedStrings') ?? 'sharedStrings.xml'));
    if (strings !== undefined) for await (const _ of parsers._parseSharedStrings(strings)); // fills the cache
    const styles = await part(partName(target('styles') ?? 'styles.xml'));
    if (styles !== undefined) await parsers._parseStyles(styles);

    const sheetPart = await zip.open(sheetZipEntry);
    const ws = parsers._parseWorksheet(sheetPart, String(sheetEntry?.id ?? 1)).next().value?.value;
    if (ws === undefined) {
      sheetPart.destroy();
      throw new Error('exceljs did not open the worksheet');
    }
    const date1904 = parsers.properties?.model?.date1904 === true;
    const sheetNames = sheets.map((s) => s.name);
    return { sheetName: wanted, sheetNames, rows: sheetRows(ws, date1904, fail, () => sheetPart.destroy()) };
  } catch (err) {
    return fail(err);
  }
}

/**
 * A relationship target of xl/workbook.xml as a part name: relative to xl/, or absolute ("/xl/…", as openpyxl writes).
 */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
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
    throw new UsageError(
      `--sheet ${sheet}: ${path} has ${names.length} sheet${names.length === 1 ? '' : 's'} (${list})`,
    );
  }
  throw new UsageError(`--sheet "${sheet}": ${path} has no sheet of that name; its sheets are ${list}`);
}

async function* sheetRows(
  ws: StreamWorksheet,
  date1904: boolean,
  fail: (err: unknown) => never,
  close: () => void,
): AsyncGenerator<XlsxRow> {
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
    fail(err);
  } finally {
    close(); // the file is closed even when the caller stops early
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
    if (Array.isArray(v.richText))
      return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
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
