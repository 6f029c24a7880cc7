import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createByteScanner, type ByteScannerOptions } from '../../src/ingest/byte-scanner.js';
import { scanFile } from '../../src/ingest/byte-scanner-file.js';
import { splitFileRanges, splitRecordRanges, type ByteRange } from '../../src/ingest/byte-scanner-split.js';

const dir = mkdtempSync(path.join(tmpdir(), 'byte-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rec {
  fields: string[];
  line: number;
  offset: number;
}

function scanBytes(bytes: Uint8Array, opts: Partial<ByteScannerOptions> = {}): { recs: Rec[]; fellBack: boolean } {
  const recs: Rec[] = [];
  const s = createByteScanner({
    separator: 0x2c,
    ...opts,
    onRecord: (r) =>
      recs.push({
        fields: Array.from({ length: r.fieldCount }, (_, i) => r.fieldString(i)),
        line: r.line,
        offset: r.offset,
      }),
  });
  const fb = s.push(bytes) ?? s.end();
  return { recs, fellBack: fb !== undefined };
}

/** Scans each range on its own, as a worker would, and concatenates the records. */
function scanRanges(bytes: Uint8Array, ranges: ByteRange[]): Rec[] {
  return ranges.flatMap(
    (r) =>
      scanBytes(bytes.subarray(r.start, r.end), { startLine: r.line, startOffset: r.start, stripBom: r.start === 0 })
        .recs,
  );
}

const lineAt = (bytes: Uint8Array, offset: number): number =>
  1 + bytes.subarray(0, offset).filter((b) => b === 0x0a).length;

function expectTiling(ranges: ByteRange[], size: number, n: number): void {
  expect(ranges.length).toBeLessThanOrEqual(Math.max(1, n));
  if (size === 0) return expect(ranges).toEqual([]);
  expect(ranges[0]?.start).toBe(0);
  expect(ranges.at(-1)?.end).toBe(size);
  ranges.forEach((r, i) => {
    expect(r.end).toBeGreaterThan(r.start);
    if (i > 0) expect(r.start).toBe(ranges[i - 1]?.end);
  });
}

const cell = fc
  .string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', 'é'), maxLength: 8 })
  .map((t) => (/[",\r\n]/.test(t) || t === '' ? `"${t.replaceAll('"', '""')}"` : t));
const wellFormed = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
    newline: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ rows, newline }) => Buffer.from(rows.map((r) => r.join(',') + newline).join('')));

describe('splitRecordRanges', () => {
  it('never splits inside a quoted field', () => {
    // 16 bytes; the targets 4, 8 and 12 all fall inside the quoted field of lines 2-6, so its closing line end
    // (byte 13) is the only split
    const text = Buffer.from('h\n"a\nb\nc\nd\ne"\nx\n');
    const { ranges, newline } = splitRecordRanges(text, 4);
    expect(ranges).toEqual([
      { start: 0, end: 14, line: 1 },
      { start: 14, end: 16, line: 7 },
    ]);
    expect(newline).toBe('lf');
    // target 6 is 'c'; the range ends after the next line end (bytes 7-8)
    expect(splitRecordRanges(Buffer.from('a\r\nb\r\nc\r\nd\r\n'), 2)).toEqual({
      ranges: [
        { start: 0, end: 9, line: 1 },
        { start: 9, end: 12, line: 4 },
      ],
      newline: 'crlf',
    });
  });

  it('gives ranges whose separate scans add up to the scan of the whole input, lines included', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 7 }), (bytes, n) => {
        const { ranges } = splitRecordRanges(bytes, n);
        expectTiling(ranges, bytes.length, n);
        for (const r of ranges) expect(r.line).toBe(lineAt(bytes, r.start));
        const whole = scanBytes(bytes);
        expect(whole.fellBack).toBe(false);
        expect(scanRanges(bytes, ranges)).toEqual(whole.recs);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a file in chunks to the same split as in memory', async () => {
    await fc.assert(
      fc.asyncProperty(
        wellFormed,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        async (bytes, n, chunk) => {
          const file = path.join(dir, 'f.csv');
          writeFileSync(file, bytes);
          expect(await splitFileRanges(file, n, chunk)).toEqual(splitRecordRanges(bytes, n));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scanFile', () => {
  it('scans a file, and each of its ranges, like the in-memory scanner', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,c\n1,"x\ny"\n2,"a,b"\n3,\n4,z\n')]);
    const file = path.join(dir, 'g.csv');
    writeFileSync(file, bytes);
    const collect = async (range?: ByteRange) => {
      const recs: Rec[] = [];
      const res = await scanFile(
        file,
        {
          separator: 0x2c,
          onRecord: (r) => recs.push({ fields: [r.fieldString(0), r.fieldString(1)], line: r.line, offset: r.offset }),
        },
        range,
        4,
      );
      return { recs, res };
    };
    const whole = await collect();
    expect(whole.res).toEqual({ fallback: undefined, records: 5, newline: 'lf' });
    expect(whole.recs.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
    expect(whole.recs.map((r) => r.fields)).toEqual([
      ['id', 'c'],
      ['1', 'x\ny'],
      ['2', 'a,b'],
      ['3', ''],
      ['4', 'z'],
    ]);
    const { ranges } = await splitFileRanges(file, 3);
    expect(ranges.length).toBe(3);
    const parts = [];
    for (const r of ranges) parts.push(...(await collect(r)).recs);
    expect(parts).toEqual(whole.recs);
  });

  it('stops at the first fallback', async () => {
    const file = path.join(dir, 'h.csv');
    writeFileSync(file, 'a\nb"c\n' + 'd\n'.repeat(100));
    const { res } = { res: await scanFile(file, { separator: 0x2c, onRecord: () => {} }, undefined, 3) };
    expect(res.fallback).toMatchObject({ reason: 'quote-in-unquoted-field', line: 2, recordOffset: 2, records: 1 });
  });
});
