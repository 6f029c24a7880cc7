import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeNonSurveyFile, isXlsxFile, SNIFF_BYTES } from '../../src/ingest/sniff-file-kind.js';
import { fixture, FIXTURES } from '../helpers/fixtures.js';

const head = (path: string): Buffer => readFileSync(path).subarray(0, SNIFF_BYTES);
/** A ZIP local file header naming `name`, with `data` stored after it (enough for the sniffer, which reads names). */
const zipEntry = (name: string, data = ''): Buffer => {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([h, Buffer.from(name), Buffer.from(data)]);
};

describe('isXlsxFile', () => {
  it('is true for the .xlsx fixtures and false for CSVs and other ZIPs', () => {
    for (const f of ['cell-kinds.xlsx', 'survey-titled.xlsx', 'wave-2009.xlsx'])
      expect(isXlsxFile(head(fixture(`xlsx/${f}`)))).toBe(true);
    expect(isXlsxFile(head(fixture('bom-crlf.csv')))).toBe(false);
    expect(isXlsxFile(zipEntry('notes.txt', 'hello'))).toBe(false);
    expect(isXlsxFile(Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.bin')]))).toBe(false);
  });
});

describe('describeNonSurveyFile', () => {
  it('is null for every CSV fixture (any encoding) and for .xlsx workbooks', () => {
    const texts = readdirSync(FIXTURES).filter((f) => /\.(csv|tsv)$/.test(f) && f !== 'binary-garbage.csv');
    expect(texts.length).toBeGreaterThan(20);
    for (const f of texts) expect([f, describeNonSurveyFile(head(fixture(f)))]).toEqual([f, null]);
    expect(describeNonSurveyFile(head(fixture('xlsx/survey-titled.xlsx')))).toBeNull();
  });

  it('names an Excel 97–2003 workbook (OLE2) and says what to do', () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('Workbook', 'utf16le'),
    ]);
    expect(describeNonSurveyFile(xls)).toBe('this is an Excel 97–2003 .xls workbook: save it as .xlsx or CSV');
    const encrypted = Buffer.concat([xls, Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(describeNonSurveyFile(encrypted)).toMatch(/password-protected/);
  });

  it('names an .ods spreadsheet, an .xlsb, a Word file and a plain ZIP', () => {
    expect(describeNonSurveyFile(zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe(
      'this is an OpenDocument .ods spreadsheet: save it as .xlsx or CSV',
    );
    expect(
      describeNonSurveyFile(Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.bin')])),
    ).toMatch(/\.xlsb/);
    expect(describeNonSurveyFile(zipEntry('word/document.xml'))).toMatch(/Word document/);
    expect(describeNonSurveyFile(zipEntry('survey.csv', 'a,b'))).toMatch(/ZIP archive/);
  });

  it('names PDF, gzip, PNG (the binary-garbage fixture), JPEG, HTML saved as .xls and SPSS files', () => {
    expect(describeNonSurveyFile(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toMatch(/PDF/);
    expect(describeNonSurveyFile(gzipSync('respondent_id,wave\n'))).toMatch(/gzip/);
    expect(describeNonSurveyFile(head(fixture('binary-garbage.csv')))).toMatch(/PNG image/);
    expect(describeNonSurveyFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/JPEG/);
    expect(describeNonSurveyFile(Buffer.from('\ufeff  <!DOCTYPE html><html><table>'))).toMatch(/HTML/);
    expect(describeNonSurveyFile(Buffer.from('$FL2@(#) SPSS DATA FILE MS Windows'))).toMatch(/SPSS/);
  });

  it('leaves text that merely starts like a magic number alone', () => {
    expect(describeNonSurveyFile(Buffer.from('PAR1,wave\n1,2009\n'))).toBeNull();
    expect(describeNonSurveyFile(Buffer.from('MZ_code,wave\n'))).toBeNull();
    expect(describeNonSurveyFile(Buffer.from('$FL2,wave\n'))).toBeNull();
  });
});
