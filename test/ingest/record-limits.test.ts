import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRecords, type ReadCsvOptions } from '../../src/ingest/byte-scanner-fallback.js';
import { MAX_RECORD_BYTES } from '../../src/ingest/record-limits.js';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/run-main.js';
import { HEADER, rowFields } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;

async function read(text: string, o: Partial<ReadCsvOptions> = {}) {
  const file = join(tmp.dir, `r${n++}.csv`);
  writeFileSync(file, text);
  const got: { line: number; fields: string[]; error: string | undefined }[] = [];
  await readCsvRecords(file, { separator: ',', encoding: 'utf8', bomLength: 0, highWaterMark: 64, ...o }, (r) =>
    got.push({ line: r.line, fields: r.fields(), error: r.parseError }),
  );
  return got;
}

/** Lines 1…n of `a,b,c` rows, numbered in their first field. */
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `r${from + i},x,y\n`).join('');

describe('a record still open past the record limit', () => {
  it('is one malformed record at its first line, and reading goes on from the next line (byte scanner)', async () => {
    // line 3 opens a quote that never closes; with a 200-byte limit it is cut off, and lines 4… are read as records
    const text = `${rows(1, 2)}r3,"open,y\n${rows(4, 40)}`;
    const got = await read(text, { maxRecordBytes: 200 });
    expect(got[2]).toMatchObject({
      line: 3,
      error: expect.stringMatching(/longer than .* MiB \(a quote left open\?\)/),
    });
    expect(got[2]!.fields[0]).toBe('r3,"open,y');
    expect(got.filter((r) => !r.error).map((r) => r.line)).toEqual([
      1,
      2,
      ...Array.from({ length: 37 }, (_, i) => i + 4),
    ]);
  });

  it('the same after the hand-over to papaparse (a quote inside an unquoted field comes first)', async () => {
    const text = `${rows(1, 2)}r3,5'6" tall,y\n${rows(4, 5)}r6,"open,y\n${rows(7, 40)}`;
    const got = await read(text, { maxRecordBytes: 200 });
    const bad = got.filter((r) => r.error);
    expect(bad.map((r) => r.line)).toEqual([6]);
    expect(got.filter((r) => !r.error).map((r) => r.line)).toEqual([
      1,
      2,
      3,
      4,
      5,
      ...Array.from({ length: 34 }, (_, i) => i + 7),
    ]);
    expect(got.find((r) => r.line === 3)!.fields).toEqual(['r3', '5\'6" tall', 'y']);
  });

  it(
    'a quote left open on the last lines is read as before: one malformed record to the end (under the ' + 'limit)',
    async () => {
      const got = await read(`${rows(1, 2)}r3,"open,y\nr4,x,y\n`, { maxRecordBytes: 200 });
      expect(got.map((r) => r.line)).toEqual([1, 2, 3]);
      expect(got[2]!.error).toBeDefined();
    },
  );

  it('a whole record with a field over the field limit is handed on with a parseError', async () => {
    const long = 'z'.repeat(150);
    const got = await read(`${rows(1, 1)}r2,"${long}",y\n${rows(3, 4)}`, { maxFieldBytes: 100 });
    expect(got.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(got.map((r) => r.error === undefined)).toEqual([true, false, true, true]);
    expect(got[1]!.error).toMatch(/^field 2 is longer than/);
    expect(got[1]!.fields[1]).toBe(long);
  });
});

describe('through validate, at the real 4 MiB limit', () => {
  it('a quote left open on line 3 of a 6 MB file sets aside line 3 only; every later row is read', async () => {
    const good = (i: number) => `${rowFields({ id: `r${i}`, comments: 'fine' }).join(',')}\n`;
    const rowBytes = good(10).length;
    const count = Math.ceil((1.5 * MAX_RECORD_BYTES) / rowBytes);
    let text = `${HEADER.join(',')}\n${good(1)}${rowFields({ id: 'r2', comments: '"never closed' }).join(',')}\n`;
    for (let i = 3; i <= count; i++) text += good(i);
    const p = join(tmp.dir, 'open-quote.csv');
    writeFileSync(p, text);
    const r = await runJson(['validate', p, '--format', 'json', '--max-issues', '5']);
    expect(r.json.accounting.read).toBe(count);
    expect(r.json.accounting.setAside).toEqual({ 'wrong-field-count': 1 });
    const err = r.json.issues.find((i: { severity: string }) => i.severity === 'error');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/longer than 4 MiB/);
  }, 60_000);
});
