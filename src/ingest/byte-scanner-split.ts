import { open } from 'node:fs/promises';
import type { Newline } from './byte-scanner.js';

/**
 * Quote-safe split points for parsing one file in parallel byte ranges.
 *
 * It counts quote bytes from the start of the input: after a line feed, an even count means "outside quotes"
 * (a doubled quote adds two), so the byte after such a line feed starts a record. This is exact for every input
 * that the byte scanner accepts up to that point. Hence the rule for the caller: scan every range with
 * createByteScanner; if any range falls back, fall back for the whole file. When none does, each range start was
 * a true record start, by induction from offset 0 (range k's scanner has validated every quote before range k+1).
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface ByteRange {
  /** first byte of the range (a record start; 0 for the first range) */
  start: number;
  /** one past the last byte */
  end: number;
  /** physical line (1-based) of the byte at `start` */
  line: number;
}

export interface RecordSplit {
  /** at most n ranges covering [0, size), in order, each non-empty */
  ranges: ByteRange[];
  /** the line end of the first line end outside quotes, when one was seen before the last split */
  newline: Newline | undefined;
}

/** Incremental splitter: feed it the input in order, then ask for the ranges. */
function createSplitter(size: number, n: number) {
  const targets: number[] = [];
  for (let k = 1; k < n; k++) targets.push(Math.floor((size * k) / n));
  const ranges: ByteRange[] = [];
  let rangeStart = 0;
  let rangeLine = 1;
  let ti = 0;
  let quotes = 0;
  let lines = 1;
  let prev = -1; // the byte before the current chunk
  let newline: Newline | undefined;

  const count = (b: Uint8Array, byte: number, from: number, to: number): number => {
    let c = 0;
    for (let i = b.indexOf(byte, from); i !== -1 && i < to; i = b.indexOf(byte, i + 1)) c++;
    return c;
  };

  /** Records the first line end outside quotes in b[from, to) (quote parity at `from` is `quotes`). */
  const findNewline = (b: Uint8Array, from: number, to: number): void => {
    let q = quotes;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === QUOTE) q++;
      else if (c === LF && (q & 1) === 0) {
        newline = (i > 0 ? b[i - 1] : prev) === CR ? 'crlf' : 'lf';
        return;
      }
    }
  };

  return {
    /** true while more input is needed */
    wants: () => ti < targets.length,
    feed(b: Uint8Array, base: number): void {
      const len = b.length;
      let p = 0;
      while (p < len && ti < targets.length) {
        const stop = Math.min(len, Math.max(p, (targets[ti] as number) - base));
        if (newline === undefined) findNewline(b, p, stop);
        quotes += count(b, QUOTE, p, stop);
        lines += count(b, LF, p, stop);
        p = stop;
        // At or past the target: the next LF outside quotes ends the range.
        while (p < len) {
          const c = b[p];
          if (c === QUOTE) quotes++;
          else if (c === LF) {
            if (newline === undefined && (quotes & 1) === 0) newline = (p > 0 ? b[p - 1] : prev) === CR ? 'crlf' : 'lf';
            lines++;
            if ((quotes & 1) === 0) {
              const at = base + p + 1;
              p++;
              if (at < size) {
                ranges.push({ start: rangeStart, end: at, line: rangeLine });
                rangeStart = at;
                rangeLine = lines;
              }
              while (ti < targets.length && (targets[ti] as number) < at) ti++;
              break;
            }
          }
          p++;
        }
      }
      if (len > 0) prev = b[len - 1] as number;
    },
    finish(): RecordSplit {
      if (size > rangeStart) ranges.push({ start: rangeStart, end: size, line: rangeLine });
      return { ranges, newline };
    },
  };
}

/** Splits in-memory bytes into at most n ranges that each start a record (see the module comment). */
export function splitRecordRanges(bytes: Uint8Array, n: number): RecordSplit {
  const s = createSplitter(bytes.length, Math.max(1, Math.floor(n)));
  s.feed(bytes, 0);
  return s.finish();
}

/**
 * Splits a file into at most n ranges that each start a record. Reads the file from the start up to the last split
 * point, counting quotes and line feeds (about the cost of reading it).
 */
export async function splitFileRanges(path: string, n: number, chunkSize = 1 << 20): Promise<RecordSplit> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const s = createSplitter(size, Math.max(1, Math.floor(n)));
    const buf = Buffer.allocUnsafe(chunkSize);
    let base = 0;
    while (s.wants() && base < size) {
      const { bytesRead } = await fh.read(buf, 0, chunkSize, base);
      if (bytesRead === 0) break;
      s.feed(buf.subarray(0, bytesRead), base);
      base += bytesRead;
    }
    return s.finish();
  } finally {
    await fh.close();
  }
}
