import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'sc-xlsx-out-'));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('--format xlsx', () => {
  it(
    'analyse: one sheet per table, numbers as numbers, percent ' +
      'cells with one decimal, a Notes sheet; same bytes twice',
    async () => {
      const a = join(dir, 'a.xlsx');
      const b = join(dir, 'b.xlsx');
      expect((await runMain(['analyse', '--by', 'all,type', '--format', 'xlsx', '-o', a])).code).toBe(0);
      expect((await runMain(['analyse', '--by', 'all,type', '--format', 'xlsx', '-o', b])).code).toBe(0);
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
      const wb = await open(a);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        // the neighbourhood tests come with --by neighbourhood only
        '2006 all areas',
        '2006 by type',
        '2009 all areas',
        '2009 by type',
        'Changes',
        'Targets',
        'Area types',
        'Findings',
        'Notes',
      ]);
      const { json } = await runJson(['analyse', '--by', 'all,type', '--format', 'json']);
      const est = json.estimates.find(
        (e: any) =>
          e.wave === '2009' && e.groupBy === 'type' && e.group === 'rural' && e.indicator === 'belong_neighbourhood',
      );
      const ws = wb.getWorksheet('2009 by type')!;
      expect(ws.getRow(1).values).toContain('rural %');
      const row = ws.getRow(2);
      expect(row.getCell(2).value).toBe('Belong to neighbourhood (NI2)');
      expect(row.getCell(3).value).toBe(est.percent); // the number itself, not its text
      expect(row.getCell(3).numFmt).toBe('0.0');
      expect(row.getCell(6).value).toBe(est.unweightedBase);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      const notes = Object.fromEntries(
        wb
          .getWorksheet('Notes')!
          .getSheetValues()
          .slice(2)
          .map((r) => (r as string[]).slice(1, 3)),
      );
      expect(notes['Confidence intervals']).toBe(`95% ${json.design.ciMethod}`);
      expect(notes.Weights).toBe(json.design.weights);
      expect(notes['Small bases']).toBe(json.design.suppression);
      expect(notes['Multiple testing']).toContain('Benjamini–Hochberg within each family');
    },
  );

  it('compare, targets and validate write workbooks too', async () => {
    for (const [cmd, sheet] of [
      ['compare', 'Changes'],
      ['targets', 'Targets'],
      ['validate', 'Issues'],
    ] as const) {
      const p = join(dir, `${cmd}.xlsx`);
      const r = await runMain([
        cmd,
        '--format',
        'xlsx',
        '-o',
        p,
        ...(cmd === 'validate' ? [fixture('sav/labelled-survey.sav')] : []),
      ]);
      expect(r.code, r.stderr).toBe(cmd === 'validate' ? 1 : 0);
      expect((await open(p)).worksheets.map((w) => w.name)).toContain(sheet);
    }
    const issues = (await open(join(dir, 'validate.xlsx'))).getWorksheet('Issues')!;
    const rows = issues
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[6] === 'unknown-area')?.slice(0, 4)).toEqual([
      fixture('sav/labelled-survey.sav'),
      'case',
      8,
      3,
    ]);
  });

  it('refuses a terminal (exit 2) and writes the bytes to a pipe', async () => {
    const tty = await runMain(['analyse', '--format', 'xlsx'], { stdoutIsTTY: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('xlsx is binary: use -o');
    const pipe = await runMain(['targets', '--format', 'xlsx']);
    expect(pipe.code).toBe(0);
    expect(pipe.stdout.startsWith('PK')).toBe(true);
  });
});
