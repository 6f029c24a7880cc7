/**
 * Reads the fixed-size fields of an in-memory record: int32, int64, flt64 and raw bytes, in the
 * byte order the file header declared.
 */
export class ByteCursor {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly littleEndian: boolean,
  ) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) {
      throw new RangeError(`record ends early: needed ${n} bytes at offset ${this.pos} of ${this.buf.length}`);
    }
  }

  int32(): number {
    this.need(4);
    const v = this.littleEndian ? this.buf.readInt32LE(this.pos) : this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): number {
    this.need(8);
    const v = this.littleEndian ? this.buf.readBigInt64LE(this.pos) : this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return Number(v);
  }

  float64(): number {
    this.need(8);
    const v = this.littleEndian ? this.buf.readDoubleLE(this.pos) : this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  uint8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }

  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

export const readFloat = (buf: Buffer, off: number, le: boolean): number =>
  le ? buf.readDoubleLE(off) : buf.readDoubleBE(off);

/** Drops trailing spaces and NUL bytes (SPSS pads strings with spaces to their width). */
export function rightTrimBytes(b: Buffer): Buffer {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0x00)) end--;
  return b.subarray(0, end);
}
