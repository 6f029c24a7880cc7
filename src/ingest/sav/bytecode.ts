import type { CaseAssembler } from './case-assembler.js';

/**
 * Streaming decoder of SPSS bytecode compression. The data are groups of 8 command bytes, each
 * group followed by the 8-byte literals its code-253 commands call for:
 *   0 padding (ignored) · 1..251 the number code − bias · 252 end of data · 253 a literal follows
 *   · 254 eight spaces · 255 system-missing.
 * Chunks may split a command group or a literal anywhere; the state carries over between `push`es.
 */
export class BytecodeDecoder {
  private readonly codes = Buffer.alloc(8);
  private codeIndex = 8; // 8 = the next thing to read is a command group
  private readonly carry = Buffer.alloc(8);
  private carryLen = 0;
  /** set once code 252 (end of data) is seen; later bytes are ignored */
  ended = false;

  private chunk: Buffer = Buffer.alloc(0);
  private pos = 0;
  private takenBuf: Buffer = this.carry;
  private takenOff = 0;

  constructor(
    private readonly bias: number,
    private readonly sysmis: number,
    private readonly sink: CaseAssembler,
  ) {}

  push(chunk: Buffer): void {
    if (this.ended) return;
    this.chunk = chunk;
    this.pos = 0;
    const { codes, sink } = this;
    for (;;) {
      if (this.codeIndex === 8) {
        if (!this.take8()) return;
        this.takenBuf.copy(codes, 0, this.takenOff, this.takenOff + 8);
        this.codeIndex = 0;
      }
      const code = codes[this.codeIndex] as number;
      if (code === 253) {
        if (!this.take8()) return;
        sink.pushSlot(this.takenBuf, this.takenOff);
      } else if (code === 0) {
        // padding
      } else if (code === 254) {
        sink.pushSpaces();
      } else if (code === 255) {
        sink.pushNumber(this.sysmis);
      } else if (code === 252) {
        this.ended = true;
        return;
      } else {
        sink.pushNumber(code - this.bias);
      }
      this.codeIndex++;
    }
  }

  /**
   * True when the data stopped at a clean place: after code 252, or between command groups with
   * no partial group or literal pending.
   */
  get cleanEnd(): boolean {
    return this.ended || (this.codeIndex === 8 && this.carryLen === 0) || this.restIsPadding();
  }

  private restIsPadding(): boolean {
    if (this.carryLen !== 0) return false;
    for (let i = this.codeIndex; i < 8; i++) if (this.codes[i] !== 0 && this.codes[i] !== 252) return false;
    return true;
  }

  /** Makes the next 8 input bytes available at takenBuf[takenOff..]; false if the chunk ran out. */
  private take8(): boolean {
    const avail = this.chunk.length - this.pos;
    if (this.carryLen === 0 && avail >= 8) {
      this.takenBuf = this.chunk;
      this.takenOff = this.pos;
      this.pos += 8;
      return true;
    }
    const n = Math.min(8 - this.carryLen, avail);
    this.chunk.copy(this.carry, this.carryLen, this.pos, this.pos + n);
    this.carryLen += n;
    this.pos += n;
    if (this.carryLen < 8) return false;
    this.carryLen = 0;
    this.takenBuf = this.carry;
    this.takenOff = 0;
    return true;
  }
}
