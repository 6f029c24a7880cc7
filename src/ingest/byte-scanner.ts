/**
 * A byte-level RFC 4180 scanner: the fast path of ingest for UTF-8 or single-byte text with a known one-byte
 * separator. It finds records and field boundaries on bytes, and decodes a field only when asked.
 *
 * It agrees with papaparse (`Papa.parse(text, { delimiter, skipEmptyLines: true })`) on every input it accepts, and
 * says so when it cannot be sure (see ScanFallbackReason): the caller then hands the input to the library parser.
 * Blank lines are skipped, and so is a record that is a single empty field (`""`), as papaparse's
 * `skipEmptyLines: true` does. A leading UTF-8 BOM is skipped unless `stripBom` is false.
 *
 * LF and CRLF both end a record, mixed in one file too (`cat a.csv b.csv`), and a line end inside quotes is kept as
 * it stands. So the reference is papaparse on the text with every CRLF outside quotes made LF; on a file with one
 * kind of line end, that is papaparse on the text itself.
 *
 * Physical line numbers are 1 + the number of LF bytes before a record's first byte (header = line 1), so a quoted
 * newline advances the count and a CRLF counts once.
 */

import { decimalNumber } from './decimal-number.js';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, tooLongMessage } from './record-limits.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Why the scanner stopped: each marks input on which it might disagree with papaparse. */
export type ScanFallbackReason =
  /** a quote inside an unquoted field (papaparse keeps it as text) */
  | 'quote-in-unquoted-field'
  /** anything but a separator or line end after a closing quote (papaparse reports InvalidQuotes) */
  | 'text-after-closing-quote'
  /** a quoted field still open at the end of the input (papaparse reports MissingQuotes) */
  | 'unterminated-quote'
  /** a CR not followed by LF outside quotes (ingest reads it as text, through papaparse) */
  | 'bare-cr'
  /** not for the byte scanner at all: UTF-16, or a separator that is not one ASCII byte */
  | 'unsupported-input'
  /** the record being scanned is longer than maxRecordBytes and has not ended: the caller skips to the next line */
  | 'record-too-long';

export interface ScanFallback {
  reason: ScanFallbackReason;
  /** absolute byte offset (in the bytes pushed, BOM included) of the first byte of the record being scanned */
  recordOffset: number;
  /** physical line of that record */
  line: number;
  /** absolute byte offset of the byte that made the scanner unsure */
  offset: number;
  /** records handed to onRecord before it (every one of them is exact) */
  records: number;
}

export type Newline = 'lf' | 'crlf';

/** Decodes bytes[start, end) to text. */
export type ByteDecoder = (bytes: Uint8Array, start: number, end: number) => string;

export interface ByteScannerOptions {
  /** the separator byte, e.g. 0x2c for a comma, 0x3b semicolon, 0x09 tab */
  separator: number;
  /** called once per record; the record and its bytes are valid only during the call */
  onRecord: (record: ByteRecord) => void;
  /** decoder for fieldString and rawString (default UTF-8) */
  decode?: ByteDecoder;
  /** physical line number of the first byte pushed (default 1), for a byte range of a larger file */
  startLine?: number;
  /** absolute byte offset of the first byte pushed (default 0), for a byte range of a larger file */
  startOffset?: number;
  /** skip a UTF-8 BOM at the start (default true; pass false for a range that does not start the file) */
  stripBom?: boolean;
  /** what newline() reports until a line end is seen (LF and CRLF both end a record either way) */
  newline?: Newline;
  /** a record still open past this many bytes stops the scan ('record-too-long'); default MAX_RECORD_BYTES */
  maxRecordBytes?: number;
  /** a whole record with a field longer than this is handed on with a parseError; default MAX_FIELD_BYTES */
  maxFieldBytes?: number;
}

