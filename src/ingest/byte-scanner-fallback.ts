import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
import { iconvNow, loadIconv } from './lazy-iconv.js';
import { decimalNumber } from './decimal-number.js';
import { createByteScanner, type ByteDecoder, type CsvRecord, type ScanFallback } from './byte-scanner.js';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, tooLongMessage } from './record-limits.js';

/**
 * Reads a CSV file with the byte scanner and, from the first record it is unsure of, with papaparse. Every record
 * comes out as papaparse (newline LF) gives it on the whole file after every CRLF outside quotes is made LF, with the
 * same physical lines. So LF and CRLF may be mixed (`cat a.csv b.csv`), a line end inside quotes is kept as it
 * stands, and a CR alone is never a line end (docs/data-format.md: LF or CRLF).
 *
 * Why the join is exact: the scanner emits a record only when papaparse would parse it the same way (property-tested),
 * so the record it stops at starts where papaparse's would; papaparse then streams the text from that offset.
 *
 * Limits (src/ingest/record-limits.ts): a record still open past 4 MiB — in either reader — is handed on as one
 * malformed record at its first line (its first characters as its one field, and a parseError), and reading starts
 * again, with the byte scanner, at the next line. A whole record with a field over 1 MiB comes with a parseError.
 */

export interface ReadCsvOptions {
  /** one ASCII character */
  separator: string;
  /** the byte scanner takes UTF-8 and Windows-1252; UTF-16 goes to papaparse whole */
  encoding: 'utf8' | 'windows-1252' | 'utf16le' | 'utf16be';
  /** bytes of byte-order mark at the start of the file */
  bomLength: number;
  /** read size (default 1 MiB) */
  highWaterMark?: number;
  /** bytes read so far */
  onProgress?: (bytes: number) => void;
  /** for tests: the record and field limits (default MAX_RECORD_BYTES, MAX_FIELD_BYTES) */
  maxRecordBytes?: number;
  maxFieldBytes?: number;
  /** 'cr': the file ends its lines with a CR alone (old Mac OS); every CR outside quotes is then a line end */
  newline?: 'cr';
}

export interface ReadCsvResult {
  /** where papaparse took over (undefined: the byte scanner read the whole file) */
  fallback: ScanFallback | undefined;
  /** records handed on (blank lines are skipped and not counted) */
  records: number;
  /** blank lines skipped (a record that is one empty field, `""`, counts as one) */
  blankLines: number;
}

const ICONV = { 'windows-1252': 'win1252', utf16le: 'utf16le', utf16be: 'utf16be' } as const;

function textStream(
  path: string,
  encoding: ReadCsvOptions['encoding'],
  start: number,
  highWaterMark: number,
): Readable {
  const bytes = createReadStream(path, { start, highWaterMark });
  if (encoding === 'utf8') return bytes.setEncoding('utf8');
  return bytes.pipe(iconvNow().decodeStream(ICONV[encoding], { stripBOM: false })) as unknown as Readable;
}

/**
 * CRLF → LF outside quoted fields, a CR at a chunk's end held back for the next chunk. papaparse takes one
 * line end per file, so a file joined from CRLF and LF parts (`cat a.csv b.csv`) would have its LF rows run
 * together; with every line end made LF, each row is its own record, and CRLF inside a quoted field stays as
 * the byte scanner leaves it. Physical line numbers count LFs, so they do not move. A CR alone is never a
 * line end (docs/data-format.md: LF or CRLF).
 */
function lfOutsideQuotes(text: Readable): Readable {
  let held = '';
  let inQuotes = false;
  return text.pipe(
    new Transform({
      readableObjectMode: true,
      writableObjectMode: true,
      transform(chunk: unknown, _enc, done) {
        const s = held + String(chunk);
        held = '';
        let out = '';
        let from = 0;
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c === 0x22) inQuotes = !inQuotes;
          else if (c === 0x0d && !inQuotes) {
            if (i === s.length - 1) {
              out += s.slice(from, i);
              held = '\r';
              from = s.length;
            } else if (s.charCodeAt(i + 1) === 0x0a) {
              out += s.slice(from, i);
              from = i + 1;
            }
          }
        }
        out += s.slice(from);
        if (out === '') done();
        else done(null, out);
      },
      flush(done) {
        done(null, held || undefined);
      },
    }),
  );
}

/** Old-Mac line ends: each CR outside quotes becomes LF (a CR inside quotes is kept), so physical lines count CRs. */
function crToLf(text: Readable): Readable {
  let inQuotes = false;
  return text.pipe(
    new Transform({
      readableObjectMode: true,
      writableObjectMode: true,
      transform(chunk: unknown, _enc, done) {
        const s = String(chunk);
        let out = '';
        let from = 0;
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c === 0x22) inQuotes = !inQuotes;
          else if (c === 0x0d && !inQuotes) {
            out += `${s.slice(from, i)}\n`;
            from = i + 1;
          }
        }
        out += s.slice(from);
        if (out === '') done();
        else done(null, out);
      },
    }),
  );
}

