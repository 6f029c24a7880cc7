import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { EncodingInfo } from './detect-encoding.js';

const ICONV_NAME = { utf16le: 'utf16le', utf16be: 'utf16be', 'windows-1252': 'win1252' } as const;

/** A stream of decoded text, the byte-order mark removed. */
export function openTextStream(path: string, info: EncodingInfo, highWaterMark = 1 << 20): Readable {
  const bytes = createReadStream(path, { start: info.bomLength, highWaterMark });
  if (info.encoding === 'utf8') return bytes.setEncoding('utf8');
  return bytes.pipe(iconv.decodeStream(ICONV_NAME[info.encoding], { stripBOM: true })) as unknown as Readable;
}

/** The first `bytes` of a file as text (for the header and separator). */
export async function readHead(path: string, info: EncodingInfo, bytes = 65536): Promise<string> {
  const stream = openTextStream(path, info, bytes);
  for await (const chunk of stream) {
    stream.destroy();
    return String(chunk);
  }
  return '';
}
