// Results as an .xlsx workbook: one sheet per table, numbers stored as numbers with a display format, the header
// row frozen and filtered, and a "Notes" sheet of key/value design notes. exceljs is loaded with a dynamic
// import, so runs that do not write a workbook never load it.
//
// The same input gives the same bytes: the workbook's created/modified dates are fixed, and so is every ZIP
// entry's time stamp (exceljs's ZIP writer stamps each entry with the current time; zip-fixed-times.ts resets it).

import { fixZipTimes } from './zip-fixed-times.js';

export type XlsxColumnKind = 'text' | 'number' | 'percent' | 'integer';

export interface XlsxSheet {
  name: string;
  columns: { header: string; kind: XlsxColumnKind }[];
  /** one array per row, in column order; null (or a missing cell) is an empty cell */
  rows: (string | number | null)[][];
}

/** percent columns hold points (73.9 means 73.9%): one decimal, no % sign, so the value is the number shown */
const NUMBER_FORMAT: Record<XlsxColumnKind, string | undefined> = {
  text: undefined,
  number: undefined,
  percent: '0.0',
  integer: '#,##0',
};

/** Fixed so that the same input gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The workbook as the bytes of an .xlsx file: the sheets in order, then "Notes". */
export async function renderXlsx(sheets: XlsxSheet[], notes: [string, string][]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sc-survey';
  wb.lastModifiedBy = 'sc-survey';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const names = sheetNames([...sheets.map((s) => s.name), 'Notes']);
  const all: XlsxSheet[] = [
    ...sheets,
    {
      name: 'Notes',
      columns: [
        { header: 'key', kind: 'text' },
        { header: 'value', kind: 'text' },
      ],
      rows: notes.map(([k, v]) => [k, v]),
    },
  ];
  all.forEach((sheet, i) => {
    const ws = wb.addWorksheet(names[i] ?? `Sheet${i + 1}`, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(r + 2);
      sheet.columns.forEach((col, c) => {
        const value = cellValue(values[c], col.kind);
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        const fmt = NUMBER_FORMAT[col.kind];
        if (typeof value === 'number' && fmt !== undefined) cell.numFmt = fmt;
      });
    });
    sheet.columns.forEach((col, c) => {
      ws.getColumn(c + 1).width = columnWidth(col.header, sheet.rows, c);
    });
    if (sheet.columns.length > 0) {
      ws.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length },
      };
    }
  });

  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(out);
}

/**
 * What a cell holds: numbers as numbers (a plain decimal string in a numeric column too), text as text. Text is
 * always written as a string cell, never a formula, so "=…", "+…", "-…", "@…" are inert as they are.
 * NaN and ±Infinity, which a spreadsheet cannot hold, are left empty. Line ends in text become LF, the line
 * break Excel uses in a cell (a bare CR would come back as LF anyway: XML parsers normalise it).
 */
function cellValue(v: string | number | null | undefined, kind: XlsxColumnKind): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (kind !== 'text' && PLAIN_NUMBER.test(v.trim())) {
    const n = Number(v.trim());
    if (Number.isFinite(n)) return n;
  }
  return v.replace(/\r\n?/g, '\n');
}

/** Wide enough for the header and the longest value in the first 1,000 rows; 8 to 60 characters. */
function columnWidth(header: string, rows: (string | number | null)[][], c: number): number {
  let width = header.length;
  for (const row of rows.slice(0, 1000)) {
    const v = row[c];
    if (v !== null && v !== undefined) width = Math.max(width, String(v).length);
  }
  return Math.min(60, Math.max(8, width + 2));
}

/**
 * Sheet names Excel accepts, in order and unique: no [ ] : * ? / \ (each becomes "_"), no apostrophe at either
 * end, not blank, not "History" (Excel reserves it), at most 31 characters; a name already taken (Excel compares
 * without case) gets " (2)", " (3)", … within the 31.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>(['history']);
  return wanted.map((raw) => {
    // Excel refuses control characters in a sheet name
    let base = raw
      .replace(/[[\]:*?/\\]/g, '_')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim();
    if (base === '') base = 'Sheet';
    base = truncate(base, 31).replace(/'+$/, '');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, 31 - suffix.length).replace(/'+$/, '') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The first `max` UTF-16 units (Excel's count), not splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