/** A CsvRecord over papaparse's string fields. */
function libraryRecord(): CsvRecord & { line: number; parseError: string | undefined; data: string[] } {
  const r = {
    line: 0,
    parseError: undefined as string | undefined,
    data: [] as string[],
    get fieldCount() {
      return r.data.length;
    },
    fieldString: (i: number) => r.data[i] ?? '',
    fieldCached: (i: number) => r.data[i] ?? '',
    fieldInt: (i: number) => {
      const s = r.data[i] ?? '';
      return /^[0-9]{1,9}$/.test(s) ? Number(s) : -1;
    },
    fieldNumber: (i: number) => {
      const s = r.data[i] ?? '';
      return decimalNumber(s);
    },
    fields: () => r.data.slice(),
  };
  return r;
}

/** Where the library parser stopped: a record still open past the limit, starting on `line`. */
interface LibraryStop {
  line: number;
}

/** Counts the characters handed on since the last record, and stops the stream when a record runs past `limit`. */
function recordLimit(text: Readable, limit: number, onOver: () => void): { stream: Readable; recordEnded: () => void } {
  let since = 0;
  let over = false;
  const stream = text.pipe(
    new Transform({
      readableObjectMode: true,
      writableObjectMode: true,
      transform(chunk: unknown, _enc, done) {
        if (over) return done();
        const s = String(chunk);
        since += s.length;
        if (since > limit) {
          over = true;
          onOver();
          return done();
        }
        done(null, s);
      },
    }),
  );
  return { stream, recordEnded: () => void (since = 0) };
}

function readWithLibrary(
  path: string,
  o: ReadCsvOptions,
  hwm: number,
  start: number,
  line: number,
  onRecord: (r: CsvRecord) => void,
): Promise<{ records: number; blankLines: number; stop: LibraryStop | undefined }> {
  const rec = libraryRecord();
  const maxRecord = o.maxRecordBytes ?? MAX_RECORD_BYTES;
  const maxField = o.maxFieldBytes ?? MAX_FIELD_BYTES;
  let next = line;
  let records = 0;
  let blankLines = 0;
  let finished = false;
  return new Promise((resolve, reject) => {
    const source = textStream(path, o.encoding, start, hwm);
    const finish = (stop: LibraryStop | undefined) => {
      if (finished) return;
      finished = true;
      source.destroy();
      resolve({ records, blankLines, stop });
    };
    const limited = recordLimit(o.newline === 'cr' ? crToLf(source) : lfOutsideQuotes(source), maxRecord, () =>
      finish({ line: next }),
    );
    const stream = limited.stream;
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter: o.separator,
      quoteChar: '"',
      skipEmptyLines: false,
      newline: '\n',
      step: (results) => {
        if (finished) return;
        limited.recordEnded();
        const fields = results.data;
        rec.line = next;
        for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) next++;
        next++;
        if (fields.length === 1 && fields[0] === '') {
          blankLines++; // a blank line, as the byte scanner skips it
          return;
        }
        rec.data = fields;
        rec.parseError = results.errors[0]?.message ?? fieldTooLong(fields, maxField);
        records++;
        try {
          onRecord(rec);
        } catch (e) {
          finished = true;
          source.destroy();
          reject(e);
        }
      },
      complete: () => finish(undefined),
      error: (e: Error) => {
        if (!finished) reject(e);
        finished = true;
      },
    });
  });
}

function fieldTooLong(fields: string[], max: number): string | undefined {
  const at = fields.findIndex((f) => f.length > max);
  return at < 0 ? undefined : tooLongMessage('field', max, at + 1);
}

/**
 * The byte offset where line `wanted` starts, counting lines from `from` (offset) at `fromLine`, and the first
 * characters of line `wanted - 1` (the record that was too long), or undefined past the end of the file.
 */
async function lineAfter(
  path: string,
  from: number,
  fromLine: number,
  wanted: number,
): Promise<{ offset: number | undefined; preview: string }> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    let at = from;
    let lineNo = fromLine;
    let previewStart = lineNo === wanted - 1 ? from : -1;
    let preview = '';
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      if (bytesRead === 0) return { offset: undefined, preview };
      for (let i = buf.indexOf(0x0a, 0); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1)) {
        lineNo++;
        if (lineNo === wanted - 1) previewStart = at + i + 1;
        if (lineNo === wanted) return { offset: at + i + 1, preview: preview || (await head(handle, previewStart)) };
      }
      if (previewStart >= 0 && preview === '') preview = await head(handle, previewStart);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** The first 60 characters at `offset`, for the message and --rejects (the record itself may be megabytes long). */
