// The .xlsx input of the benchmark: the 100k-row CSV written as a workbook with exceljs's streaming writer (numbers
// as numbers, text as text), so that `npm run bench` can report sc-survey's peak memory reading a large workbook.
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

/** Writes `csvFile` as `<csvFile minus .csv>.xlsx` unless it exists and is newer; returns the workbook's path. */
export async function ensureXlsx(csvFile, log = console.error) {
  const xlsx = csvFile.replace(/\.csv$/, '.xlsx');
  if (existsSync(xlsx) && statSync(xlsx).mtimeMs >= statSync(csvFile).mtimeMs) return xlsx;
  log(`writing ${xlsx} (exceljs streaming writer)…`);
  const rows = Papa.parse(readFileSync(csvFile, 'utf8'), { skipEmptyLines: true }).data;
  const part = `${xlsx}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Survey');
  rows.forEach((cells, i) => {
    ws.addRow(
      i === 0 ? cells : cells.map((c) => (c === '' ? null : NUMBER.test(c) && String(Number(c)) === c ? Number(c) : c)),
    ).commit();
  });
  ws.commit();
  await wb.commit();
  renameSync(part, xlsx);
  return xlsx;
}
