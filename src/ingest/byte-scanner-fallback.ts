import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { decimalNumber } from './decimal-number.js';
import { createByteScanner, type ByteDecoder, type CsvRecord, type ScanFallback } from './byte-scanner.js';

/**
 * Reads a CSV file with the byte scanner and, from the first record it is unsure of, with papaparse. Every record
 * comes out as papaparse (newline LF) gives it on the whole file after every CRLF outside quotes is made LF, with the
 * same physical lines. So LF and CRLF may be mixed (`cat a.csv b.csv`), a line end inside quotes is kept as it
 * stands, and a CR alone is never a line end (docs/data-format.md: LF or CRLF).
 *
 * Why the join is exact: the scanner emits a record only when papaparse would parse it the same way (property-tested),
 * so the record it stops at starts where papaparse's would; papaparse then streams the text from that offset.
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

function textStream(path: string, encoding: ReadCsvOptions['encoding'], start: number, highWaterMark: number): Readable {
  const bytes = createReadStream(path, { start, highWaterMark });
  if (encoding === 'utf8') return bytes.setEncoding('utf8');
  return bytes.pipe(iconv.decodeStream(ICONV[encoding], { stripBOM: false })) as unknown as Readable;
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

function readWithLibrary(
  path: string,
  o: ReadCsvOptions,
  hwm: number,
  start: number,
  line: number,
  onRecord: (r: CsvRecord) => void,
): Promise<{ records: number; blankLines: number }> {
  const rec = libraryRecord();
  let next = line;
  let records = 0;
  let blankLines = 0;
  return new Promise((resolve, reject) => {
    const stream = lfOutsideQuotes(textStream(path, o.encoding, start, hwm));
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter: o.separator,
      quoteChar: '"',
      skipEmptyLines: false,
      newline: '\n',
      step: (results) => {
        const fields = results.data;
        rec.line = next;
        for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) next++;
        next++;
        if (fields.length === 1 && fields[0] === '') {
          blankLines++; // a blank line, as the byte scanner skips it
          return;
        }
        rec.data = fields;
        rec.parseError = results.errors[0]?.message;
        records++;
        try {
          onRecord(rec);
        } catch (e) {
          stream.destroy();
          reject(e);
        }
      },
      complete: () => resolve({ records, blankLines }),
      error: (e: Error) => reject(e),
    });
  });
}

/** Reads every record of a CSV file; see the module comment. onRecord's record is reused: copy what you keep. */
export async function readCsvRecords(path: string, o: ReadCsvOptions, onRecord: (r: CsvRecord) => void): Promise<ReadCsvResult> {
  const hwm = o.highWaterMark ?? 1 << 20;
  const sep = o.separator.charCodeAt(0);
  const scannable = (o.encoding === 'utf8' || o.encoding === 'windows-1252') && o.separator.length === 1 && sep < 0x80;
  let fallback: ScanFallback | undefined;
  let records = 0;
  let blankLines = 0;
  if (scannable) {
    const decode: ByteDecoder | undefined =
      o.encoding === 'windows-1252' ? (b, s, e) => iconv.decode(Buffer.from(b.buffer, b.byteOffset + s, e - s), 'win1252') : undefined;
    const scanner = createByteScanner({ separator: sep, onRecord, startOffset: o.bomLength, stripBom: false, ...(decode ? { decode } : {}) });
    const stream = createReadStream(path, { start: o.bomLength, highWaterMark: hwm });
    let bytes = 0;
    try {
      for await (const chunk of stream) {
        bytes += (chunk as Buffer).length;
        o.onProgress?.(bytes);
        fallback = scanner.push(chunk as Buffer);
        if (fallback) break;
      }
    } finally {
      stream.destroy();
    }
    fallback ??= scanner.end();
    records = scanner.records();
    blankLines = scanner.blankLines();
    if (!fallback) return { fallback, records, blankLines };
  } else {
    fallback = { reason: 'unsupported-input', recordOffset: o.bomLength, line: 1, offset: o.bomLength, records: 0 };
  }
  const rest = await readWithLibrary(path, o, hwm, fallback.recordOffset, fallback.line, onRecord);
  return { fallback, records: records + rest.records, blankLines: blankLines + rest.blankLines };
}