async function head(handle: Awaited<ReturnType<typeof open>>, offset: number): Promise<string> {
  if (offset < 0) return '';
  const b = Buffer.alloc(240);
  const { bytesRead } = await handle.read(b, 0, b.length, offset);
  const text = b
    .toString('utf8', 0, bytesRead)
    .split('\n')[0]!
    .replace(/\uFFFD+$/, '');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The record that was too long, as one malformed record: its first characters, and why. */
function tooLongRecord(line: number, preview: string, limit: number): CsvRecord {
  const rec = libraryRecord();
  rec.line = line;
  rec.data = [preview || '…'];
  rec.parseError = tooLongMessage('record', limit);
  return rec;
}

/** Reads every record of a CSV file; see the module comment. onRecord's record is reused: copy what you keep. */
export async function readCsvRecords(
  path: string,
  o: ReadCsvOptions,
  onRecord: (r: CsvRecord) => void,
): Promise<ReadCsvResult> {
  if (o.encoding !== 'utf8') await loadIconv();
  let start = o.bomLength;
  let line = 1;
  let fallback: ScanFallback | undefined;
  let records = 0;
  let blankLines = 0;
  for (;;) {
    const part = await readFrom(path, o, start, line, onRecord);
    records += part.records;
    blankLines += part.blankLines;
    fallback ??= part.fallback;
    if (!part.tooLong) return { fallback, records, blankLines };
    // A record still open past the limit: one malformed record at its line, then on from the next line.
    const maxRecord = o.maxRecordBytes ?? MAX_RECORD_BYTES;
    const { from, fromLine } = part.tooLong;
    const next = await lineAfter(path, from, fromLine, part.tooLong.line + 1);
    onRecord(tooLongRecord(part.tooLong.line, next.preview, maxRecord));
    records++;
    if (next.offset === undefined) return { fallback, records, blankLines };
    start = next.offset;
    line = part.tooLong.line + 1;
  }
}

interface PartResult {
  fallback: ScanFallback | undefined;
  records: number;
  blankLines: number;
  /**
   * a record still open past the limit starts on `line`; lines are counted from `from` (a byte offset) at
   * `fromLine`
   */
  tooLong?: { line: number; from: number; fromLine: number };
}

/** Reads from `start` (a record start on `line`): the byte scanner, then papaparse from the first unsure record. */
async function readFrom(
  path: string,
  o: ReadCsvOptions,
  start: number,
  line: number,
  onRecord: (r: CsvRecord) => void,
): Promise<PartResult> {
  const hwm = o.highWaterMark ?? 1 << 20;
  const sep = o.separator.charCodeAt(0);
  const scannable =
    (o.encoding === 'utf8' || o.encoding === 'windows-1252') &&
    o.separator.length === 1 &&
    sep < 0x80 &&
    o.newline !== 'cr';
  let fallback: ScanFallback | undefined;
  let records = 0;
  let blankLines = 0;
  if (scannable) {
    const decode: ByteDecoder | undefined =
      o.encoding === 'windows-1252'
        ? (b, s, e) => iconvNow().decode(Buffer.from(b.buffer, b.byteOffset + s, e - s), 'win1252')
        : undefined;
    const scanner = createByteScanner({
      separator: sep,
      onRecord,
      startOffset: start,
      startLine: line,
      stripBom: false,
      ...(decode ? { decode } : {}),
      ...(o.maxRecordBytes !== undefined ? { maxRecordBytes: o.maxRecordBytes } : {}),
      ...(o.maxFieldBytes !== undefined ? { maxFieldBytes: o.maxFieldBytes } : {}),
    });
    // Two buffers read into in turn, not a stream's fresh buffer per chunk: memory stays flat however long the file,
    // and does not wait for the garbage collector (which lags on a busy machine). The scanner copies what it keeps of
    // a chunk before the next push, and the buffer it may still point into is the other one.
    const handle = await open(path, 'r');
    const buffers = [Buffer.allocUnsafe(hwm), Buffer.allocUnsafe(hwm)];
    let at = start;
    let bytes = start - o.bomLength;
    try {
      for (let turn = 0; ; turn ^= 1) {
        const buffer = buffers[turn]!;
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) break;
        at += bytesRead;
        bytes += bytesRead;
        o.onProgress?.(bytes);
        fallback = scanner.push(buffer.subarray(0, bytesRead));
        if (fallback) break;
      }
    } finally {
      await handle.close();
    }
    fallback ??= scanner.end();
    records = scanner.records();
    blankLines = scanner.blankLines();
    if (!fallback) return { fallback, records, blankLines };
    if (fallback.reason === 'record-too-long')
      return {
        fallback: undefined,
        records,
        blankLines,
        tooLong: { line: fallback.line, from: fallback.recordOffset, fromLine: fallback.line },
      };
  } else {
    fallback = { reason: 'unsupported-input', recordOffset: o.bomLength, line: 1, offset: o.bomLength, records: 0 };
  }
  const lib = await readWithLibrary(path, o, hwm, fallback.recordOffset, fallback.line, onRecord);
  records += lib.records;
  blankLines += lib.blankLines;
  if (!lib.stop) return { fallback, records, blankLines };
  if (!scannable)
    throw new Error(
      `line ${lib.stop.line}: the record starting here is longer than ` +
        `${(o.maxRecordBytes ?? MAX_RECORD_BYTES) / 1024 / 1024} MiB ` +
        '(a quote left open?); a UTF-16 file is not read past it: close the quote, or save the file as UTF-8',
    );
  return {
    fallback,
    records,
    blankLines,
    tooLong: { line: lib.stop.line, from: fallback.recordOffset, fromLine: fallback.line },
  };
}