/** One record with lazy field access, as both the byte scanner and the library fallback hand it on. */
export interface CsvRecord {
  /** physical line (1-based) of the record's first byte */
  readonly line: number;
  readonly fieldCount: number;
  /** the library parser's complaint about this record (never set by the byte scanner, which falls back instead) */
  readonly parseError: string | undefined;
  /** field i as text, doubled quotes undone ('' when i is out of range) */
  fieldString(i: number): string;
  /**
   * fieldString(i), but a value seen before comes from a cache keyed by its bytes, without decoding.
   * For low-cardinality columns (wave, neighbourhood, age band, sex); the cache holds at most 4096 values.
   */
  fieldCached(i: number): string;
  /** field i as a non-negative integer when it is 1–9 ASCII digits, otherwise -1 (then decode it) */
  fieldInt(i: number): number;
  /**
   * field i as a decimal number (decimalNumber: no hex, no Infinity, NaN when empty); plain decimals are parsed from
   * the bytes
   */
  fieldNumber(i: number): number;
  /** every field as text */
  fields(): string[];
}

/** One record. A single object is reused from record to record: copy what you keep. */
export interface ByteRecord extends CsvRecord {
  /** absolute byte offset of the record's first byte */
  readonly offset: number;
  readonly fieldCount: number;
  /** the buffer that the offsets below index */
  readonly bytes: Uint8Array;
  /** the record's raw bytes are bytes[start, end), line end excluded */
  readonly start: number;
  readonly end: number;
  /** field i's content is bytes[starts[i], ends[i]) (inside its quotes, doubled quotes not yet undone) */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 0 unquoted, 1 quoted, 2 quoted and holding doubled quotes */
  readonly quoting: Uint8Array;
  /** the record's raw text, as it stands in the file */
  rawString(): string;
}

export interface ByteScanner {
  /** Scans a chunk. Returns a ScanFallback when unsure; the scanner then ignores further input. */
  push(chunk: Uint8Array): ScanFallback | undefined;
  /** Ends the input: scans the last record. Returns a ScanFallback when unsure. */
  end(): ScanFallback | undefined;
  /** the first line end seen outside quotes (or the one given), once known */
  newline(): Newline | undefined;
  /** records handed to onRecord so far */
  records(): number;
  /** blank lines (and records that are one empty field, `""`) skipped so far */
  blankLines(): number;
}

const FIELD_START = 0;
const IN_UNQUOTED = 1;
const IN_QUOTED = 2;
const AFTER_QUOTED = 3;

