import { createReadStream } from 'node:fs';
import { createByteScanner, type ByteScannerOptions, type Newline, type ScanFallback } from './byte-scanner.js';
import type { ByteRange } from './byte-scanner-split.js';

export interface ScanFileResult {
  /** set when the scanner was unsure: the caller re-reads the file (or this range) with the library parser */
  fallback: ScanFallback | undefined;
  /** records handed to onRecord */
  records: number;
  newline: Newline | undefined;
}

/**
 * Scans a whole file, or one byte range of it from splitFileRanges, with the byte scanner.
 * Stops reading at the first fallback.
 */
export async function scanFile(
  path: string,
  options: Omit<ByteScannerOptions, 'startLine' | 'startOffset' | 'stripBom'>,
  range?: ByteRange,
  highWaterMark = 1 << 20,
): Promise<ScanFileResult> {
  const start = range?.start ?? 0;
  const scanner = createByteScanner({
    ...options,
    startLine: range?.line ?? 1,
    startOffset: start,
    stripBom: start === 0,
  });
  if (range && range.end <= range.start) return { fallback: undefined, records: 0, newline: scanner.newline() };
  const stream = createReadStream(path, { start, end: range ? range.end - 1 : undefined, highWaterMark });
  let fallback: ScanFallback | undefined;
  try {
    for await (const chunk of stream) {
      fallback = scanner.push(chunk as Buffer);
      if (fallback) break;
    }
  } finally {
    stream.destroy();
  }
  fallback ??= scanner.end();
  return { fallback, records: scanner.records(), newline: scanner.newline() };
}
