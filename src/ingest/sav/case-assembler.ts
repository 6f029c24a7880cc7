import { readFloat } from './byte-cursor.js';
import type { VarLayout } from './build-dictionary.js';
import type { SavCase } from './types.js';

/**
 * Fills one uncompressed case buffer (8 bytes per slot) from slots or raw bytes and, each time it
 * is full, decodes it into a SavCase appended to `out`. Both the uncompressed and the compressed
 * data paths feed it, so the decoding of values exists once.
 */
export class CaseAssembler {
  readonly out: SavCase[] = [];
  count = 0;
  private readonly buf: Buffer;
  private fill = 0;
  private readonly spaces = Buffer.alloc(8, 0x20);

  constructor(
    private readonly layout: VarLayout[],
    private readonly caseBytes: number,
    private readonly le: boolean,
    private readonly sysmis: number,
    private readonly decode: (b: Buffer) => string,
  ) {
    if (caseBytes <= 0) throw new RangeError('the dictionary has no variables');
    this.buf = Buffer.alloc(caseBytes);
  }

  /** True when a case has been started but not finished. */
  get partial(): boolean {
    return this.fill > 0;
  }

  /** Uncompressed data: any run of bytes. */
  pushBytes(src: Buffer): void {
    let pos = 0;
    while (pos < src.length) {
      const n = Math.min(this.caseBytes - this.fill, src.length - pos);
      src.copy(this.buf, this.fill, pos, pos + n);
      this.fill += n;
      pos += n;
      if (this.fill === this.caseBytes) this.flush();
    }
  }

  /** One 8-byte slot copied from src at off. */
  pushSlot(src: Buffer, off: number): void {
    src.copy(this.buf, this.fill, off, off + 8);
    this.advance();
  }

  pushNumber(v: number): void {
    if (this.le) this.buf.writeDoubleLE(v, this.fill);
    else this.buf.writeDoubleBE(v, this.fill);
    this.advance();
  }

  pushSpaces(): void {
    this.spaces.copy(this.buf, this.fill);
    this.advance();
  }

  private advance(): void {
    this.fill += 8;
    if (this.fill === this.caseBytes) this.flush();
  }

  private flush(): void {
    this.fill = 0;
    this.count++;
    this.out.push(this.decodeCase());
  }

  private decodeCase(): SavCase {
    const { buf, le, sysmis } = this;
    const row: SavCase = new Array(this.layout.length);
    for (let i = 0; i < this.layout.length; i++) {
      const l = this.layout[i] as VarLayout;
      if (l.kind === 'numeric') {
        const v = readFloat(buf, l.offset, le);
        row[i] = v === sysmis || Number.isNaN(v) ? null : v;
        continue;
      }
      let bytes: Buffer;
      if (l.segments.length === 1) {
        const s = l.segments[0] as { offset: number; length: number };
        bytes = buf.subarray(s.offset, s.offset + s.length);
      } else {
        bytes = Buffer.concat(l.segments.map((s) => buf.subarray(s.offset, s.offset + s.length))).subarray(0, l.width);
      }
      let end = bytes.length;
      while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end--;
      row[i] = end === 0 ? '' : this.decode(bytes.subarray(0, end));
    }
    return row;
  }
}
