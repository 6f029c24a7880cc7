import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

// The net scores, net changes and letter tests are checked against R in their own tests; here the workbook must
// carry the same rows as the JSON of the same run, numbers as numbers, so an analyst can filter them in Excel.
const dir = mkdtempSync(join(tmpdir(), 'sc-xlsx-analyst-'));
const argv = ['analyse', '--by', 'type*district', '--net', '--letters', '--indicators', 'NI2'];

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1));
}

describe('--format xlsx with --net and --letters', () => {
  it('adds Net scores, Net changes and Letters sheets with the JSON’s rows', async () => {
    const path = join(dir, 'analyst.xlsx');
    expect((await runMain([...argv, '--format', 'xlsx', '-o', path])).code).toBe(0);
    const { json } = await runJson([...argv, '--format', 'json']);

    const netChanges = await sheetRows(path, 'Net changes');
    expect(netChanges[0]?.slice(5, 8)).toEqual(['Net from', 'Net to', 'Change (points)']);
    expect(netChanges.length - 1).toBe(json.netChanges.length);
    const first = json.netChanges[0];
    expect(netChanges[1]?.slice(3, 8)).toEqual([first.from, first.to, first.net1, first.net2, first.changePp]);
    expect(netChanges[1]?.[13]).toBe(first.family);

    const letters = await sheetRows(path, 'Letters');
    expect(letters.length - 1).toBe(json.letters.length);
    const t = json.letters[0];
    const columnLetters = json.lettersDesign.columns[t.groupBy];
    expect(letters[1]?.slice(5, 12)).toEqual([
      columnLetters[t.a],
      letters[1]?.[6],
      columnLetters[t.b],
      t.diffPp,
      t.z,
      t.p,
      t.pAdjusted,
    ]);

    const net = await sheetRows(path, 'Net scores');
    const withNet = json.estimates.filter((e: { net?: number | null }) => e.net !== undefined && e.net !== null);
    expect(net.length - 1).toBe(withNet.length);
    expect(net[1]?.[4]).toBe(withNet[0].net);
  });
});
