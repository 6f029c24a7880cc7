import { ByteCursor } from './byte-cursor.js';

/** Record 7/22: missing values of string variables wider than 8 bytes, keyed by variable name. */
export interface RawLongStringMissing {
  varName: Buffer;
  values: Buffer[];
}

export function parseLongStringMissing(data: Buffer, le: boolean): RawLongStringMissing[] {
  const c = new ByteCursor(data, le);
  const out: RawLongStringMissing[] = [];
  while (c.remaining > 0) {
    const varName = c.bytes(c.int32());
    const n = c.uint8();
    const valueLen = c.int32();
    const values: Buffer[] = [];
    for (let i = 0; i < n; i++) values.push(c.bytes(valueLen));
    out.push({ varName, values });
  }
  return out;
}
