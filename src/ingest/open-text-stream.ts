import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { EncodingInfo } from './detect-encoding.js';
import { loadIconv } from './lazy-iconv.js';
import { MAX_RECORD_BYTES } from './record-limits.js';

const ICONV_NAME = { utf16le: 'utf16le', utf16be: 'utf16be', 'windows-1252': 'win1252' } as const;

/** A stream of decoded text, the byte-order mark removed. */
export async function openTextStream(path: string, info: EncodingInfo, highWaterMark = 1 << 20): Promise<Readable> {
  if (info.encoding === 'utf8')
    return createReadStream(path, { start: info.bomLength, highWaterMark }).setEncoding('utf8');
  const iconv = await loadIconv();
  const bytes = createReadStream(path, { start: info.bomLength, highWaterMark });
  return bytes.pipe(iconv.decodeStream(ICONV_NAME[info.encoding], { stripBOM: true })) as unknown as Readable;
}

/**
 * The start of a file as text, for the header and the separator: at least the first `bytes` (when the file has them),
 * and on to the first line end, so that a header of any length up to the record limit (4 MiB) comes whole.
 */
export async function readHead(path: string, info: EncodingInfo, bytes = 65536): Promise<string> {
  const stream = await openTextStream(path, info, bytes);
  let text = '';
  try {
    for await (const chunk of stream) {
      text += String(chunk);
      if (text.length >= bytes && (text.includes('\n') || text.length > MAX_RECORD_BYTES)) break;
    }
  } finally {
    stream.destroy();
  }
  return text;
}
