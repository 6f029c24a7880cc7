import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderXlsx, sheetNames, type XlsxSheet } from '../../src/render/xlsx-workbook.js';
import { fixZipTimes } from '../../src/render/zip-fixed-times.js';

const estimates: XlsxSheet = {
  name: 'Estimates',
  columns: [
    { header: 'group', kind: 'text' },
    { header: 'percent', kind: 'percent' },
    { header: 'base', kind: 'integer' },
    { header: 'deff', kind: 'number' },
  ],
  rows: [
    ['Blaby', 73.94, 1234, 1.234567],
    ['Hinckley and Bosworth', 80.05, 987, null],
    ['Melton', '61.5', '1200', '1.1'], // numbers passed as text still land as numbers in numeric columns
    ['Oadby', null, '-12', 'n/a'],
  ],
};
const notes: [string, string][] = [
  ['interval', 'Wilson score, 95%'],
  ['weights', 'raked to the 2001 census'],
];

async function reopen(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

/** The DOS date and time fields of every local header, as "date/time" pairs. */
function localTimes(zip: Buffer): string[] {
  const out: string[] = [];
  for (let p = 0; p + 30 <= zip.length; p++)
    if (zip.readUInt32LE(p) === 0x04034b50) out.push(`${zip.readUInt16LE(p + 12)}/${zip.readUInt16LE(p + 10)}`);
  return out;
}

describe('renderXlsx', () => {
  it(
    'gives the same bytes for the same input, even renders more than 2 s apart (ZIP entries carry a 2 s DOS ' + 'time)',
    async () => {
      const a = await renderXlsx([estimates], notes);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const b = await renderXlsx([estimates], notes);
      expect(b.equals(a)).toBe(true);
      expect(new Set(localTimes(a))).toEqual(new Set([`${(1 << 5) | 1}/0`])); // 1980-01-01 00:00:00
    },
    20_000,
  );

  it('stores numbers as numbers with their formats; text as text; empty as empty', async () => {
    const wb = await reopen(await renderXlsx([estimates], notes));
    const ws = wb.getWorksheet('Estimates');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getRow(1).values).toEqual([undefined, 'group', 'percent', 'base', 'deff']);
    expect(ws.getCell('B2').value).toBe(73.94);
    expect(ws.getCell('B2').numFmt).toBe('0.0');
    expect(ws.getCell('C2').value).toBe(1234);
    expect(ws.getCell('C2').numFmt).toBe('#,##0');
    expect(ws.getCell('D2').value).toBe(1.234567);
    expect(ws.getCell('D3').value).toBeNull();
    expect([ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('D4').value]).toEqual([61.5, 1200, 1.1]);
    expect(ws.getCell('B4').numFmt).toBe('0.0');
    expect(ws.getCell('D5').value).toBe('n/a');
    expect(ws.getCell('C5').value).toBe(-12);
    expect(ws.getCell('A3').value).toBe('Hinckley and Bosworth');
    for (const ref of ['B2', 'C2', 'D2', 'B4', 'C4', 'D4']) expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.Number);
  });

  it('freezes the header row and filters it, on every sheet', async () => {
    const wb = await reopen(await renderXlsx([estimates], notes));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(wb.getWorksheet('Estimates')?.autoFilter).toBe('A1:D5');
    expect(wb.getWorksheet('Notes')?.autoFilter).toBe('A1:B3');
  });

  it('adds a Notes sheet with the key/value notes, after the data sheets', async () => {
    const wb = await reopen(await renderXlsx([estimates], notes));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Estimates', 'Notes']);
    const rows = wb
      .getWorksheet('Notes')
      ?.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['key', 'value'],
      ['interval', 'Wilson score, 95%'],
      ['weights', 'raked to the 2001 census'],
    ]);
  });

  it('stores text that a spreadsheet could take for a formula as a string, never a formula', async () => {
    const risky = ['=1+2', '=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const sheet: XlsxSheet = {
      name: 'Risky',
      columns: [
        { header: 'text', kind: 'text' },
        { header: 'n', kind: 'number' },
      ],
      rows: risky.map((t) => [t, t]),
    };
    const buf = await renderXlsx([sheet], []);
    const ws = (await reopen(buf)).getWorksheet('Risky');
    risky.forEach((t, i) => {
      for (const col of ['A', 'B']) {
        const cell = ws?.getCell(`${col}${i + 2}`);
        expect(cell?.type).toBe(ExcelJS.ValueType.String);
        expect(cell?.formula).toBeUndefined();
        expect(cell?.value).toBe(t.replace('\r', '\n')); // line ends are written as LF
      }
    });
    // and no <f> element anywhere in the sheet's XML
    expect(sheetXml(buf, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
  });

  it('leaves NaN and Infinity empty (a spreadsheet cannot hold them)', async () => {
    const sheet: XlsxSheet = { name: 'S', columns: [{ header: 'x', kind: 'number' }], rows: [[NaN], [Infinity], [2]] };
    const ws = (await reopen(await renderXlsx([sheet], []))).getWorksheet('S');
    expect([ws?.getCell('A2').value, ws?.getCell('A3').value, ws?.getCell('A4').value]).toEqual([null, null, 2]);
  });
});

describe('sheetNames', () => {
  it('follows Excel: no []:*?/\\, at most 31 characters, unique without case, never "History"', () => {
    expect(sheetNames(['Estimates: 2009/2006', 'a[1]*?\\b', "'quoted'", '', 'History'])).toEqual([
      'Estimates_ 2009_2006',
      'a_1____b',
      'quoted',
      'Sheet',
      'History (2)',
    ]);
    const long = 'Belonging to the neighbourhood by area';
    const names = sheetNames([long, long, 'notes', 'Notes']);
    expect(names).toEqual(['Belonging to the neighbourhood', 'Belonging to the neighbourh (2)', 'notes', 'Notes (2)']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('renames a data sheet called Notes? no: the data sheet keeps its name and the notes sheet gives way', async () => {
    const wb = await reopen(
      await renderXlsx([{ name: 'Notes', columns: [{ header: 'a', kind: 'text' }], rows: [] }], [['k', 'v']]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Notes', 'Notes (2)']);
  });
});

describe('fixZipTimes', () => {
  it('sets every entry to 1980-01-01 00:00 and leaves the archive readable', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow([1, 'x']);
    const raw = Buffer.from(await wb.xlsx.writeBuffer());
    const fixed = fixZipTimes(Buffer.from(raw));
    expect(new Set(localTimes(fixed))).toEqual(new Set([`${(1 << 5) | 1}/0`]));
    expect((await reopen(fixed)).getWorksheet('a')?.getCell('A1').value).toBe(1);
  });
});

/** One entry of a ZIP held in memory, inflated (a test helper: walks the local headers). */
function sheetXml(zip: Buffer, name: string): string {
  for (let p = 0; p + 30 <= zip.length; p++) {
    if (zip.readUInt32LE(p) !== 0x04034b50) continue;
    const nameLength = zip.readUInt16LE(p + 26);
    const start = p + 30 + nameLength + zip.readUInt16LE(p + 28);
    if (zip.toString('utf8', p + 30, p + 30 + nameLength) !== name) continue;
    const size = zip.readUInt32LE(p + 18);
    const data = zip.subarray(start, start + size);
    return zip.readUInt16LE(p + 8) === 8 ? inflateRawSync(data).toString('utf8') : data.toString('utf8');
  }
  throw new Error(`no ${name}`);
}
