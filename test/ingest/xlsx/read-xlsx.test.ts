import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../../src/errors.js';
import { chooseSheet, readXlsxRows, type XlsxRow } from '../../../src/ingest/xlsx/read-xlsx.js';
import { fixture, ROOT } from '../../helpers/fixtures.js';

async function readAll(path: string, sheet?: string): Promise<{ sheetName: string; rows: XlsxRow[] }> {
  const r = await readXlsxRows(path, sheet === undefined ? {} : { sheet });
  const rows: XlsxRow[] = [];
  for await (const row of r.rows) rows.push(row);
  return { sheetName: r.sheetName, rows };
}

// Expected values were read with openpyxl, not with this reader:
//   import openpyxl
//   wb = openpyxl.load_workbook('fixtures/xlsx/cell-kinds.xlsx', data_only=True)   # data_only: cached formula results
//   for row in wb['Cells'].iter_rows(): print(row[0].row, [c.value for c in row])
// which printed (kept as comment; the expected text below is each value as a CSV export writes it):
//   1 ['kind', 'value']            2 ['integer', 2]               3 ['decimal', 0.99]
//   4 ['negative', -1.5]           5 ['large', 1234567890123]     6 ['small', 0.000125]
//   7 ['text code', '02']          8 ['text decimal comma', '0,99']
//   9 ['text like a formula', '=SUM(A1)']                        10 ['date', datetime.datetime(2009, 3, 14, 0, 0)]
//   11 ['date and time', datetime.datetime(2009, 3, 15, 10, 30, 15)]  12 ['time', datetime.time(12, 0)]
//   13 ['true', True]             14 ['false', False]            15 ['error', '#N/A']
//   16 ['formula number', 2]      17 ['formula text', 'ab']      18 ['formula no cache', None]
//   19 ['rich text', 'Rich text'] 20 ['empty', None]             21 ['unicode', 'Café – £5']
describe('readXlsxRows: cell kinds', () => {
  it('gives each cell the text a CSV export would hold', async () => {
    const { sheetName, rows } = await readAll(fixture('xlsx/cell-kinds.xlsx'));
    expect(sheetName).toBe('Cells');
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const byKind = Object.fromEntries(rows.map((r) => [r.cells[0], r.cells[1] ?? '']));
    expect(byKind).toEqual({
      kind: 'value',
      integer: '2',
      decimal: '0.99',
      negative: '-1.5',
      large: '1234567890123',
      small: '0.000125',
      'text code': '02',
      'text decimal comma': '0,99',
      'text like a formula': '=SUM(A1)',
      date: '2009-03-14',
      'date and time': '2009-03-15T10:30:15',
      time: '12:00:00',
      true: 'TRUE',
      false: 'FALSE',
      error: '#N/A',
      'formula number': '2',
      'formula text': 'ab',
      'formula no cache': '',
      'rich text': 'Rich text',
      empty: '',
      unicode: 'Café – £5',
    });
  });

  it('leaves trailing empty cells off', async () => {
    const { rows } = await readAll(fixture('xlsx/cell-kinds.xlsx'));
    expect(rows[19]).toEqual({ rowNumber: 20, cells: ['empty'] });
  });
});

