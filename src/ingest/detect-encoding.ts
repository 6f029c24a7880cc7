import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';

export interface EncodingInfo {
  encoding: Encoding;
  /** bytes of byte-order mark to skip */
  bomLength: number;
  size: number;
  /** a NUL byte in 8-bit text: the file is binary, not a survey */
  binary: boolean;
}

const CHUNK = 1 << 20;

/**
 * Decide the file's encoding from its BOM, or else by checking EVERY byte for valid UTF-8: the first
 * Windows-1252 byte may sit near the end of a large file, so the first block alone would mislead.
 */
export async function detectEncoding(path: string): Promise<EncodingInfo> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(4, size));
    await fh.read(head, 0, head.length, 0);
    if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2, size, binary: false };
    if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bomLength: 2, size, binary: false };
    const utf16 = await utf16WithoutBom(fh, size);
    if (utf16) return { encoding: utf16, bomLength: 0, size, binary: false };
    const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;

    const buf = Buffer.alloc(CHUNK + 4);
    let carry = 0;
    let pos = bomLength;
    let valid = true;
    let binary = false;
    while (pos < size) {
      const { bytesRead } = await fh.read(buf, carry, CHUNK, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const len = carry + bytesRead;
      if (buf.subarray(carry, len).includes(0)) binary = true;
      // Hold back an incomplete multi-byte sequence at the end so the next chunk completes it.
      const cut = pos < size ? incompleteTail(buf, len) : 0;
      if (valid && !isUtf8(buf.subarray(0, len - cut))) valid = false;
      if (!valid && binary) break;
      buf.copy(buf, 0, len - cut, len);
      carry = cut;
    }
    return { encoding: valid ? 'utf8' : 'windows-1252', bomLength, size, binary };
  } finally {
    await fh.close();
  }
}

/**
 * UTF-16 text saved without a byte-order mark (some export tools do): in the first 4 KiB, every other byte is NUL
 * and the bytes between are not. Text made of characters beyond U+00FF would not show the pattern, but a survey
 * file's header is ASCII, so its first bytes always do.
 */
async function utf16WithoutBom(
  fh: Awaited<ReturnType<typeof open>>,
  size: number,
): Promise<'utf16le' | 'utf16be' | null> {
  const n = Math.min(4096, size) & ~1;
  if (n < 4) return null;
  const b = Buffer.alloc(n);
  await fh.read(b, 0, n, 0);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (evenNul === 0 && oddNul >= pairs * 0.9) return 'utf16le';
  if (oddNul === 0 && evenNul >= pairs * 0.9) return 'utf16be';
  return null;
}

/** How many trailing bytes start a UTF-8 sequence that the buffer does not finish (0–3). */
function incompleteTail(buf: Buffer, len: number): number {
  for (let back = 1; back <= Math.min(3, len); back++) {
    const b = buf[len - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
