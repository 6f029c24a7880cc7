import type { FileHandle } from 'node:fs/promises';

/**
 * Sequential reads from a file handle through a buffer, for the dictionary part of a .sav file.
 * `bytes(n)` returns exactly n bytes or throws `TruncatedError`.
 */
export class FileSource {
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0; // file offset of buf[0]
  private off = 0; // read position within buf

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
    private readonly chunk = 64 * 1024,
  ) {}

  /** The file offset of the next byte `bytes` would return. */
  get position(): number {
    return this.bufStart + this.off;
  }

  async bytes(n: number): Promise<Buffer> {
    if (this.off + n <= this.buf.length) {
      const b = this.buf.subarray(this.off, this.off + n);
      this.off += n;
      return b;
    }
    const start = this.position;
    if (start + n > this.size) throw new TruncatedError(start, n, this.size);
    const want = Math.max(n, Math.min(this.chunk, this.size - start));
    const next = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.fh.read(next, got, want - got, start + got);
      if (bytesRead === 0) throw new TruncatedError(start, n, start + got);
      got += bytesRead;
    }
    this.buf = next;
    this.bufStart = start;
    this.off = n;
    return next.subarray(0, n);
  }
}

export class TruncatedError extends Error {
  constructor(
    readonly offset: number,
    readonly wanted: number,
    readonly size: number,
  ) {
    super(`the file ends at byte ${size}, but ${wanted} more bytes were expected at byte ${offset}`);
  }
}

/** Reads exactly `length` bytes at `position`, or throws `TruncatedError`. */
export async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(out, got, length - got, position + got);
    if (bytesRead === 0) throw new TruncatedError(position, length, position + got);
    got += bytesRead;
  }
  return out;
}
