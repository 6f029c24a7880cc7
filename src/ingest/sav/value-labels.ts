import { ByteCursor } from './byte-cursor.js';
import type { FileSource } from './file-source.js';

/**
 * A value label record (type 3) with the variable index record (type 4) that must follow it.
 * Values stay as their 8 raw bytes until the variables' types are known.
 */
export interface RawValueLabels {
  labels: { value: Buffer; label: Buffer }[];
  /** 1-based slot indexes of the variables the labels apply to */
  slotIndexes: number[];
}

/** Reads a type-3 record (its rec_type has been read) and the type-4 record after it. */
export async function readValueLabels(src: FileSource, le: boolean): Promise<RawValueLabels> {
  const count = new ByteCursor(await src.bytes(4), le).int32();
  if (count < 0 || count > 1e7) throw new RangeError(`value label record claims ${count} labels`);
  const labels: RawValueLabels['labels'] = [];
  for (let i = 0; i < count; i++) {
    const head = await src.bytes(9);
    const value = Buffer.from(head.subarray(0, 8));
    const len = head[8] as number;
    // value (8) + length byte (1) + label, padded to a multiple of 8 bytes in all
    const padded = Math.ceil((len + 1) / 8) * 8 - 1;
    const label = Buffer.from((await src.bytes(padded)).subarray(0, len));
    labels.push({ value, label });
  }
  const c = new ByteCursor(await src.bytes(8), le);
  const recType = c.int32();
  if (recType !== 4)
    throw new RangeError(`a value label record must be followed by a type 4 record, found type ${recType}`);
  const nVars = c.int32();
  if (nVars < 0 || nVars > 1e7) throw new RangeError(`value label variable record claims ${nVars} variables`);
  const ix = new ByteCursor(await src.bytes(4 * nVars), le);
  const slotIndexes: number[] = [];
  for (let i = 0; i < nVars; i++) slotIndexes.push(ix.int32());
  return { labels, slotIndexes };
}

/** Record 7/21: value labels of string variables wider than 8 bytes, keyed by variable name. */
export interface RawLongStringLabels {
  varName: Buffer;
  width: number;
  labels: { value: Buffer; label: Buffer }[];
}

export function parseLongStringLabels(data: Buffer, le: boolean): RawLongStringLabels[] {
  const c = new ByteCursor(data, le);
  const out: RawLongStringLabels[] = [];
  while (c.remaining > 0) {
    const varName = c.bytes(c.int32());
    const width = c.int32();
    const n = c.int32();
    const labels: RawLongStringLabels['labels'] = [];
    for (let i = 0; i < n; i++) {
      const value = c.bytes(c.int32());
      const label = c.bytes(c.int32());
      labels.push({ value, label });
    }
    out.push({ varName, width, labels });
  }
  return out;
}
