// A minimal ZIP reader: list a file's entries from its central directory and stream one entry's bytes,
// inflated, by seeking to it. Enough for .xlsx parts (stored or deflated, ZIP64 sizes and offsets included);
// encrypted entries and multi-disk archives are refused.
//
// Why not a streaming pass over the whole file: exceljs's streaming reader does that (through unzipper) and on
// Node >= 18 it intermittently loses the last entries of the archive, which is where openpyxl and exceljs itself
// put xl/workbook.xml (exceljs issue #3064). Reading the directory first also means only the parts needed are
// read: the shared strings, the styles and the one selected sheet.

import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipDirectory {
  path: string;
  entries: ZipEntry[];
  /** the entry of that name, compared case-insensitively (OPC part names are case-insensitive) */
  find(name: string): ZipEntry | undefined;
  /** the entry's uncompressed bytes as a stream */
  open(entry: ZipEntry): Promise<Readable>;
}

export class NotAZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

function u64(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new NotAZipError('a ZIP64 size is too large');
  return Number(v);
}

export async function openZipDirectory(path: string): Promise<ZipDirectory> {
  const fh = await open(path, 'r');
  let entries: ZipEntry[];
  try {
    entries = await readDirectory(fh);
  } finally {
    await fh.close();
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);
  return {
    path,
    entries,
    find: (name) => byName.get(name.replace(/^\//, '').toLowerCase()),
    open: (entry) => openEntry(path, entry),
  };
}

async function readDirectory(fh: FileHandle): Promise<ZipEntry[]> {
  const size = (await fh.stat()).size;
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  const tailLength = Math.min(size, 22 + 65_535);
  const tailStart = size - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotAZipError('no ZIP end-of-directory record');
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0)
    throw new NotAZipError('a multi-part ZIP');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === U32_MAX || cdSize === U32_MAX || count === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR)
      throw new NotAZipError('a ZIP64 archive without its locator');
    const rec = await readAt(fh, u64(tail, loc + 8), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD)
      throw new NotAZipError('a damaged ZIP64 end-of-directory record');
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOffset = u64(rec, 48);
  }
  if (cdOffset + cdSize > size) throw new NotAZipError('the ZIP directory lies past the end of the file (truncated?)');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new NotAZipError('a damaged ZIP directory');
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
    };
    readZip64Extra(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field (id 1): the 8-byte values of whichever of size, compressed size, offset were 0xFFFFFFFF. */
function readZip64Extra(extra: Buffer, e: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = q + 8 <= p + 4 + len ? u64(extra, q) : U32_MAX;
        q += 8;
        return v;
      };
      if (e.size === U32_MAX) e.size = next();
      if (e.compressedSize === U32_MAX) e.compressedSize = next();
      if (e.localHeaderOffset === U32_MAX) e.localHeaderOffset = next();
      return;
    }
    p += 4 + len;
  }
}

async function openEntry(path: string, e: ZipEntry): Promise<Readable> {
  if (e.encrypted) throw new NotAZipError(`${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new NotAZipError(`${e.name} uses ZIP compression method ${e.method}`);
  const fh = await open(path, 'r');
  let local: Buffer;
  try {
    local = await readAt(fh, e.localHeaderOffset, 30);
  } finally {
    await fh.close();
  }
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new NotAZipError(`a damaged ZIP entry (${e.name})`);
  const start = e.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  const inflate = createInflateRaw();
  pipeline(raw, inflate, () => undefined); // an error destroys inflate with it, which its reader sees
  return inflate;
}
