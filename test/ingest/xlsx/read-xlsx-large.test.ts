import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/ingest/xlsx/read-xlsx.js';
import { tempDir } from '../../helpers/fixtures.js';

const ROWS = 100_000;
const tmp = tempDir('sc-survey-xlsx-');
afterAll(() => tmp.remove());

/** A 100,000-respondent workbook written with exceljs's streaming writer (not committed: it is ~4 MB). */
async function writeLargeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Survey');
  ws.addRow([
    'respondent_id',
    'wave',
    'neighbourhood',
    'weight',
    'belong_neighbourhood',
    'trust_general',
    'help_neighbour',
    'comments',
  ]).commit();
  for (let i = 1; i <= ROWS; i++) {
    ws.addRow([
      `09-R-${String(i).padStart(6, '0')}`,
      2009,
      `N-${i % 97}`,
      0.5 + (i % 10) / 10,
      1 + (i % 4),
      1 + (i % 5),
      1 + (i % 2),
      i % 50 === 0 ? 'a comment' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

describe('readXlsxRows on a 100,000-row workbook', () => {
  it('streams every row (peak memory is printed, not asserted)', async () => {
    const path = join(tmp.dir, 'large.xlsx');
    await writeLargeWorkbook(path);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    let rows = 0;
    let last: string[] = [];
    try {
      const r = await readXlsxRows(path);
      for await (const row of r.rows) {
        rows++;
        last = row.cells;
        if (rows % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
    } finally {
      clearInterval(sample);
    }
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
    console.log(
      `read-xlsx: ${rows} rows from a ${mb(statSync(path).size)} MB workbook in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `rss ${mb(before)} MB before reading, peak ${mb(peak)} MB (+${mb(peak - before)} MB)`,
    );
    expect(rows).toBe(ROWS + 1);
    expect(last).toEqual([`09-R-${ROWS}`, '2009', `N-${ROWS % 97}`, '0.5', '1', '1', '1', 'a comment']);
  }, 180_000);
});
