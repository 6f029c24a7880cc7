import { ByteCursor } from './byte-cursor.js';
import type { FileSource } from './file-source.js';

/**
 * A variable record (type 2). Each record is one 8-byte slot of the case; a string wider than 8
 * bytes is one record followed by continuation records (type -1) for its other slots.
 */
export interface RawVariableRecord {
  /** 0 numeric, 1..255 string width, -1 continuation of the string before it */
  type: number;
  shortName: Buffer;
  label: Buffer | null;
  /** n_missing_values: 0..3 discrete values, -2 a range, -3 a range and one value */
  missingCode: number;
  /** the missing-value fields as stored: 8 bytes each (flt64, or string bytes for strings) */
  missingRaw: Buffer[];
}

/** Reads the rest of a type-2 record (its rec_type has been read). */
export async function readVariableRecord(src: FileSource, le: boolean): Promise<RawVariableRecord> {
  const c = new ByteCursor(await src.bytes(28), le);
  const type = c.int32();
  const hasLabel = c.int32();
  const missingCode = c.int32();
  c.int32(); // print format
  c.int32(); // write format
  const shortName = Buffer.from(c.bytes(8));
  let label: Buffer | null = null;
  if (hasLabel !== 0) {
    const len = new ByteCursor(await src.bytes(4), le).int32();
    if (len < 0 || len > 65535) throw new RangeError(`variable label length ${len} is out of range`);
    const padded = Math.ceil(len / 4) * 4;
    label = Buffer.from((await src.bytes(padded)).subarray(0, len));
  }
  const nMissing = Math.abs(missingCode);
  if (![0, 1, 2, 3].includes(nMissing))
    throw new RangeError(`variable has ${missingCode} missing values (allowed: -3..3)`);
  const missingRaw: Buffer[] = [];
  if (nMissing > 0) {
    const raw = await src.bytes(8 * nMissing);
    for (let i = 0; i < nMissing; i++) missingRaw.push(Buffer.from(raw.subarray(i * 8, i * 8 + 8)));
  }
  return { type, shortName, label, missingCode, missingRaw };
}