/** Exact powers of ten: m / 10^k is correctly rounded for m < 2^53 and k ≤ 22 (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const CACHE_MAX_VALUES = 4096;
const CACHE_MAX_BYTES = 64;
const CACHE_SLOTS = 2 * CACHE_MAX_VALUES;

const utf8: ByteDecoder = (bytes, start, end) =>
  (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString(
    'utf8',
    start,
    end,
  );

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Creates a streaming scanner; push chunks of any size, then call end(). */
export function createByteScanner(options: ByteScannerOptions): ByteScanner {
  const sep = options.separator;
  if (!Number.isInteger(sep) || sep < 0 || sep > 0x7f || sep === QUOTE || sep === LF || sep === CR) {
    throw new RangeError(`byte scanner: the separator must be one ASCII byte other than quote, CR or LF, not ${sep}`);
  }
  const onRecord = options.onRecord;
  const decode = options.decode ?? utf8;
  const maxRecord = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const maxField = options.maxFieldBytes ?? MAX_FIELD_BYTES;
  let nl: Newline | undefined = options.newline;
  let bomPending = options.stripBom ?? true;

  // Bytes that stop the unquoted-field loop.
  const special = new Uint8Array(256);
  special[sep] = 1;
  special[LF] = 1;
  special[CR] = 1;
  special[QUOTE] = 1;

  let buf: Buffer = Buffer.alloc(0);
  let base = options.startOffset ?? 0; // absolute offset of buf[0]
  let pos = 0; // next byte to examine
  let state = FIELD_START;
  let line = options.startLine ?? 1; // physical line at pos
  let recStart = 0; // index in buf of the current record's first byte
  let recLine = line;
  let fieldStart = 0;
  let escaped = 0;
  let nFields = 0;
  let emitted = 0;
  let blank = 0;
  let starts = new Int32Array(256);
  let ends = new Int32Array(256);
  let quoting = new Uint8Array(256);
  let failure: ScanFallback | undefined;
  let work = Buffer.alloc(0); // reused, so that carrying a partial record over costs no fresh memory
  let nextQuote = -1; // index in buf of the first quote at or after the last lookup; reset when buf changes
  let nextCr = -1;
  // fieldCached's table: open addressing, at most half full, so a probe always ends at an empty slot.
  const slotHash = new Int32Array(CACHE_SLOTS);
  const slotEntry = new Int32Array(CACHE_SLOTS); // 1 + index into cacheKeys/cacheValues; 0 = empty
  const cacheKeys: Uint8Array[] = [];
  const cacheValues: string[] = [];

  const record = {
    line: 0,
    offset: 0,
    fieldCount: 0,
    parseError: undefined as string | undefined,
    bytes: buf as Uint8Array,
    start: 0,
    end: 0,
    starts,
    ends,
    quoting,
    fieldString(i: number): string {
      if (i < 0 || i >= record.fieldCount) return '';
      const s = decode(record.bytes, starts[i] ?? 0, ends[i] ?? 0);
      return quoting[i] === 2 ? s.replaceAll('""', '"') : s;
    },
    fieldCached(i: number): string {
      if (i < 0 || i >= record.fieldCount) return '';
      const s = starts[i] ?? 0;
      const e = ends[i] ?? 0;
      if (quoting[i] === 2 || e - s > CACHE_MAX_BYTES) return record.fieldString(i);
      const b = record.bytes;
      let h = 0x811c9dc5 ^ (e - s);
      for (let k = s; k < e; k++) h = Math.imul(h ^ (b[k] as number), 16777619);
      let slot = h & (CACHE_SLOTS - 1);
      for (let entry = slotEntry[slot] as number; entry !== 0; entry = slotEntry[slot] as number) {
        if (slotHash[slot] === h) {
          const key = cacheKeys[entry - 1] as Uint8Array;
          let same = key.length === e - s;
          for (let k = 0; same && k < key.length; k++) same = key[k] === b[s + k];
          if (same) return cacheValues[entry - 1] as string;
        }
        slot = (slot + 1) & (CACHE_SLOTS - 1);
      }
      const value = record.fieldString(i);
      if (cacheValues.length < CACHE_MAX_VALUES) {
        cacheKeys.push(Uint8Array.from(b.subarray(s, e)));
        cacheValues.push(value);
        slotHash[slot] = h;
        slotEntry[slot] = cacheValues.length;
      }
      return value;
    },
    fieldNumber(i: number): number {
      if (i < 0 || i >= record.fieldCount) return NaN;
      const s = starts[i] ?? 0;
      const e = ends[i] ?? 0;
      if (e <= s) return NaN;
      const b = record.bytes;
      let m = 0;
      let digits = 0;
      let scale = -1; // digits after the point, once one is seen
      for (let k = s; k < e; k++) {
        const c = b[k] as number;
        if (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          digits++;
          if (scale >= 0) scale++;
        } else if (c === 0x2e && scale < 0) scale = 0;
        else return decimalNumber(record.fieldString(i));
      }
      if (digits === 0 || digits > 15) return decimalNumber(record.fieldString(i));
      return scale > 0 ? m / (POW10[scale] as number) : m;
    },
    fieldInt(i: number): number {
      if (i < 0 || i >= record.fieldCount) return -1;
      const s = starts[i] ?? 0;
      const e = ends[i] ?? 0;
      if (e <= s || e - s > 9) return -1;
      const b = record.bytes;
      let v = 0;
      for (let k = s; k < e; k++) {
        const d = (b[k] ?? 0) - 48;
        if (d < 0 || d > 9) return -1;
        v = v * 10 + d;
      }
      return v;
    },
    fields(): string[] {
      return Array.from({ length: record.fieldCount }, (_, i) => record.fieldString(i));
    },
    rawString(): string {
      return decode(record.bytes, record.start, record.end);
    },
  };

  function fail(reason: ScanFallbackReason, at: number): false {
    failure = { reason, recordOffset: base + recStart, line: recLine, offset: base + at, records: emitted };
    return false;
  }

  function growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    starts = grow(starts, (n) => new Int32Array(n));
    ends = grow(ends, (n) => new Int32Array(n));
    quoting = grow(quoting, (n) => new Uint8Array(n));
    record.starts = starts;
    record.ends = ends;
    record.quoting = quoting;
  }

  function pushField(s: number, e: number, q: number): void {
    if (nFields === starts.length) growFields();
    starts[nFields] = s;
    ends[nFields] = e;
    quoting[nFields] = q;
    nFields++;
  }

  /** Ends the record whose last field was just pushed; `end` is where its line end starts, `next` the byte after. */
  function endRecord(end: number, next: number, lfs: number): void {
    if (!(nFields === 1 && starts[0] === ends[0])) {
      record.parseError = end - recStart > maxField ? sizeProblem(end) : undefined;
      record.line = recLine;
      record.offset = base + recStart;
      record.fieldCount = nFields;
      record.bytes = buf;
      record.start = recStart;
      record.end = end;
      emitted++;
      onRecord(record);
    } else blank++;
    nFields = 0;
    line += lfs;
    recStart = next;
    recLine = line;
    state = FIELD_START;
  }

  /** A whole record over the limits (rare, so only records longer than a field's limit are looked at). */
  function sizeProblem(end: number): string | undefined {
    if (end - recStart > maxRecord) return tooLongMessage('record', maxRecord);
    for (let i = 0; i < nFields; i++)
      if ((ends[i] as number) - (starts[i] as number) > maxField) return tooLongMessage('field', maxField, i + 1);
    return undefined;
  }

  /** The line end at p (b[p] is CR or LF): its length, 0 when the next chunk must decide, -1 when unsure. */
  function lineEnd(b: Buffer, p: number, n: number, final: boolean): number {
    let len = 0;
    if (b[p] === LF) len = 1;
    else if (p + 1 >= n) {
      if (final) len = -1;
    } else len = b[p + 1] === LF ? 2 : -1;
    if (len < 0) {
      fail('bare-cr', p);
      return -1;
    }
    if (len > 0) nl ??= len === 1 ? 'lf' : 'crlf';
    return len;
  }

  function scan(final: boolean): boolean {
    const b = buf;
    const n = b.length;
    let p = pos;
    if (bomPending) {
      if (n < 3 && !final) return true;
      if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) p = recStart = 3;
      bomPending = false;
    }
    for (;;) {
      // Fast path: a whole line with no quote and no CR but its line end is split on separators alone.
      if (state === FIELD_START && nFields === 0 && p < n) {
        const lf = b.indexOf(LF, p);
        if (lf !== -1) {
          if (nextQuote < p) nextQuote = b.indexOf(QUOTE, p) >>> 0; // -1 becomes 2^32 - 1: "none ahead"
          if (nextCr < p) nextCr = b.indexOf(CR, p) >>> 0;
          const crlf = nextCr === lf - 1;
          if (nextQuote > lf && (crlf || nextCr > lf)) {
            nl ??= crlf ? 'crlf' : 'lf';
            const end = crlf ? lf - 1 : lf;
            if (end - p >= starts.length) {
              // a line longer than the field arrays: grow them field by field, not to the line's length
              let s = p;
              for (let i = p; i < end; i++) {
                if (b[i] === sep) {
                  pushField(s, i, 0);
                  s = i + 1;
                }
              }
              pushField(s, end, 0);
              endRecord(end, lf + 1, 1);
              p = lf + 1;
              continue;
            }
            const st = starts;
            const en = ends;
            const qu = quoting;
            let f = 0;
            let s = p;
            for (let i = p; i < end; i++) {
              if (b[i] === sep) {
                st[f] = s;
                en[f] = i;
                qu[f++] = 0;
                s = i + 1;
              }
            }
            st[f] = s;
            en[f] = end;
            qu[f++] = 0;
            nFields = f;
            endRecord(end, lf + 1, 1);
            p = lf + 1;
            continue;
          }
        }
      }
      if (state === FIELD_START) {
        if (p >= n) break;
        escaped = 1;
        if (b[p] === QUOTE) {
          state = IN_QUOTED;
          fieldStart = ++p;
        } else {
          state = IN_UNQUOTED;
          fieldStart = p;
        }
      }
      if (state === IN_UNQUOTED) {
        while (p < n && special[b[p] as number] === 0) p++;
        if (p >= n) break;
        const c = b[p];
        if (c === QUOTE) return fail('quote-in-unquoted-field', p);
        pushField(fieldStart, p, 0);
        if (c === sep) {
          p++;
          state = FIELD_START;
          continue;
        }
        state = AFTER_QUOTED; // the field is pushed; only its line end is left, as after a closing quote
      }
      if (state === IN_QUOTED) {
        while (p < n) {
          const c = b[p] as number;
          if (c === QUOTE) break;
          if (c === LF) line++;
          p++;
        }
        if (p >= n) break;
        if (p + 1 >= n && !final) break; // the byte after the quote decides
        if (p + 1 < n && b[p + 1] === QUOTE) {
          escaped = 2;
          p += 2;
          continue;
        }
        pushField(fieldStart, p, escaped);
        p++;
        state = AFTER_QUOTED;
      }
      if (state === AFTER_QUOTED) {
        if (p >= n) break;
        const c = b[p];
        if (c === sep) {
          p++;
          state = FIELD_START;
          continue;
        }
        if (c !== LF && c !== CR) return fail('text-after-closing-quote', p);
        const len = lineEnd(b, p, n, final);
        if (len < 0) return false;
        if (len === 0) break;
        endRecord(p, p + len, 1);
        p += len;
      }
    }
    pos = p;
    // A record still open past the limit: a quote left open would otherwise hold the rest of the file in memory.
    if (n - recStart > maxRecord) return fail('record-too-long', n);
    return true;
  }

  function rebase(chunk: Buffer): void {
    const keep = buf.length - recStart;
    nextQuote = nextCr = -1;
    if (keep <= 0) {
      base += buf.length;
      pos -= buf.length;
      buf = chunk;
      recStart = 0;
      return;
    }
    const shift = recStart;
    const total = keep + chunk.length;
    if (work.length < total) {
      const bigger = Buffer.allocUnsafe(Math.max(total, 2 * work.length));
      buf.copy(bigger, 0, shift);
      work = bigger;
    } else buf.copy(work, 0, shift); // copy() allows the overlap when buf is a view of work
    work.set(chunk, keep);
    buf = work.subarray(0, total);
    base += shift;
    pos -= shift;
    fieldStart -= shift;
    recStart = 0;
    for (let i = 0; i < nFields; i++) {
      starts[i] = (starts[i] as number) - shift;
      ends[i] = (ends[i] as number) - shift;
    }
  }

  return {
    push(chunk) {
      if (failure) return failure;
      if (chunk.length === 0) return undefined;
      rebase(asBuffer(chunk));
      scan(false);
      return failure;
    },
    end() {
      if (failure) return failure;
      if (!scan(true)) return failure;
      const n = buf.length;
      if (state === IN_QUOTED) {
        fail('unterminated-quote', n);
        return failure;
      }
      if (state === IN_UNQUOTED) pushField(fieldStart, n, 0);
      else if (state === FIELD_START && nFields > 0) pushField(n, n, 0); // the input ends just after a separator
      if (nFields > 0) endRecord(n, n, 0);
      return undefined;
    },
    newline: () => nl,
    records: () => emitted,
    blankLines: () => blank,
  };
}
