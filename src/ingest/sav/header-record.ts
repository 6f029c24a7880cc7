import { ByteCursor } from './byte-cursor.js';

/** The file header: the first 176 bytes of every system file. */
export const HEADER_SIZE = 176;

export interface SavHeader {
  /** '$FL2' (uncompressed or bytecode) or '$FL3' (zlib, "zsav") */
  magic: '$FL2' | '$FL3';
  littleEndian: boolean;
  productName: Buffer;
  /** 8-byte slots per case, as the header claims (-1 when unknown) */
  nominalCaseSize: number;
  /** 0 none, 1 bytecode, 2 zlib */
  compressionCode: number;
  /** 1-based slot index of the weight variable, 0 for none */
  weightIndex: number;
  /** -1 when unknown */
  ncases: number;
  bias: number;
  fileLabel: Buffer;
}

const MAGIC_FL2 = [0x24, 0x46, 0x4c, 0x32];
const MAGIC_FL3 = [0x24, 0x46, 0x4c, 0x33];

export function magicOf(first: Uint8Array): '$FL2' | '$FL3' | null {
  if (first.length < 4) return null;
  const same = (m: number[]) => m.every((b, i) => first[i] === b);
  if (same(MAGIC_FL2)) return '$FL2';
  if (same(MAGIC_FL3)) return '$FL3';
  return null;
}

/**
 * Parses the header. The byte order is the one in which layout_code (offset 64) reads as 2 or 3.
 * Returns a string naming the problem when the bytes are not a system file header.
 */
export function parseHeader(buf: Buffer): SavHeader | string {
  if (buf.length < HEADER_SIZE) return `too short for a system file header (${buf.length} of ${HEADER_SIZE} bytes)`;
  const magic = magicOf(buf);
  if (magic === null) return 'not an SPSS system file (it does not start with $FL2 or $FL3)';
  const le = buf.readInt32LE(64);
  const be = buf.readInt32BE(64);
  let littleEndian: boolean;
  if (le === 2 || le === 3) littleEndian = true;
  else if (be === 2 || be === 3) littleEndian = false;
  else return `unrecognised layout code in the file header (${le})`;

  const c = new ByteCursor(buf, littleEndian);
  c.bytes(4);
  const productName = c.bytes(60);
  c.int32(); // layout_code
  const nominalCaseSize = c.int32();
  const compressionCode = c.int32();
  const weightIndex = c.int32();
  const ncases = c.int32();
  const bias = c.float64();
  c.bytes(9 + 8); // creation date and time
  const fileLabel = c.bytes(64);
  if (compressionCode < 0 || compressionCode > 2)
    return `unknown compression code ${compressionCode} in the file header`;
  if ((compressionCode === 2) !== (magic === '$FL3')) {
    return `the header says ${magic} but compression code ${compressionCode}`;
  }
  return { magic, littleEndian, productName, nominalCaseSize, compressionCode, weightIndex, ncases, bias, fileLabel };
}
