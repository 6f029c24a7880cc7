import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';
import { renderXlsx } from '../../src/render/xlsx-workbook.js';
import { ingest } from '../helpers/ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'sc-read-formats-'));
const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const HEADER = 'respondent_id,wave,neighbourhood,weight,belong_neighbourhood';
const ROWS = ['A1,2009,BL-SHA,1.5,1', 'A2,2009,BL-WHE,0.5,3', 'A3,2009,HA-BRO,1,2'];

describe('.xlsx survey files', () => {
  // fixtures/xlsx/survey-titled.xlsx, as openpyxl reads it (data_only=True), sheet "Survey 2009":
  //   1 ['Leicestershire Social Capital Survey 2009: raw returns', None, …]
  // 2 ['respondent_id', 'wave', 'neighbourhood', 'weight', 'belong_neighbourhood', 'trust_general', 'interview_date',
  // 'comments']
  //   3 ['09-HABRO-159', 2009, 'HA-BRO', 1.25, 2, 1, datetime(2009, 3, 14), 'Quiet street']
  // 4 ['09-OWWIG-140', 2009 (formula =2000+9), 'OW-WIG', '0,99', ' Definitely agree', '3', datetime(2009, 3, 15, 10,
  // 30), None]
  //   5 [None, …]
  //   6 ['09-BLWHE-151', 2009, 'BL-WHE', 0.99, 3, 2, datetime(2009, 3, 15) (formula), 'BL-WHE 09-BLWHE-151' (formula)]
  const TITLED = fixture('xlsx/survey-titled.xlsx');

  it('reads the first sheet, finds the header under a title, and numbers rows as Excel does', async () => {
    const { rows, log, summaries } = await ingest([TITLED]);
    expect(summaries[0]).toMatchObject({ format: 'xlsx', sheet: 'Survey 2009', titleLinesSkipped: 1, read: 3 });
    expect(log.accounting.titleLinesSkipped).toBe(1);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 6]);
    expect(rows.map((r) => r.wave)).toEqual(['2009', '2009', '2009']); // 2009 typed as a number and as a formula
    expect(rows.map((r) => r.area)).toEqual(['HA-BRO', 'OW-WIG', 'BL-WHE']);
    // a number, text with a decimal comma, a number; the comma is said once
    expect(rows.map((r) => r.weight)).toEqual([1.25, 0.99, 0.99]);
    expect(log.issues.filter((i) => i.reason === 'decimal-comma')).toHaveLength(1);
    // belong_neighbourhood: 2, " Definitely agree" (a label of another scale: invalid), 3; trust_general 1, "3" as
    // text, 2
    expect(rows.map((r) => r.codes[0])).toEqual([2, -2, 3]);
    expect(rows.map((r) => r.codes[8])).toEqual([1, 3, 2]);
    const invalid = log.issues.find((i) => i.reason === 'invalid-code');
    expect(invalid).toMatchObject({ line: 4, unit: 'row', column: 5 });
    const title = log.issues.find((i) => i.reason === 'title-lines-skipped');
    expect(title?.message).toContain('the header is on row 2 of sheet "Survey 2009"; skipped row 1 ("Leicestershire');
  });

  it('--header-row names the header row; --sheet picks a sheet by name or number', async () => {
    const { summaries } = await ingest([TITLED], { headerRow: 2 });
    expect(summaries[0]!.read).toBe(3);
    await expect(ingest([TITLED], { headerRow: 1 })).rejects.toThrow(
      /row 1: required column "neighbourhood" is missing/,
    );
    // sheet "Codes" is a code list, not a survey: its header lacks the columns
    await expect(ingest([TITLED], { sheet: 'Codes' })).rejects.toThrow(/sheet "Codes"/);
    // sheet 3 is named "1": the name wins over the number
    await expect(ingest([TITLED], { sheet: '1' })).rejects.toThrow(/sheet "1"/);
    await expect(ingest([TITLED], { sheet: '9' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('a workbook whose first sheet is not the survey', () => {
  it('names the other sheets and --sheet when the first sheet lacks the columns; --sheet then reads it', async () => {
    const text = (header: string) => ({ header, kind: 'text' as const });
    const book = await renderXlsx(
      [
        { name: 'Read me', columns: [text('About')], rows: [['The 2009 returns are on the next sheet']] },
        {
          name: 'Survey 2009',
          columns: HEADER.split(',').map(text),
          rows: ROWS.map((r) => r.split(',')),
        },
      ],
      [],
    );
    const p = write('notes-first.xlsx', book);
    const err = await ingest([p]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    // renderXlsx adds a "Notes" sheet at the end
    expect((err as Error).message).toContain(
      `${p}: the workbook's other sheets are "Survey 2009", "Notes"; name one with --sheet`,
    );
    expect((await ingest([p], { sheet: 'Survey 2009' })).rows).toHaveLength(3);
  });
});

describe('a title above the header of a CSV', () => {
  it(
    'finds the header among the first lines, counts the skipped lines and reads the rows by ' + 'physical line',
    async () => {
      const p = write(
        'titled.csv',
        ['Leicestershire survey 2009', '', 'exported 2010-01-04', HEADER, ...ROWS, ''].join('\n'),
      );
      const { rows, log, summaries } = await ingest([p]);
      expect(rows.map((r) => r.line)).toEqual([5, 6, 7]);
      expect(summaries[0]!.titleLinesSkipped).toBe(3);
      expect(log.accounting.titleLinesSkipped).toBe(3);
      const note = log.issues.find((i) => i.reason === 'title-lines-skipped');
      expect(note?.message).toBe(
        'the header is on line 4; skipped lines 1–3 ("Leicestershire survey 2009", a blank line, ' +
          '"exported 2010-01-04") above it',
      );
    },
  );

  it('--header-row overrides the search', async () => {
    const p = write('titled2.csv', ['title', HEADER, ...ROWS].join('\n'));
    expect((await ingest([p], { headerRow: 2 })).rows).toHaveLength(3);
    await expect(ingest([p], { headerRow: 1 })).rejects.toThrow(/:1: required column "neighbourhood" is missing/);
    await expect(ingest([p], { headerRow: 9 })).rejects.toThrow(/--header-row 9 is beyond the end of the file/);
  });

  it('a file without a title is read as before (no title lines in the accounting)', async () => {
    const p = write('plain.csv', [HEADER, ...ROWS].join('\n'));
    const { log, summaries } = await ingest([p]);
    expect(summaries[0]!.titleLinesSkipped).toBe(0);
    expect(log.accounting.titleLinesSkipped).toBeUndefined();
  });
});

describe('line ends, encodings and separators', () => {
  it('reads old-Mac CR-only line ends, with physical line numbers', async () => {
    const p = write('mac.csv', [HEADER, ...ROWS, 'A4,2009,Nowhere,1,1'].join('\r'));
    const { rows, log } = await ingest([p]);
    expect(rows.map((r) => r.respondentId)).toEqual(['A1', 'A2', 'A3']);
    expect(log.issues.find((i) => i.reason === 'unknown-area')?.line).toBe(5);
    expect(log.issues.some((i) => i.reason === 'cr-line-ends')).toBe(true);
  });

  it('reads UTF-16 without a byte-order mark, little- and big-endian', async () => {
    const text = [HEADER, ...ROWS, 'A4,2009,Sharnford,1,1', ''].join('\r\n');
    const le = write('le.csv', Buffer.from(text, 'utf16le'));
    const be = write('be.csv', Buffer.from(text, 'utf16le').swap16());
    for (const [p, enc] of [
      [le, 'utf16le'],
      [be, 'utf16be'],
    ] as const) {
      const { rows, summaries, log } = await ingest([p]);
      expect(summaries[0]!.encoding).toBe(enc);
      expect(rows.map((r) => r.area)).toEqual(['BL-SHA', 'BL-WHE', 'HA-BRO', 'BL-SHA']);
      expect(log.issues.some((i) => i.reason === 'utf16-without-bom')).toBe(true);
    }
  });

  it('reads decimal-comma weights in a ;-separated file, and says so once', async () => {
    const p = write(
      'semi.csv',
      [
        'respondent_id;wave;neighbourhood;weight;belong_neighbourhood',
        'A1;2009;BL-SHA;0,99;1',
        'A2;2009;BL-WHE;1,25;3',
        'A3;2009;HA-BRO;2;2',
      ].join('\n'),
    );
    const { rows, log } = await ingest([p]);
    expect(rows.map((r) => r.weight)).toEqual([0.99, 1.25, 2]);
    const notes = log.issues.filter((i) => i.reason === 'decimal-comma');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('"0,99" is 0.99');
  });

  it('keeps a decimal comma in a comma-separated file a bad weight (fixtures/bad-weight.csv)', async () => {
    const { log } = await ingest([fixture('bad-weight.csv')]);
    expect(log.issues.some((i) => i.reason === 'bad-weight' && i.value === '1,5')).toBe(true);
  });
});

describe('files that are not surveys', () => {
  const cases: [string, Buffer, RegExp][] = [
    [
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      /Excel 97–2003 \.xls workbook/,
    ],
    [
      'archive.zip',
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('data/survey.csv')]),
      /ZIP archive, not a workbook/,
    ],
    ['report.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), /PDF document/],
  ];
  it.each(cases)('%s is named for what it is', async (name, bytes, what) => {
    const p = write(name, bytes);
    const err = await ingest([p]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(what);
    expect((err as Error).message.startsWith(`${p}: `)).toBe(true);
  });
});
