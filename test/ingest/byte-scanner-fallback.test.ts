import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRecords, type ReadCsvOptions } from '../../src/ingest/byte-scanner-fallback.js';

const dir = mkdtempSync(path.join(tmpdir(), 'byte-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(bytes: Uint8Array, o: Partial<ReadCsvOptions> = {}) {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, bytes);
  const rows: string[][] = [];
  const lines: number[] = [];
  const nums: number[][] = [];
  const res = await readCsvRecords(file, { separator: ',', encoding: 'utf8', bomLength: 0, ...o }, (r) => {
    rows.push(r.fields());
    lines.push(r.line);
    nums.push(Array.from({ length: r.fieldCount }, (_, i) => r.fieldInt(i)));
  });
  return { rows, lines, nums, res };
}

/**
 * The reference: papaparse (newline LF) on the whole text with every CRLF outside quotes made LF (by quote parity),
 * blank records dropped, and each record's physical line counted as ingest counts it (1 + the line feeds inside
 * earlier records + one per earlier record).
 */
function reference(text: string): { rows: string[][]; lines: number[] } {
  let unified = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    if (!(text[i] === '\r' && text[i + 1] === '\n' && !quoted)) unified += text[i];
  }
  const data = Papa.parse<string[]>(unified, { delimiter: ',', newline: '\n' }).data;
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  for (const fields of data) {
    if (!(fields.length === 1 && fields[0] === '')) {
      rows.push(fields);
      lines.push(line);
    }
    line += 1 + fields.reduce((s, f) => s + (f.match(/\n/g)?.length ?? 0), 0);
  }
  return { rows, lines };
}

describe('readCsvRecords', () => {
  it(
    'reads like papaparse on LF text from the start, on any text and chunk size, falling back where ' +
      'the scanner is unsure',
    async () => {
      const junk = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', '\n', '1'), maxLength: 40 });
      let fellBack = 0;
      let scanned = 0;
      await fc.assert(
        fc.asyncProperty(junk, fc.integer({ min: 1, max: 48 }), async (text, hwm) => {
          const { rows, lines, res } = await read(Buffer.from(text), { highWaterMark: hwm });
          const ref = reference(text);
          expect(rows).toEqual(ref.rows);
          expect(lines).toEqual(ref.lines);
          expect(res.records).toBe(ref.rows.length);
          if (res.fallback) fellBack++;
          else scanned++;
        }),
        { numRuns: 1500 },
      );
      expect(fellBack).toBeGreaterThan(100);
      expect(scanned).toBeGreaterThan(100);
    },
  );

  it('hands over mid-file at the right record and line', async () => {
    const text = 'id,q\n1,"a\nb"\n2,x\n3,b"c\n4,"d"\n';
    const { rows, lines, nums, res } = await read(Buffer.from(text), { highWaterMark: 5 });
    expect(res.fallback).toMatchObject({ reason: 'quote-in-unquoted-field', line: 5, recordOffset: 17, records: 3 });
    expect(rows).toEqual([
      ['id', 'q'],
      ['1', 'a\nb'],
      ['2', 'x'],
      ['3', 'b"c'],
      ['4', 'd'],
    ]);
    expect(lines).toEqual([1, 2, 4, 5, 6]);
    expect(nums).toEqual([
      [-1, -1],
      [1, -1],
      [2, -1],
      [3, -1],
      [4, -1],
    ]);
  });

  it('decodes Windows-1252 on both sides of a hand-over, and skips the BOM of UTF-8', async () => {
    const cp = iconv.encode('n,c\ncafé,"€1,5"\nb"x,½\n', 'win1252');
    const a = await read(cp, { encoding: 'windows-1252', highWaterMark: 4 });
    expect(a.rows).toEqual([
      ['n', 'c'],
      ['café', '€1,5'],
      ['b"x', '½'],
    ]);
    expect(a.res.fallback?.line).toBe(3);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('n,c\r\nx,"y\r\nz"\r\n')]);
    const b = await read(bom, { bomLength: 3 });
    expect(b.rows).toEqual([
      ['n', 'c'],
      ['x', 'y\r\nz'],
    ]);
    expect(b.res).toEqual({ fallback: undefined, records: 2, blankLines: 0 });
  });

  it('leaves UTF-16 to papaparse whole', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n"c\nd",e\n', 'utf16le')]);
    const { rows, lines, res } = await read(bytes, { encoding: 'utf16le', bomLength: 2 });
    expect(rows).toEqual([
      ['a', 'b'],
      ['c\nd', 'e'],
    ]);
    expect(lines).toEqual([1, 2]);
    expect(res.fallback?.reason).toBe('unsupported-input');
  });
});