// openpyxl, as above, on fixtures/xlsx/survey-titled.xlsx:
//   ['Survey 2009', 'Codes', '1']
//   Survey 2009: 1 ['Leicestershire Social Capital Survey 2009: raw returns', None, None, None, None, None, None, None]
// 2 ['respondent_id', 'wave', 'neighbourhood', 'weight', 'belong_neighbourhood', 'trust_general', 'interview_date',
// 'comments']
//     3 ['09-HABRO-159', 2009, 'HA-BRO', 1.25, 2, 1, datetime.datetime(2009, 3, 14, 0, 0), 'Quiet street']
//     4 ['09-OWWIG-140', 2009, 'OW-WIG', '0,99', ' Definitely agree', '3',
//        datetime.datetime(2009, 3, 15, 10, 30), None]
//     5 [None, None, None, None, None, None, None, None]
//     6 ['09-BLWHE-151', 2009, 'BL-WHE', 0.99, 3, 2, datetime.datetime(2009, 3, 15, 0, 0), 'BL-WHE 09-BLWHE-151']
//   Codes: 1 ['code', 'label']  2 [1, 'Definitely agree']  3 [2, 'Tend to agree']
//   1: 1 ['named one']
describe('readXlsxRows: a survey sheet with a title row', () => {
  it(
    'reads the first sheet by default, with the title row, the empty row 5 and the cached formula ' + 'results',
    async () => {
      const { sheetName, rows } = await readAll(fixture('xlsx/survey-titled.xlsx'));
      expect(sheetName).toBe('Survey 2009');
      expect(rows).toEqual([
        { rowNumber: 1, cells: ['Leicestershire Social Capital Survey 2009: raw returns'] },
        {
          rowNumber: 2,
          cells: [
            'respondent_id',
            'wave',
            'neighbourhood',
            'weight',
            'belong_neighbourhood',
            'trust_general',
            'interview_date',
            'comments',
          ],
        },
        { rowNumber: 3, cells: ['09-HABRO-159', '2009', 'HA-BRO', '1.25', '2', '1', '2009-03-14', 'Quiet street'] },
        {
          rowNumber: 4,
          cells: ['09-OWWIG-140', '2009', 'OW-WIG', '0,99', ' Definitely agree', '3', '2009-03-15T10:30:00'],
        },
        { rowNumber: 5, cells: [] },
        {
          rowNumber: 6,
          cells: ['09-BLWHE-151', '2009', 'BL-WHE', '0.99', '3', '2', '2009-03-15', 'BL-WHE 09-BLWHE-151'],
        },
      ]);
    },
  );

  it('--sheet: an exact name wins over a number; otherwise a number is 1-based', async () => {
    expect((await readAll(fixture('xlsx/survey-titled.xlsx'), 'Codes')).rows.map((r) => r.cells)).toEqual([
      ['code', 'label'],
      ['1', 'Definitely agree'],
      ['2', 'Tend to agree'],
    ]);
    const one = await readAll(fixture('xlsx/survey-titled.xlsx'), '1');
    expect(one.sheetName).toBe('1');
    expect(one.rows).toEqual([{ rowNumber: 1, cells: ['named one'] }]);
    expect((await readAll(fixture('xlsx/survey-titled.xlsx'), '2')).sheetName).toBe('Codes');
    expect((await readAll(fixture('xlsx/survey-titled.xlsx'), '3')).sheetName).toBe('1');
  });

  it('--sheet: an unknown name or number is a usage error that lists the sheets', async () => {
    const path = fixture('xlsx/survey-titled.xlsx');
    await expect(readXlsxRows(path, { sheet: 'survey 2009' })).rejects.toThrow(UsageError);
    await expect(readXlsxRows(path, { sheet: 'Nope' })).rejects.toThrow('its sheets are "Survey 2009", "Codes", "1"');
    await expect(readXlsxRows(path, { sheet: '4' })).rejects.toThrow('has 3 sheets ("Survey 2009", "Codes", "1")');
    await expect(readXlsxRows(path, { sheet: '0' })).rejects.toThrow(UsageError);
  });

  it(
    "names the sheets right every time (exceljs's own streaming pass loses xl/workbook.xml now and " +
      'then: issue #3064)',
    async () => {
      for (let i = 0; i < 25; i++)
        expect((await readAll(fixture('xlsx/survey-titled.xlsx'), '2')).sheetName).toBe('Codes');
    },
  );

  it('stopping early is allowed (the file is closed)', async () => {
    const r = await readXlsxRows(fixture('xlsx/wave-2009.xlsx'));
    for await (const row of r.rows) if (row.rowNumber === 2) break;
  });

  it('a file that is not a workbook is a data error naming it', async () => {
    await expect(readXlsxRows(fixture('bom-crlf.csv'))).rejects.toThrow(DataError);
  });
});

describe('chooseSheet', () => {
  it('defaults to the first sheet and prefers a name to a number', () => {
    expect(chooseSheet('f.xlsx', ['A', 'B'], undefined)).toBe('A');
    expect(chooseSheet('f.xlsx', ['A', '1', 'B'], '1')).toBe('1');
    expect(chooseSheet('f.xlsx', ['A', '1', 'B'], '3')).toBe('B');
    expect(() => chooseSheet('f.xlsx', ['A'], '2')).toThrow('has 1 sheet ("A")');
  });
});

describe('readXlsxRows: the sample wave as a workbook', () => {
  // fixtures/xlsx/wave-2009.xlsx was written from data/samples/wave-2009.csv by make-fixtures.py; the CSV is the
  // expected value. Checked on the Python side too:
  //   wb = openpyxl.load_workbook('fixtures/xlsx/wave-2009.xlsx'); rows = list(wb.active.iter_rows(values_only=True))
  //   len(rows) == 3163; rows[1][:6] == ('09-HABRO-159', 2009, 'HA-BRO', '65-74', 'Female', 2)
  it('reads every row as the CSV has it (trailing empty cells aside)', async () => {
    const csv = Papa.parse<string[]>(readFileSync(`${ROOT}data/samples/wave-2009.csv`, 'utf8'), {
      skipEmptyLines: true,
    }).data;
    const trimEnd = (cells: string[]): string[] => {
      const out = [...cells];
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    };
    const { sheetName, rows } = await readAll(fixture('xlsx/wave-2009.xlsx'));
    expect(sheetName).toBe('wave-2009');
    expect(rows).toHaveLength(3163);
    expect(rows.length).toBe(csv.length);
    expect(rows.map((r) => r.rowNumber)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.cells)).toEqual(csv.map(trimEnd));
  });
});
