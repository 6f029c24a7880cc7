import { ByteCursor } from './byte-cursor.js';

/** Record 7/3, machine integer info: only the character code matters to a reader. */
export interface IntegerInfo {
  floatingPointRep: number;
  endianness: number;
  /** a Windows code page number (65001 = UTF-8, 1252, ...) or 1 EBCDIC, 2 7-bit ASCII, 3 8-bit ASCII */
  characterCode: number;
}

export function parseIntegerInfo(data: Buffer, le: boolean): IntegerInfo | null {
  if (data.length < 32) return null;
  const c = new ByteCursor(data, le);
  c.int32(); // version major
  c.int32(); // version minor
  c.int32(); // version revision
  c.int32(); // machine code
  const floatingPointRep = c.int32();
  c.int32(); // compression code
  const endianness = c.int32();
  const characterCode = c.int32();
  return { floatingPointRep, endianness, characterCode };
}

/** Record 7/4, machine floating-point info: the values used for SYSMIS, HIGHEST and LOWEST. */
export interface FloatInfo {
  sysmis: number;
  highest: number;
  lowest: number;
}

export function parseFloatInfo(data: Buffer, le: boolean): FloatInfo | null {
  if (data.length < 24) return null;
  const c = new ByteCursor(data, le);
  return { sysmis: c.float64(), highest: c.float64(), lowest: c.float64() };
}

/** The usual values: SYSMIS is -DBL_MAX, HIGHEST DBL_MAX, LOWEST the next float above -DBL_MAX. */
export const DEFAULT_FLOAT_INFO: FloatInfo = (() => {
  const b = Buffer.from('feffffffffffefff', 'hex'); // nextafter(-DBL_MAX, 0), little-endian
  return { sysmis: -Number.MAX_VALUE, highest: Number.MAX_VALUE, lowest: b.readDoubleLE(0) };
})();
